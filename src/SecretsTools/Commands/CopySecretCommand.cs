using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Migration;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Copy-Secret: copies secrets between the stores, prefixes, regions and accounts, several at a
/// time. Safe to run again: an equal destination is Skipped, another value is an error unless
/// -Force, and each write carries a token derived from what it copies (SecretCopier).
/// </summary>
[Cmdlet(VerbsCommon.Copy, "Secret", SupportsShouldProcess = true, DefaultParameterSetName = ToNameSet, HelpUri = HelpUris.Docs + "Copy-Secret.md")]
[OutputType(typeof(SecretCopyResult))]
public sealed class CopySecretCommand : SecretCopyCmdletBase
{
}

/// <summary>
/// What Copy-Secret and Move-Secret share: sources, destination naming, the parallel copy. Move
/// adds verification and the removal of the verified sources (AfterCopies).
/// </summary>
public abstract class SecretCopyCmdletBase : SecretTransferCmdletBase
{
    internal const string ToNameSet = "Destination";
    internal const string ToPrefixSet = "DestinationPrefix";
    private const int ProgressActivityId = 0x5ec3;

    // Sources wait until the input ends: a copy into the hierarchy an upstream Get-SecretInfo is
    // still listing would be listed, and copied, again.
    private readonly List<SecretCopyRequest> _copies = new();

    /// <summary>Read each destination back and compare it with the source (Move-Secret).</summary>
    internal virtual bool VerifyCopies => false;

    /// <summary>What to do with the finished copies before they are written out; default: nothing.</summary>
    internal virtual IReadOnlyList<SecretCopyResult> AfterCopies(IReadOnlyList<(SecretCopyRequest Request, SecretCopyResult Result)> copies) =>
        copies.Select(c => c.Result).ToList();

    /// <summary>The secrets to copy: names, ssm:/sm: references or ARNs; Get-SecretInfo objects bind by property name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId", "SourceName")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>The destination of one secret: a name or an ssm:/sm: reference.</summary>
    [Parameter(Position = 1, ParameterSetName = ToNameSet)]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string? Destination { get; set; }

    /// <summary>Put each copy under this prefix (the source's name, without its leading '/' in Secrets Manager, after it).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ToPrefixSet)]
    public string DestinationPrefix { get; set; } = "";

    [Parameter]
    public string? DestinationKmsKeyId { get; set; }

    /// <summary>Parameter Store type of the copies.</summary>
    [Parameter]
    [ValidateSet("SecureString", "String", "StringList")]
    public string? Type { get; set; }

    /// <summary>Tag each copy with its source (ARN) and the version copied.</summary>
    [Parameter]
    public SwitchParameter TagSource { get; set; }

    /// <summary>Write a new version where the destination holds another value.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Copies in flight at once; AWS's rate quotas pace them further.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    protected override void ProcessRecord()
    {
        foreach (string raw in Name)
        {
            try
            {
                var reference = Resolve(raw);
                RefuseSelector(reference, raw);
                if (reference.Key is not null)
                    throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw,
                        $"'{raw}' names a field (#{reference.Key}); Copy-Secret copies whole secrets.");
                var source = StoreFor(reference);
                source.ValidateName(reference.Name, forWrite: false);
                var (destinationStore, destinationName) = DestinationFor(reference);
                destinationStore.ValidateName(destinationName);
                Validation.KmsKeyIdRules.Validate(raw, DestinationKmsKeyId);
                if (destinationStore == source && destinationName == reference.Name)
                    throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, raw,
                        $"'{raw}' would be copied onto itself: give -Destination, -DestinationPrefix, -DestinationStore or another destination connection.");
                _copies.Add(new SecretCopyRequest(source, reference.Name, destinationStore, destinationName)
                {
                    DisplayName = raw,
                    ParameterType = Type,
                    KmsKeyId = DestinationKmsKeyId,
                    Force = Force,
                    TagSource = TagSource,
                    Verify = VerifyCopies,
                });
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }

    protected override void EndProcessing()
    {
        if (Destination is not null && _copies.Count > 1)
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(
                    $"-Destination names one secret, but {_copies.Count} were given; use -DestinationPrefix or -DestinationStore to copy several."),
                ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, Destination));

        var watch = Stopwatch.StartNew();
        int done = 0;
        var progress = new ProgressRecord(ProgressActivityId, "Copying secrets", $"0 of {_copies.Count}");
        var finished = new List<(SecretCopyRequest, SecretCopyResult)>();
        // A move writes its results once the sources are removed, so each says whether its source went.
        bool holdResults = VerifyCopies;
        var parallel = new BoundedParallel<SecretCopyRequest, (SecretCopyResult, SecretStoreException?)>(ThrottleLimit,
            (copy, token) => SecretCopier.CopyAsync(copy, token), CancellationToken);

        void Write(Completed<SecretCopyRequest, (SecretCopyResult Result, SecretStoreException? Error)> completed)
        {
            // Failures of the whole connection end the command as any AWS call would.
            if (completed.Error is not null) RethrowCallFailure(completed.Error);
            var (result, error) = completed.Result;
            if (error is not null) WriteError(error);
            WarnAboutReplicas(result);
            finished.Add((completed.Item, result));
            if (!holdResults) WriteObject(result);
            done++;
            double rate = done / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
            progress.StatusDescription = $"{done} of {_copies.Count} ({rate:0.#}/s)";
            progress.PercentComplete = (int)(100.0 * done / Math.Max(_copies.Count, 1));
            progress.SecondsRemaining = (int)((_copies.Count - done) / Math.Max(rate, 0.001));
            WriteProgress(progress);
        }

        try
        {
            foreach (var copy in _copies)
            {
                string target = $"{copy.DisplayName} ({StoreNames.Display(copy.Source.Kind)}) to {copy.DestinationName} ({StoreNames.Display(copy.Destination.Kind)}{(copy.Destination.Region is null ? "" : ", " + copy.Destination.Region)})";
                if (!ShouldProcessOrExplain(target, "Copy secret")) continue;
                parallel.Add(copy, Write);
            }
            parallel.Drain(Write);
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        var results = AfterCopies(finished);
        if (holdResults) foreach (var result in results) WriteObject(result);
    }

    // A copy is a new secret in one Region: the source's replicas are not copied with it.
    private void WarnAboutReplicas(SecretCopyResult result)
    {
        if (result.SourceReplicaRegions.Length == 0 || result.Status is SecretCopyStatus.Failed or SecretCopyStatus.Skipped) return;
        string regions = string.Join(", ", result.SourceReplicaRegions.Distinct(StringComparer.Ordinal));
        WriteWarning(result.DestinationStore == SecretStoreKind.SecretsManager
            ? $"'{result.SourceName}' is replicated to {regions}; the copy '{result.DestinationName}' is not replicated. To replicate it: Add-SecretReplica '{result.DestinationName}' -ReplicaRegion {regions}{(result.DestinationRegion is null ? "" : " -Region " + result.DestinationRegion)}"
            : $"'{result.SourceName}' is replicated to {regions}; the copy '{result.DestinationName}' in Parameter Store exists in one Region only (Parameter Store has no replication).");
    }

    /// <summary>The destination store (its connection: ours, with the Destination* overrides) and name.</summary>
    private (ISecretStore Store, string Name) DestinationFor(SecretReference source)
    {
        SecretStoreKind kind = DestinationStore ?? source.Store;
        string name;
        if (Destination is not null)
        {
            var target = SecretReference.Parse(Destination, DestinationStore, () => source.Store);
            if (target.Key is not null || target.HasSelector)
                throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, Destination,
                    $"-Destination '{Destination}' must name a whole secret, without '#field' or ':version'.");
            (kind, name) = (target.Store, target.Name);
        }
        else
        {
            name = DestinationNames.For(source.Name, source.Store, kind, DestinationPrefix);
        }
        return (StoreFor(new StoreKey(kind, DestinationConnection(KeyFor(source).Connection, kind))), name);
    }
}
