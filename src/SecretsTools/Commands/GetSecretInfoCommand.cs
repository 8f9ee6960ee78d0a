using System;
using System.Collections;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Get-SecretInfo: lists secrets (never values), streaming each page as it arrives. Filters the
/// service can apply are sent to it; wildcards beyond a literal prefix are matched locally.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SecretInfo", HelpUri = HelpUris.Docs + "Get-SecretInfo.md")]
[OutputType(typeof(SecretInfo))]
public sealed class GetSecretInfoCommand : SecretCmdletBase
{
    private const int ProgressActivityId = 0x5ec1;
    private const int ProgressEvery = 50;

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>A hierarchy to list: a Parameter Store path, or a Secrets Manager name prefix ending in '/'.</summary>
    [Parameter]
    public string? Path { get; set; }

    /// <summary>With -Path: the whole subtree, not only its first level.</summary>
    [Parameter]
    public SwitchParameter Recurse { get; set; }

    /// <summary>Tags that must match: keys to values; $null or '*' matches any value.</summary>
    [Parameter]
    public Hashtable? Tag { get; set; }

    /// <summary>Description prefix, case-insensitive.</summary>
    [Parameter]
    public string? Description { get; set; }

    /// <summary>
    /// Parameter Store: load each parameter's tags (one ListTagsForResource call per parameter).
    /// Secrets Manager listings always include tags.
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeTags { get; set; }

    /// <summary>
    /// Secrets Manager: load each listed secret's replicas and their status (one DescribeSecret call
    /// per secret; ListSecrets does not report replication). An exact name always has them.
    /// </summary>
    [Parameter]
    public SwitchParameter IncludeReplicas { get; set; }

    /// <summary>Secrets Manager: also show secrets scheduled for deletion (with DeletedDate).</summary>
    [Parameter]
    public SwitchParameter IncludeDeleted { get; set; }

    /// <summary>Only secrets whose LastModified is older than this date (filtered after listing).</summary>
    [Parameter]
    public DateTime? ChangedBefore { get; set; }

    /// <summary>
    /// Only secrets not rotated for this long: seconds or a TimeSpan (90.00:00:00). Secrets
    /// Manager: LastRotated, or CreatedDate when never rotated; Parameter Store: LastModified.
    /// Filtered after listing.
    /// </summary>
    [Parameter]
    [Configuration.DurationTransformation(Bounded = false)]
    public TimeSpan? NotRotatedFor { get; set; }

    private Rotation.StaleSecretFilter _stale = null!;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // One "now" for the whole command, so every secret is measured against the same moment.
        _stale = new Rotation.StaleSecretFilter(ChangedBefore, NotRotatedFor, DateTime.UtcNow);
    }

    protected override void ProcessRecord()
    {
        // -Path is Parameter Store's word: it goes there unless -Store or an sm: prefix says otherwise.
        string? path = null;
        SecretStoreKind? pathStore = null;
        if (Path is not null)
        {
            try { (var key, path) = ResolvePath(Path, SecretStoreKind.ParameterStore); pathStore = key.Kind; }
            catch (SecretStoreException ex) { ThrowTerminatingError(ex.ToErrorRecord()); }
        }
        if (Name is null || Name.Length == 0)
        {
            try { List(KeyFor(pathStore ?? Store ?? DefaultStoreKind), null, path); }
            catch (SecretStoreException ex) { WriteError(ex); }
            return;
        }
        foreach (string raw in Name)
        {
            SecretReference reference;
            try
            {
                reference = SecretReference.Parse(raw, Store, () => pathStore ?? DefaultStoreKind);
                RefuseSelector(reference, raw);
            }
            catch (SecretStoreException ex) { WriteError(ex); continue; }
            bool literal = !WildcardPattern.ContainsWildcardCharacters(reference.Name);
            bool filtered = Path is not null || Tag is { Count: > 0 } || Description is not null || _stale.Active;
            int found;
            try { found = List(KeyFor(reference), reference.Name, path); }
            catch (SecretStoreException ex) { WriteError(ex); continue; }
            // With filters, an existing secret may simply not match them: that is no error.
            if (found == 0 && literal && !filtered) WriteError(WithOtherStoreHint(SecretStoreException.NotFound(reference.Name, reference.Store), reference));
        }
    }

    private int List(StoreKey key, string? pattern, string? path)
    {
        var kind = key.Kind;
        var query = new SecretListQuery
        {
            NamePattern = pattern,
            Path = path,
            Recurse = Recurse,
            Tags = TagParameters.ToFilter(Tag),
            Description = Description,
            IncludeDeleted = IncludeDeleted,
            IncludeTags = IncludeTags,
            IncludeReplicas = IncludeReplicas,
        };
        WriteVerbose($"Listing {StoreNames.Display(kind)}{(pattern is null ? "" : $" for '{pattern}'")}{(path is null ? "" : $" under '{path}'")}.");
        int count = 0;
        var progress = new ProgressRecord(ProgressActivityId, $"Listing {StoreNames.Display(kind)}", "Starting");
        WriteEach(StoreFor(key).ListAsync(query, CancellationToken), info =>
        {
            if (!_stale.Matches(info)) return;
            count++;
            WriteObject(info);
            if (count % ProgressEvery == 0)
            {
                // Names only: a listing never holds values.
                progress.StatusDescription = $"{count} found, latest '{info.Name}'";
                WriteProgress(progress);
            }
        });
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        return count;
    }
}
