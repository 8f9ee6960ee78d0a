using System;
using System.Collections.Generic;
using System.Linq;
using SecretsTools.Model;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Migration;

/// <summary>A source value read for a plan; it stays in memory.</summary>
internal sealed record PlanSource(SecretStoreKind Store, string Name, SecretValue Value, string? ParameterType);

/// <summary>New-SecretMigrationPlan's choices, as the planner needs them.</summary>
internal sealed record MigrationPlanOptions
{
    public SecretStoreKind DestinationStore { get; init; }

    /// <summary>Parameter Store to Secrets Manager: pack parameters deeper than this into JSON secrets.</summary>
    public int? GroupByDepth { get; init; }

    /// <summary>Secrets Manager to Parameter Store: one parameter per key of a JSON secret.</summary>
    public bool Split { get; init; }

    /// <summary>The Parameter Store tier whose size limit the values must fit.</summary>
    public string Tier { get; init; } = "Standard";

    public bool Force { get; init; }

    /// <summary>The destination is reached with the sources' own connection, so a source can be planned onto itself.</summary>
    public bool SameConnection { get; init; }
}

/// <summary>A plan item and, while the plan is made, the value its destination is to hold.</summary>
internal sealed class PlanDraft
{
    public PlanDraft(SecretMigrationPlanItem item) => Item = item;

    public SecretMigrationPlanItem Item { get; set; }

    /// <summary>The destination value (MigrationContent.Compose); null for a Conflict.</summary>
    public SecretValue? Value { get; set; }

    public bool IsConflict => Item.Action == SecretMigrationAction.Conflict;

    public void Conflict(string reason)
    {
        Item = Item with { Action = SecretMigrationAction.Conflict, Reason = Join(Item.Reason, reason) };
        Value = null;
    }

    public static string? Join(string? first, string? second) =>
        string.IsNullOrEmpty(first) ? second : string.IsNullOrEmpty(second) ? first : first + "; " + second;
}

/// <summary>
/// Turns source values into plan items, without calling AWS: where each source goes (its own
/// name, a group's JSON key, or one parameter per key of a split), which items collide, and what
/// each destination would hold (or why it cannot), checked against the destination store's rules.
/// Decide then compares that with what the destination holds. What "the same content" is and how
/// values are composed is MigrationContent's, which Invoke-SecretMigration and Compare-Secret share.
/// </summary>
internal sealed class MigrationPlanner
{
    private readonly MigrationPlanOptions _options;

    public MigrationPlanner(MigrationPlanOptions options) => _options = options;

    private sealed record Placement(PlanSource Source, string Destination, string? Key);

    /// <summary>
    /// Items for the sources, ordered by destination name. destinationName gives the destination
    /// of a source name (or of a group's path) and null when naming failed (it reports why);
    /// validateWrite is the destination store's check of a write, which throws SecretStoreException.
    /// </summary>
    public List<PlanDraft> Draft(IReadOnlyList<PlanSource> sources, Func<string, SecretStoreKind, string?> destinationName, Action<SecretWriteRequest> validateWrite)
    {
        var placements = sources.SelectMany(s => Place(s, destinationName)).ToList();
        var drafts = placements.GroupBy(p => p.Destination, StringComparer.Ordinal).SelectMany(g => ForDestination(g.Key, g.ToList())).ToList();
        var values = sources.GroupBy(s => s.Store).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, SecretValue>)g.ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal));
        var stringLists = new HashSet<(SecretStoreKind, string)>(sources.Where(s => s.Value.Kind == SecretValueKind.StringList).Select(s => (s.Store, s.Name)));
        foreach (var draft in drafts.Where(d => !d.IsConflict))
        {
            var (value, conflict) = MigrationContent.Compose(draft.Item, values[draft.Item.SourceStore]);
            if (conflict is not null)
            {
                draft.Conflict(conflict);
                continue;
            }
            if (_options.DestinationStore == SecretStoreKind.SecretsManager)
                draft.Item = draft.Item with { Reason = StringListNote(draft.Item, n => stringLists.Contains((draft.Item.SourceStore, n))) };
            try
            {
                validateWrite(new SecretWriteRequest(draft.Item.DestinationName, value!)
                {
                    ParameterType = draft.Item.Type,
                    Tier = _options.DestinationStore == SecretStoreKind.ParameterStore ? _options.Tier : null,
                });
                draft.Value = value;
            }
            catch (SecretStoreException ex)
            {
                draft.Conflict(WithoutNamePrefix(ex.Message, draft.Item.DestinationName));
            }
        }
        return drafts.OrderBy(d => d.Item.DestinationName, StringComparer.Ordinal).ThenBy(d => d.Item.SourceNames, StringComparer.Ordinal).ToList();
    }

    /// <summary>What the destination holds decides the action: Create when it is missing, Skip when it holds this content.</summary>
    public void Decide(PlanDraft draft, SecretReadResult current)
    {
        string name = draft.Item.DestinationName;
        if (current.Error is { ErrorId: ErrorIds.SecretNotFound })
            draft.Item = draft.Item with { Action = SecretMigrationAction.Create };
        else if (current.Error is not null)
            draft.Conflict($"the destination could not be read: {WithoutNamePrefix(current.Error.Message, name)}");
        else if (MigrationContent.Same(draft.Value!, current.Value!))
            draft.Item = draft.Item with { Action = SecretMigrationAction.Skip, Reason = PlanDraft.Join("the destination already holds this content", draft.Item.Reason) };
        else if (_options.Force)
            draft.Item = draft.Item with { Action = SecretMigrationAction.Update, Reason = PlanDraft.Join("the destination holds other content (-Force: a new version)", draft.Item.Reason) };
        else
            draft.Conflict("the destination exists with other content; -Force plans a new version");
    }

    /// <summary>Where one source goes: its own destination, a group's key, or one parameter per JSON key.</summary>
    private IEnumerable<Placement> Place(PlanSource source, Func<string, SecretStoreKind, string?> destinationName)
    {
        if (_options.GroupByDepth is int depth && source.Store == SecretStoreKind.ParameterStore && _options.DestinationStore == SecretStoreKind.SecretsManager)
        {
            string[] levels = source.Name.TrimStart('/').Split('/');
            if (levels.Length > depth)
            {
                string? group = destinationName("/" + string.Join('/', levels[..depth]), source.Store);
                if (group is not null) yield return new Placement(source, group, string.Join('/', levels[depth..]));
                yield break;
            }
        }
        string? name = destinationName(source.Name, source.Store);
        if (name is null) yield break;
        var json = _options.Split && source.Store == SecretStoreKind.SecretsManager && _options.DestinationStore == SecretStoreKind.ParameterStore
            && source.Value.Kind == SecretValueKind.Text ? JsonValues.TryParseObject(source.Value.Text ?? "") : null;
        if (json is null || json.Count == 0)
        {
            yield return new Placement(source, name, null);
            yield break;
        }
        // The keys become a hierarchy, and hierarchical parameter names begin with '/'.
        string root = name.StartsWith('/') ? name : "/" + name;
        foreach (var property in json)
            yield return new Placement(source, root + "/" + property.Key, property.Key);
    }

    /// <summary>
    /// The items of one destination name: one, or (two sources onto one name) each a Conflict.
    /// Keyed placements in Secrets Manager are one grouped item, however many groups they came from.
    /// </summary>
    private IEnumerable<PlanDraft> ForDestination(string destination, List<Placement> placements)
    {
        var items = placements.Where(p => p.Key is null).Select(p => Item(destination, new[] { p })).ToList();
        var keyed = placements.Where(p => p.Key is not null).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        if (keyed.Count > 0 && _options.DestinationStore == SecretStoreKind.SecretsManager) items.Add(Item(destination, keyed));
        else items.AddRange(keyed.Select(p => Item(destination, new[] { p })));

        var drafts = items.Select(i => new PlanDraft(i)).ToList();
        if (drafts.Count > 1)
        {
            for (int i = 0; i < drafts.Count; i++)
                drafts[i].Conflict($"'{destination}' is also the destination of " + string.Join(" and ", items.Where((_, other) => other != i).Select(Describe)));
        }
        else if (_options.SameConnection && items[0].SourceStore == _options.DestinationStore && items[0].SourceNames == destination && items[0].Keys.Length == 0)
        {
            drafts[0].Conflict("the destination is the source itself; give -DestinationPrefix, -NameTransform or another destination connection");
        }
        return drafts;
    }

    private SecretMigrationPlanItem Item(string destination, IReadOnlyList<Placement> placements)
    {
        var first = placements[0].Source;
        return new SecretMigrationPlanItem
        {
            SourceStore = first.Store,
            SourceNames = string.Join(SecretMigrationPlanItem.ListSeparator, placements.Select(p => p.Source.Name)),
            Keys = string.Join(SecretMigrationPlanItem.ListSeparator, placements.Where(p => p.Key is not null).Select(p => p.Key)),
            DestinationStore = _options.DestinationStore,
            DestinationName = destination,
            Type = _options.DestinationStore != SecretStoreKind.ParameterStore ? null
                : first.Store == SecretStoreKind.ParameterStore && placements.Count == 1 && placements[0].Key is null ? first.ParameterType ?? "SecureString"
                : "SecureString",
            Action = SecretMigrationAction.Create,
        };
    }

    private static string Describe(SecretMigrationPlanItem item)
    {
        string[] names = item.SourceNameList();
        if (names.Length > 1) return $"{names.Length} grouped sources ('{names[0]}', ...)";
        return item.Keys.Length > 0 ? $"key '{item.Keys}' of '{names[0]}'" : $"'{names[0]}'";
    }

    /// <summary>Secrets Manager has no StringList: say how one will be stored.</summary>
    private static string? StringListNote(SecretMigrationPlanItem item, Func<string, bool> isStringList)
    {
        string[] names = item.SourceNameList();
        string[] keys = item.KeyList();
        var lists = Enumerable.Range(0, names.Length).Where(i => isStringList(names[i])).ToList();
        if (lists.Count == 0) return item.Reason;
        string note = keys.Length == 0 ? "StringList stored as comma-joined text"
            : "StringList stored as comma-joined text (" + string.Join(", ", lists.Select(i => $"key '{keys[i]}'")) + ")";
        return PlanDraft.Join(item.Reason, note);
    }

    /// <summary>Store errors name their secret ("Secret 'x': ..."); in a Reason the item already does.</summary>
    private static string WithoutNamePrefix(string message, string name)
    {
        string prefix = $"Secret '{name}': ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }
}
