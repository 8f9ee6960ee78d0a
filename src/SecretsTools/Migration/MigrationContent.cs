using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using SecretsTools.Model;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Migration;

/// <summary>
/// What a plan item's destination holds, made from its sources' values: one value as it is, many
/// grouped into one JSON object (source i under key i), or one key split out of a JSON source.
/// New-SecretMigrationPlan uses it to find Skips and Conflicts, Invoke-SecretMigration to write,
/// and Compare-Secret to compare, so all three agree on what "the same content" is.
/// </summary>
internal static class MigrationContent
{
    /// <summary>The destination value, or why there can be none (a Conflict reason).</summary>
    public static (SecretValue? Value, string? Conflict) Compose(SecretMigrationPlanItem item, IReadOnlyDictionary<string, SecretValue> sources)
    {
        string[] names = item.SourceNameList();
        string[] keys = item.KeyList();
        foreach (string name in names)
            if (!sources.ContainsKey(name)) return (null, $"source '{name}' was not found");

        if (keys.Length == 0)
        {
            if (names.Length != 1) return (null, $"{names.Length} sources but no keys to group them under");
            return Single(sources[names[0]], item);
        }
        if (item.DestinationStore == SecretStoreKind.ParameterStore)
        {
            if (names.Length != 1 || keys.Length != 1) return (null, "a Parameter Store destination takes one key of one JSON source");
            return Split(sources[names[0]], keys[0], names[0]);
        }
        if (keys.Length != names.Length) return (null, $"{names.Length} sources but {keys.Length} keys");
        return Group(names, keys, sources);
    }

    private static (SecretValue?, string?) Single(SecretValue value, SecretMigrationPlanItem item)
    {
        if (value.Kind == SecretValueKind.Binary && item.DestinationStore == SecretStoreKind.ParameterStore)
            return (null, "binary data, and Parameter Store holds text only");
        // Secrets Manager has no StringList: kept as Parameter Store stores it, comma-joined text.
        if (value.Kind == SecretValueKind.StringList && item.DestinationStore == SecretStoreKind.SecretsManager)
            return (SecretValue.FromText(value.Text ?? ""), null);
        return (value, null);
    }

    private static (SecretValue?, string?) Split(SecretValue value, string key, string source)
    {
        var json = value.Kind == SecretValueKind.Text ? JsonValues.TryParseObject(value.Text ?? "") : null;
        if (json is null) return (null, $"'{source}' is not a JSON object, so it has no key '{key}'");
        var match = json.FirstOrDefault(p => p.Key == key);
        if (match.Key is null) return (null, $"'{source}' has no key '{key}'");
        return (SecretValue.FromText(JsonValues.FieldText(match.Value)), null);
    }

    private static (SecretValue?, string?) Group(string[] names, string[] keys, IReadOnlyDictionary<string, SecretValue> sources)
    {
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Length)
            return (null, $"the key '{keys.GroupBy(k => k, StringComparer.Ordinal).First(g => g.Count() > 1).Key}' is used twice");
        var json = new JsonObject();
        for (int i = 0; i < names.Length; i++)
        {
            var value = sources[names[i]];
            if (value.Kind == SecretValueKind.Binary) return (null, $"'{names[i]}' holds binary data, which a JSON key cannot");
            json[keys[i]] = JsonValue.Create(value.Text ?? ""); // a StringList as its comma-joined text
        }
        return (SecretValue.FromText(json.ToJsonString(JsonValues.StoredJson)), null);
    }

    /// <summary>The same content: grouped JSON compared key by key (key order and spacing do not matter).</summary>
    public static bool Same(SecretValue expected, SecretValue actual)
    {
        if (expected.SameAs(actual)) return true;
        if (expected.Kind != SecretValueKind.Text || actual.Kind != SecretValueKind.Text) return false;
        var a = JsonValues.TryParseObject(expected.Text ?? "");
        var b = JsonValues.TryParseObject(actual.Text ?? "");
        return a is not null && b is not null && a.Count == b.Count
            && a.All(p => b.TryGetPropertyValue(p.Key, out var other) && JsonNode.DeepEquals(p.Value, other));
    }

    /// <summary>
    /// The request token of an item's write: the item and the versions of its sources, so a re-run
    /// of the same plan (after a kill, or a lost reply) makes no second version.
    /// </summary>
    public static string Token(SecretMigrationPlanItem item, IEnumerable<string?> sourceVersions) =>
        IdempotencyTokens.For(new[] { "migration", item.SourceStore.ToString(), item.SourceNames, item.Keys, item.DestinationStore.ToString(), item.DestinationName }
            .Concat(sourceVersions).ToArray());
}
