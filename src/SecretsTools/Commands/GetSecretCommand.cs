using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using System.Security;
using SecretsTools.Caching;
using SecretsTools.Model;
using SecretsTools.Reading;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Commands;

/// <summary>
/// Get-Secret: reads values, several names per AWS call. A name that fails gets its own
/// non-terminating error; the others are still returned, in input order within each batch.
/// -Path and -Prefix read a whole hierarchy into one ordered hashtable of names to values;
/// -IncludeName (and a wildcard name) emit SecretEntry objects, so values keep their names.
/// Reading (resolve, batch, cache) is the shared SecretReader's; this cmdlet shapes the output.
/// </summary>
[Cmdlet(VerbsCommon.Get, "Secret", DefaultParameterSetName = NameSet, HelpUri = HelpUris.Docs + "Get-Secret.md")]
[OutputType(typeof(SecureString), typeof(string), typeof(string[]), typeof(byte[]), typeof(Hashtable), typeof(PSCredential), typeof(SecretEntry), ParameterSetName = new[] { NameSet })]
[OutputType(typeof(OrderedDictionary), typeof(SecretEntry), ParameterSetName = new[] { PathSet, PrefixSet })]
public sealed class GetSecretCommand : SecretReadingCmdletBase
{
    private const string NameSet = "Name";
    private const string PathSet = "Path";
    private const string PrefixSet = "Prefix";

    private SecretReader _reader = null!;

    /// <summary>Names, ssm:/sm: references or ARNs, optionally with :version, :label or #field; wildcards list first.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [Alias("SecretId")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>A Parameter Store path (or ssm:path) whose values to read; with -Store SecretsManager, a name prefix.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    public string Path { get; set; } = "";

    /// <summary>With -Path: the whole subtree, not only its first level.</summary>
    [Parameter(ParameterSetName = PathSet)]
    public SwitchParameter Recurse { get; set; }

    /// <summary>A Secrets Manager name prefix (or sm:prefix) whose values to read.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PrefixSet)]
    public string Prefix { get; set; } = "";

    /// <summary>With -Path or -Prefix: keys are full names, not names relative to the path or prefix.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = PrefixSet)]
    public SwitchParameter FullName { get; set; }

    /// <summary>Parameter Store version number, or Secrets Manager VersionId (or its first 8+ characters).</summary>
    [Parameter(ParameterSetName = NameSet)]
    [Alias("VersionId")]
    public string? Version { get; set; }

    /// <summary>Parameter Store label, or Secrets Manager staging label (e.g. AWSPREVIOUS).</summary>
    [Parameter(ParameterSetName = NameSet)]
    [Alias("VersionStage")]
    [ArgumentCompleter(typeof(Completion.LabelCompleter))]
    public string? Label { get; set; }

    /// <summary>Returns one field of a JSON value; the same as a #field suffix on the name.</summary>
    [Parameter(ParameterSetName = NameSet)]
    [ArgumentCompleter(typeof(Completion.KeyCompleter))]
    public string? Key { get; set; }

    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    [Parameter(ParameterSetName = NameSet)]
    public SwitchParameter AsHashtable { get; set; }

    [Parameter(ParameterSetName = NameSet)]
    public SwitchParameter AsCredential { get; set; }

    /// <summary>Emits SecretEntry objects (Name, Store, Region, Version, Value) instead of bare values.</summary>
    [Parameter]
    public SwitchParameter IncludeName { get; set; }

    /// <summary>A cached value older than the TTL is served again if one metadata call shows its version is still current.</summary>
    [Parameter(ParameterSetName = NameSet)]
    public SwitchParameter RefreshIfChanged { get; set; }

    protected override void BeginProcessing()
    {
        int shapes = (Key is null ? 0 : 1) + (AsHashtable ? 1 : 0) + (AsCredential ? 1 : 0);
        if (shapes > 1 || (Version is not null && Label is not null))
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("Use at most one of -Key, -AsHashtable and -AsCredential, and at most one of -Version and -Label."),
                ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, null));
        _reader = CreateReader(RefreshIfChanged);
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName != NameSet)
        {
            ReadTree();
            return;
        }
        foreach (string raw in Name)
        {
            ResolvedName name;
            try
            {
                name = _reader.Resolve(raw);
                CheckCombination(name.Reference, raw);
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
                continue;
            }
            if (name.IsWildcard)
            {
                // Values come out in input order: what is pending goes first.
                foreach (var pending in _reader.PendingStores) Write(_reader.Flush(pending));
                try
                {
                    _reader.ReadMatching(KeyFor(name.Reference), new SecretListQuery { NamePattern = name.Reference.Name }, raw,
                        outcome => Write(outcome, name.Reference.Key, root: null, tree: null));
                }
                catch (SecretStoreException ex) { WriteError(ex); } // the listing failed (e.g. denied): this name only
                continue;
            }
            if (_reader.Queue(name, Version, Label)) Write(_reader.Flush(KeyFor(name.Reference)));
        }
    }

    protected override void EndProcessing()
    {
        foreach (var store in _reader.PendingStores) Write(_reader.Flush(store));
    }

    /// <summary>What a name selects must not contradict the parameters (a field, a version, a wildcard).</summary>
    private void CheckCombination(SecretReference reference, string raw)
    {
        string? conflict = null;
        if (reference.Key is not null && (AsHashtable || AsCredential || (Key is not null && Key != reference.Key)))
            conflict = $"selects the field '{reference.Key}', which cannot go with -AsHashtable, -AsCredential or another -Key";
        else if (reference.HasSelector && (Version is not null || Label is not null))
            conflict = $"selects '{reference.Selector}', which cannot go with -Version or -Label";
        else if (WildcardPattern.ContainsWildcardCharacters(reference.Name) && (reference.HasSelector || Version is not null || Label is not null))
            conflict = "has wildcards, which read the current versions only: -Version, -Label and ':version' need one name";
        else if (WildcardPattern.ContainsWildcardCharacters(reference.Name) && reference.Region is not null)
            // A listing runs in the caller's own account, whatever account the ARN names.
            conflict = "is an ARN with wildcards; wildcards go with names (ssm:/app/*, sm:prod/*), in the account of the credentials in use";
        if (conflict is not null)
            throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, raw, $"'{raw}' {conflict}.");
    }

    private void Write(IReadOnlyList<SecretReadOutcome> outcomes)
    {
        foreach (var outcome in outcomes) Write(outcome, outcome.Reference?.Key, root: null, tree: null);
    }

    /// <summary>One value as this call asks for it (bare, as an entry, or into a tree), or its one error.</summary>
    private void Write(SecretReadOutcome outcome, string? field, string? root, OrderedDictionary? tree)
    {
        if (outcome.Error is not null)
        {
            WriteError(outcome.Error);
            return;
        }
        var result = outcome.Result!;
        if (result.FromCache) WriteVerbose($"'{result.Name}' came from the session's cache.");
        var value = Shape(result, outcome.Name, field);
        if (value is null) return;
        if (tree is not null) tree[TreeKey(result.Name, root!)] = value;
        else if (IncludeName || outcome.Reference is null) WriteObject(Entry(outcome.Store!, outcome.Name, result, value));
        else WriteObject(value, enumerateCollection: false);
    }

    /// <summary>-Path and -Prefix: everything under one root, as one ordered hashtable (or entries).</summary>
    private void ReadTree()
    {
        StoreKey key;
        string root;
        try
        {
            (key, root) = ParameterSetName == PathSet
                ? ResolvePath(Path, SecretStoreKind.ParameterStore)
                : ResolvePath(Prefix, SecretStoreKind.SecretsManager);
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord());
            return;
        }
        var query = ParameterSetName == PathSet
            ? new SecretListQuery { Path = root, Recurse = Recurse }
            : new SecretListQuery { NamePattern = root + "*" };
        var tree = IncludeName ? null : new OrderedDictionary(System.StringComparer.Ordinal);
        int found = 0;
        try { found = ReadMatching(key, query, null, root, tree); }
        catch (SecretStoreException ex) { ThrowTerminatingError(ex.ToErrorRecord()); } // one root: nothing else to do
        if (found == 0)
        {
            WriteError(new SecretStoreException(ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound, root,
                $"Nothing was found under '{root}' in {StoreNames.Display(key.Kind)}."));
            return;
        }
        if (tree is not null) WriteObject(Sorted(tree));
    }

    /// <summary>
    /// Reads every value a listing query matches. With a tree, values go into it under their
    /// names; otherwise each is written as a SecretEntry as soon as its batch arrives.
    /// </summary>
    private int ReadMatching(StoreKey key, SecretListQuery query, string? field, string? root, OrderedDictionary? tree)
    {
        WriteVerbose($"Reading everything {(query.Path is null ? $"matching '{query.NamePattern}'" : $"under '{query.Path}'")} from {StoreNames.Display(key.Kind)}.");
        int found = 0;
        _reader.ReadMatching(key, query, root ?? query.NamePattern ?? "", outcome =>
        {
            found++;
            Write(outcome, field, root, tree);
        });
        return found;
    }

    /// <summary>The value as this call's switches ask for it; a value that cannot take that shape is one error.</summary>
    private object? Shape(SecretReadResult result, string name, string? field)
    {
        try
        {
            return SecretOutputFormatter.Format(result.Value!, new SecretOutputOptions(AsPlainText, field ?? Key, AsHashtable, AsCredential), name);
        }
        catch (SecretStoreException ex)
        {
            WriteError(ex);
            return null;
        }
    }

    private static SecretEntry Entry(ISecretStore store, string name, SecretReadResult result, object value) =>
        new(name, store.Kind, store.Region, result.Version, value);

    /// <summary>
    /// The name relative to the root, cut at a '/' only: under the prefix 'prod/app', the
    /// secret 'prod/apple/b' keeps its full name rather than becoming 'le/b'.
    /// </summary>
    private string TreeKey(string name, string root)
    {
        if (FullName || !name.StartsWith(root, System.StringComparison.Ordinal)) return name;
        bool atBoundary = root.EndsWith('/') || name.Length == root.Length || name[root.Length] == '/';
        string relative = name[root.Length..].TrimStart('/');
        return !atBoundary || relative.Length == 0 ? name : relative;
    }

    private static OrderedDictionary Sorted(OrderedDictionary tree)
    {
        var sorted = new OrderedDictionary(System.StringComparer.Ordinal);
        foreach (string name in tree.Keys.Cast<string>().OrderBy(k => k, System.StringComparer.Ordinal)) sorted[name] = tree[name];
        return sorted;
    }

}
