using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Migration;

/// <summary>How a migration writes its destinations.</summary>
internal sealed record MigrationOptions(string? KmsKeyId = null, string? Tier = null);

/// <summary>One plan item's outcome, with the error record to write for it (if any).</summary>
internal sealed record MigrationOutcome(SecretMigrationPlanItem Item, SecretMigrationResult Result, SecretStoreException? Error);

/// <summary>
/// Runs a chunk of plan items: the chunk's sources and destinations are read in batches (10 a
/// GetParameters, 20 a BatchGetSecretValue call), each item's destination value is composed
/// (MigrationContent), a destination already holding it is Skipped, and what is written carries a
/// token made from the item and its sources' versions, so a re-run of the same plan, after a kill
/// or a lost reply, writes nothing twice. Written destinations are read back and compared in memory.
/// </summary>
internal static class MigrationRunner
{
    public static async Task<IReadOnlyList<MigrationOutcome>> RunAsync(
        IReadOnlyList<SecretMigrationPlanItem> items, Func<SecretStoreKind, ISecretStore> source, Func<SecretStoreKind, ISecretStore> destination,
        MigrationOptions options, CancellationToken cancellationToken)
    {
        var sources = await ReadAllAsync(items.SelectMany(i => i.SourceNameList().Select(n => (i.SourceStore, n))), source, cancellationToken).ConfigureAwait(false);
        var current = await ReadAllAsync(items.Select(i => (i.DestinationStore, i.DestinationName)), destination, cancellationToken).ConfigureAwait(false);

        var outcomes = new List<MigrationOutcome>(items.Count);
        var written = new List<(SecretMigrationPlanItem Item, SecretValue Expected, SecretMigrationResult Result)>();
        foreach (var item in items)
        {
            var result = Start(item);
            try
            {
                var values = new Dictionary<string, SecretValue>(StringComparer.Ordinal);
                var versions = new List<string?>();
                foreach (string name in item.SourceNameList())
                {
                    var read = sources[(item.SourceStore, name)];
                    if (read.Error is not null) throw read.Error;
                    values[name] = read.Value!;
                    versions.Add(read.Version);
                }
                var (expected, conflict) = MigrationContent.Compose(item, values);
                if (expected is null)
                    throw new SecretStoreException(ErrorIds.PlanConflict, ErrorCategory.InvalidData, item.DestinationName,
                        $"'{item.DestinationName}' cannot be written: {conflict}. Make the plan again (New-SecretMigrationPlan) to see what changed.");

                var existing = current[(item.DestinationStore, item.DestinationName)];
                bool exists = existing.Error is null;
                if (existing.Error is { ErrorId: not ErrorIds.SecretNotFound }) throw existing.Error;
                if (exists && MigrationContent.Same(expected, existing.Value!))
                {
                    outcomes.Add(new MigrationOutcome(item, result with { Status = SecretCopyStatus.Skipped, VersionId = existing.Version, Verified = true }, null));
                    continue;
                }
                if (exists && item.Action != SecretMigrationAction.Update)
                    throw new SecretStoreException(ErrorIds.DestinationDiffers, ErrorCategory.ResourceExists, item.DestinationName,
                        $"'{item.DestinationName}' holds other content than the plan writes (it was {(item.Action == SecretMigrationAction.Create ? "missing" : "the same")} when the plan was made); "
                        + "nothing was written. Make the plan again, with -Force to overwrite.");

                var store = destination(item.DestinationStore);
                var write = new SecretWriteRequest(item.DestinationName, expected)
                {
                    ParameterType = item.DestinationStore == SecretStoreKind.ParameterStore ? (string.IsNullOrEmpty(item.Type) ? "SecureString" : item.Type) : null,
                    KmsKeyId = options.KmsKeyId,
                    Tier = item.DestinationStore == SecretStoreKind.ParameterStore ? options.Tier : null,
                    // The destination's current version too: an Update over someone else's write is a
                    // new write, not a replay of this item's earlier one (same token and value: a no-op).
                    ClientRequestToken = MigrationContent.Token(item, versions.Append(existing.Version)),
                    KnownToExist = exists,
                };
                store.ValidateWrite(write);
                var done = await store.WriteAsync(write, cancellationToken).ConfigureAwait(false);
                written.Add((item, expected, result with
                {
                    Status = exists ? SecretCopyStatus.Updated : SecretCopyStatus.Created,
                    DestinationArn = done.Info.Arn,
                    VersionId = done.Info.Version,
                }));
            }
            catch (SecretStoreException ex)
            {
                outcomes.Add(new MigrationOutcome(item, result with { Status = SecretCopyStatus.Failed, Error = ex.Message }, ex));
            }
        }

        // Read back what was written and compare in memory: values never go to disk.
        var after = await ReadAllAsync(written.Select(w => (w.Item.DestinationStore, w.Item.DestinationName)), destination, cancellationToken).ConfigureAwait(false);
        foreach (var (item, expected, result) in written)
        {
            var read = after[(item.DestinationStore, item.DestinationName)];
            if (read.Value is not null && MigrationContent.Same(expected, read.Value))
                outcomes.Add(new MigrationOutcome(item, result with { Verified = true, VersionId = result.VersionId ?? read.Version }, null));
            else
            {
                var error = new SecretStoreException(ErrorIds.VerificationFailed, ErrorCategory.InvalidResult, item.DestinationName,
                    $"'{item.DestinationName}' was written but does not read back as the planned content{(read.Error is null ? "" : $" ({read.Error.Message})")}; its sources are kept.");
                outcomes.Add(new MigrationOutcome(item, result with { Error = error.Message }, error));
            }
        }
        return outcomes;
    }

    private static SecretMigrationResult Start(SecretMigrationPlanItem item) => new()
    {
        SourceStore = item.SourceStore,
        SourceNames = item.SourceNames,
        Keys = item.Keys,
        DestinationStore = item.DestinationStore,
        DestinationName = item.DestinationName,
    };

    /// <summary>Reads distinct names per store, in the store's batch size; results by (store, name).</summary>
    internal static async Task<Dictionary<(SecretStoreKind, string), SecretReadResult>> ReadAllAsync(
        IEnumerable<(SecretStoreKind Store, string Name)> names, Func<SecretStoreKind, ISecretStore> stores, CancellationToken cancellationToken)
    {
        var results = new Dictionary<(SecretStoreKind, string), SecretReadResult>();
        foreach (var group in names.Distinct().GroupBy(n => n.Store))
        {
            var requests = group.Select(n => new SecretReadRequest(n.Name)).ToList();
            var read = await stores(group.Key).ReadAsync(requests, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < requests.Count; i++) results[(group.Key, requests[i].Name)] = read[i];
        }
        return results;
    }
}
