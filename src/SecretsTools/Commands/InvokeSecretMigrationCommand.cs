using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Migration;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Invoke-SecretMigration: runs a plan (New-SecretMigrationPlan, maybe reviewed through CSV or
/// JSON) near the services' quotas, in chunks that read in batches and write in parallel. A re-run
/// of the same plan writes nothing that is already there (MigrationRunner); -RemoveSource deletes
/// only the sources of destinations that were read back and verified.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "SecretMigration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpUris.Docs + "Invoke-SecretMigration.md")]
[OutputType(typeof(SecretMigrationResult))]
public sealed class InvokeSecretMigrationCommand : SecretTransferCmdletBase
{
    private const int ProgressActivityId = 0x5ec4;

    /// <summary>Items per chunk: one GetParameters call reads ten sources.</summary>
    private const int ChunkSize = 10;

    private readonly List<SecretMigrationPlanItem> _items = new();

    /// <summary>Plan items: from New-SecretMigrationPlan, or records of them from Import-Csv or ConvertFrom-Json.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("InputObject")]
    public object[] Plan { get; set; } = Array.Empty<object>();

    /// <summary>Delete each item's sources once its destination was read back and verified.</summary>
    [Parameter]
    public SwitchParameter RemoveSource { get; set; }

    /// <summary>Secrets Manager sources removed with -RemoveSource: days before the deletion is final (7 to 30).</summary>
    [Parameter]
    [ValidateRange(7, 30)]
    public int RecoveryWindowInDays { get; set; } = 30;

    [Parameter]
    public string? DestinationKmsKeyId { get; set; }

    /// <summary>Parameter Store tier of new parameters (Advanced for values over 4 KB).</summary>
    [Parameter]
    [ValidateSet("Standard", "Advanced", "Intelligent-Tiering")]
    public string? Tier { get; set; }

    /// <summary>Chunks of ten items in flight at once; the quotas pace the calls further.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 8;

    protected override void ProcessRecord()
    {
        foreach (object input in Plan)
        {
            try { _items.Add(PlanItems.From(input)); }
            catch (SecretStoreException ex) { WriteError(ex); }
        }
    }

    protected override void EndProcessing()
    {
        var runnable = new List<SecretMigrationPlanItem>();
        foreach (var item in _items)
        {
            if (item.Action == SecretMigrationAction.Conflict)
            {
                WriteWarning($"'{item.DestinationName}' is a Conflict in the plan and is left alone: {item.Reason}");
                continue;
            }
            if (ShouldProcessOrExplain($"{item.DestinationName} ({StoreNames.Display(item.DestinationStore)}) from {item.SourceNames} ({StoreNames.Display(item.SourceStore)})",
                    item.Action == SecretMigrationAction.Update ? "Migrate (new version)" : "Migrate"))
                runnable.Add(item);
        }
        if (runnable.Count == 0) return;
        try { Validation.KmsKeyIdRules.Validate("-DestinationKmsKeyId", DestinationKmsKeyId); }
        catch (SecretStoreException ex)
        {
            // One key for every item: nothing can be migrated with it.
            ThrowTerminatingError(ex.ToErrorRecord());
        }

        var source = Stores(ConnectionFor);
        var destination = Stores(kind => DestinationConnection(ConnectionFor(kind), kind));
        var options = new MigrationOptions(DestinationKmsKeyId, Tier);
        var results = new List<MigrationOutcome>();
        var watch = Stopwatch.StartNew();
        var progress = new ProgressRecord(ProgressActivityId, "Migrating secrets", $"0 of {runnable.Count}");
        var parallel = new BoundedParallel<SecretMigrationPlanItem[], IReadOnlyList<MigrationOutcome>>(ThrottleLimit,
            (chunk, token) => MigrationRunner.RunAsync(chunk, source, destination, options, token), CancellationToken);

        void Write(Completed<SecretMigrationPlanItem[], IReadOnlyList<MigrationOutcome>> completed)
        {
            if (completed.Error is not null) RethrowCallFailure(completed.Error);
            foreach (var outcome in completed.Result!)
            {
                if (outcome.Error is not null) WriteError(outcome.Error);
                results.Add(outcome);
                if (!RemoveSource) WriteObject(outcome.Result);
            }
            double rate = results.Count / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
            progress.StatusDescription = $"{results.Count} of {runnable.Count} ({rate:0.#}/s), {results.Count(r => r.Error is not null)} failed";
            progress.PercentComplete = (int)(100.0 * results.Count / runnable.Count);
            progress.SecondsRemaining = (int)((runnable.Count - results.Count) / Math.Max(rate, 0.001));
            WriteProgress(progress);
        }

        try
        {
            foreach (var chunk in runnable.Chunk(ChunkSize)) parallel.Add(chunk, Write);
            parallel.Drain(Write);
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);

        if (RemoveSource)
        {
            var removed = RemoveVerifiedSources(results, source);
            foreach (var outcome in results)
                WriteObject(outcome.Result with { SourceRemoved = outcome.Item.SourceNameList().All(n => removed.Contains((outcome.Item.SourceStore, n))) });
        }
        WriteSummary(results, watch.Elapsed);
    }

    /// <summary>One store per kind, each on its own connection (endpoints are per store), from the process-wide provider.</summary>
    private Func<SecretStoreKind, ISecretStore> Stores(Func<SecretStoreKind, Aws.AwsConnectionSettings> connection)
    {
        var stores = new Dictionary<SecretStoreKind, ISecretStore>();
        foreach (var kind in new[] { SecretStoreKind.ParameterStore, SecretStoreKind.SecretsManager })
            stores[kind] = StoreFor(new StoreKey(kind, connection(kind)));
        return kind => stores[kind];
    }

    /// <summary>
    /// Deletes a source only when every item made from it was verified: a JSON secret split into
    /// several parameters stays until all of them read back right.
    /// </summary>
    private HashSet<(SecretStoreKind, string)> RemoveVerifiedSources(List<MigrationOutcome> results, Func<SecretStoreKind, ISecretStore> source)
    {
        var bySource = results.SelectMany(r => r.Item.SourceNameList().Select(n => (Key: (r.Item.SourceStore, n), r.Result.Verified)))
            .GroupBy(x => x.Key)
            .Where(g => g.All(x => x.Verified))
            .Select(g => g.Key)
            .ToList();
        var removed = new HashSet<(SecretStoreKind, string)>();
        foreach (var group in bySource.GroupBy(k => k.Item1))
        {
            var names = group.Select(k => k.Item2).Where(n => ShouldProcessOrExplain($"{n} ({StoreNames.Display(group.Key)})",
                group.Key == SecretStoreKind.SecretsManager ? $"Delete migrated source (recovery window {RecoveryWindowInDays} days)" : "Delete migrated source")).ToList();
            if (names.Count == 0) continue;
            foreach (var result in Await(source(group.Key).RemoveAsync(names, new SecretRemoveOptions(RecoveryWindowInDays), CancellationToken)))
            {
                if (result.Error is not null) WriteError(result.Error);
                else removed.Add((group.Key, result.Name));
            }
        }
        return removed;
    }

    /// <summary>The run's totals, on the host and as a record for -InformationVariable (no values).</summary>
    private void WriteSummary(List<MigrationOutcome> results, TimeSpan elapsed)
    {
        int Count(SecretCopyStatus status) => results.Count(r => r.Result.Status == status);
        // Two short lines: the summary reads in an 80-column terminal.
        string text = $"Migration: {results.Count} item(s) in {elapsed.TotalSeconds:0.0} s: {Count(SecretCopyStatus.Created)} created, "
            + $"{Count(SecretCopyStatus.Updated)} updated,{Environment.NewLine}  {Count(SecretCopyStatus.Skipped)} skipped, {Count(SecretCopyStatus.Failed)} failed; "
            + $"{results.Count(r => r.Result.Verified)} verified{(RemoveSource ? "; verified sources removed" : "")}.";
        WriteInformation(new HostInformationMessage { Message = text }, new[] { "PSHOST", "SecretsTools.MigrationSummary" });
    }
}
