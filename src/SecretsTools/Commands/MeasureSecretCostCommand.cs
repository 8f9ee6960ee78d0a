using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Cost;
using SecretsTools.Migration;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Measure-SecretCost: the estimated monthly cost of secrets and parameters, from Get-SecretInfo
/// output (what they cost now) or a New-SecretMigrationPlan (what the destinations will cost),
/// one row per name prefix with what the prefix would cost as one JSON secret. Purely local: it
/// makes no AWS call, and the prices are parameters (defaults: the list prices in the help).
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "SecretCost", HelpUri = HelpUris.Docs + "Measure-SecretCost.md")]
[OutputType(typeof(SecretCostGroup))]
public sealed class MeasureSecretCostCommand : PSCmdlet
{
    private readonly List<CostEntry> _entries = new();

    /// <summary>SecretInfo objects (Get-SecretInfo) or SecretMigrationPlanItem objects (New-SecretMigrationPlan, or their Import-Csv/ConvertFrom-Json records).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public object[] InputObject { get; set; } = Array.Empty<object>();

    /// <summary>How many times a day each secret or parameter is read (GetSecretValue, GetParameter).</summary>
    [Parameter]
    [ValidateRange(0d, 1e9d)]
    public double ReadsPerDay { get; set; }

    /// <summary>Groups names by their first N path segments; 0 gives one row for everything.</summary>
    [Parameter]
    [ValidateRange(0, 15)]
    public int GroupByDepth { get; set; } = 1;

    /// <summary>Secrets Manager, per secret (and per replica) a month. Default 0.40 USD.</summary>
    [Parameter]
    [ValidateRange(0d, 1000d)]
    public decimal PricePerSecret { get; set; } = 0.40m;

    /// <summary>Per 10,000 charged API calls. Default 0.05 USD.</summary>
    [Parameter]
    [ValidateRange(0d, 1000d)]
    public decimal PricePer10kCalls { get; set; } = 0.05m;

    /// <summary>Parameter Store Advanced, per parameter a month. Default 0.05 USD.</summary>
    [Parameter]
    [ValidateRange(0d, 1000d)]
    public decimal PricePerAdvancedParameter { get; set; } = 0.05m;

    /// <summary>Parameter Store higher throughput is on, so its reads are charged at PricePer10kCalls.</summary>
    [Parameter]
    public SwitchParameter HigherThroughput { get; set; }

    // One entry per store, name and Region, however often it is piped in.
    // By ARN where there is one: two secrets of one name in two accounts are two secrets.
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<SecretInfo> _replicasSeen = new();
    private readonly List<(string, string?)> _entriesWithRegion = new();
    private int _replicasUnknown;

    protected override void ProcessRecord()
    {
        foreach (object? raw in InputObject)
        {
            object? value = raw is PSObject ps ? ps.BaseObject : raw;
            // A plan reviewed through Import-Csv or ConvertFrom-Json comes back as records, read as Invoke-SecretMigration reads them.
            if (value is PSCustomObject && raw is PSObject record && record.Properties[nameof(SecretMigrationPlanItem.DestinationName)] is not null)
            {
                try { value = PlanItems.From(raw); }
                catch (SecretStoreException ex) { WriteError(ex.ToErrorRecord()); continue; }
            }
            switch (value)
            {
                case SecretInfo { IsReplica: true } replica:
                    // Billed as a replica of its primary: counted there when the primary is in the
                    // input (decided at the end, as the primary may come later), else on its own.
                    _replicasSeen.Add(replica);
                    break;
                case SecretInfo info when !_seen.Add(info.Arn ?? $"{info.Store}|{info.Name}|{info.Region}"):
                    break;
                case SecretInfo info:
                    if (info.Store == SecretStoreKind.SecretsManager && info.Replicas is null) _replicasUnknown++;
                    if (info.Store == SecretStoreKind.SecretsManager) _entriesWithRegion.Add((info.Name, info.Region));
                    _entries.Add(new CostEntry(info.Store, info.Name, info.Tier, info.ReplicaRegions.Length));
                    break;
                case SecretMigrationPlanItem item when item.Action == SecretMigrationAction.Conflict:
                    WriteVerbose($"{item.DestinationName}: a Conflict item does not run, so it is not counted.");
                    break;
                case SecretMigrationPlanItem item:
                    // A plan does not say the tier or replicas: Invoke-SecretMigration creates none of either.
                    _entries.Add(new CostEntry(item.DestinationStore, item.DestinationName, "Standard", 0));
                    break;
                default:
                    WriteError(new ErrorRecord(new PSArgumentException(
                        $"Measure-SecretCost takes SecretInfo (Get-SecretInfo) or SecretMigrationPlanItem (New-SecretMigrationPlan) objects, not {raw?.GetType().Name ?? "null"}."),
                        ErrorIds.UnsupportedInputObject, ErrorCategory.InvalidType, raw));
                    break;
            }
        }
    }

    protected override void EndProcessing()
    {
        var rates = new CostRates
        {
            PricePerSecret = PricePerSecret,
            PricePer10kCalls = PricePer10kCalls,
            PricePerAdvancedParameter = PricePerAdvancedParameter,
            ReadsPerDay = ReadsPerDay,
            HigherThroughput = HigherThroughput,
        };
        var primaries = new HashSet<(string, string?)>(_entriesWithRegion);
        var orphans = _replicasSeen.Where(r => !primaries.Contains((r.Name, r.PrimaryRegion)))
            .GroupBy(r => (r.Name, r.Region)).Select(g => g.First()).ToList();
        foreach (var orphan in orphans)
            _entries.Add(new CostEntry(SecretStoreKind.SecretsManager, orphan.Name, null, 0));
        if (orphans.Count > 0)
            WriteWarning($"{orphans.Count} replica(s) came without their primary (listed in their own Region): each is counted as one secret-month here, as AWS bills a replica.");
        if (_replicasUnknown > 0)
            WriteWarning($"{_replicasUnknown} secret(s) came from a listing, which does not report replication: their replicas, if any, are not counted. "
                + "List them with Get-SecretInfo -IncludeReplicas to count them.");
        foreach (var group in SecretCostCalculator.Calculate(_entries, GroupByDepth, rates)) WriteObject(group);
    }
}
