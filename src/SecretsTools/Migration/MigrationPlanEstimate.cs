using System;
using System.Collections.Generic;
using System.Linq;
using SecretsTools.Model;

namespace SecretsTools.Migration;

/// <summary>
/// Adds a plan up (SecretMigrationPlanSummary): the calls the run will make, at the quotas
/// (MigrationQuotas), and the monthly Secrets Manager cost with and without grouping. A run reads
/// the sources and the destinations in batches, writes each Create and Update once, and reads
/// what it wrote back in batches to verify it; Conflicts are left alone.
/// </summary>
internal static class MigrationPlanEstimate
{
    public static SecretMigrationPlanSummary Summarize(IReadOnlyList<SecretMigrationPlanItem> items, SecretStoreKind destination,
        Func<SecretStoreKind, int> readBatchSize, decimal pricePerSecret)
    {
        int Count(SecretMigrationAction action) => items.Count(i => i.Action == action);
        var runnable = items.Where(i => i.Action != SecretMigrationAction.Conflict).ToList();
        int creates = Count(SecretMigrationAction.Create), updates = Count(SecretMigrationAction.Update);

        var calls = new Dictionary<string, int>();
        void Add(string operation, int n) => calls[operation] = calls.GetValueOrDefault(operation) + n;
        int Batches(int n, SecretStoreKind store) => n == 0 ? 0 : (n + readBatchSize(store) - 1) / readBatchSize(store);
        foreach (var sources in runnable.GroupBy(i => i.SourceStore))
            Add(MigrationQuotas.ReadOperation(sources.Key), Batches(sources.SelectMany(i => i.SourceNameList()).Distinct(StringComparer.Ordinal).Count(), sources.Key));
        Add(MigrationQuotas.ReadOperation(destination), Batches(runnable.Count, destination) + Batches(creates + updates, destination));
        Add(MigrationQuotas.WriteOperation(destination, create: true), creates);
        Add(MigrationQuotas.WriteOperation(destination, create: false), updates);

        // One secret a source is what the plan would hold without grouping; splitting is not grouping.
        int withoutGrouping = runnable.Sum(i => destination == SecretStoreKind.SecretsManager ? i.SourceNameList().Length : 1);
        decimal Cost(int secrets) => destination == SecretStoreKind.SecretsManager ? secrets * pricePerSecret : 0m;
        return new SecretMigrationPlanSummary
        {
            DestinationStore = destination,
            Items = items.Count,
            Create = creates,
            Update = updates,
            Skip = Count(SecretMigrationAction.Skip),
            Conflict = Count(SecretMigrationAction.Conflict),
            SecretsAfter = runnable.Count,
            SecretsWithoutGrouping = withoutGrouping,
            ApiCalls = calls.Values.Sum(),
            EstimatedSeconds = calls.Sum(c => c.Value / MigrationQuotas.Rate(c.Key)),
            MonthlyCost = Cost(runnable.Count),
            MonthlyCostWithoutGrouping = Cost(withoutGrouping),
            PricePerSecret = pricePerSecret,
        };
    }
}
