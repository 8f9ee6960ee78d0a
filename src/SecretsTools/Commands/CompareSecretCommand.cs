using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Migration;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Compare-Secret: Match, Differ or Missing for two secrets, or for each item of a migration plan
/// (its sources as the plan composes them against its destination). Values are compared in
/// memory and never shown; for JSON only the names of the keys that differ are.
/// </summary>
[Cmdlet(VerbsData.Compare, "Secret", DefaultParameterSetName = ReferenceSet, HelpUri = HelpUris.Docs + "Compare-Secret.md")]
[OutputType(typeof(SecretComparison))]
public sealed class CompareSecretCommand : SecretTransferCmdletBase
{
    private const string ReferenceSet = "Reference";
    private const string PlanSet = "Plan";

    private readonly List<SecretMigrationPlanItem> _items = new();

    /// <summary>The secret to compare against: a name, ssm:/sm: reference or ARN.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ReferenceSet)]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string ReferenceName { get; set; } = "";

    /// <summary>The secret compared with it; on the destination connection (the Destination* parameters) if given.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ReferenceSet)]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string DifferenceName { get; set; } = "";

    /// <summary>Plan items (New-SecretMigrationPlan, or their CSV or JSON records): each item's sources against its destination.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PlanSet)]
    public object[] Plan { get; set; } = Array.Empty<object>();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ReferenceSet)
        {
            CompareTwo();
            return;
        }
        foreach (object input in Plan)
        {
            try { _items.Add(PlanItems.From(input)); }
            catch (SecretStoreException ex) { WriteError(ex); }
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName != PlanSet || _items.Count == 0) return;
        var source = new Dictionary<SecretStoreKind, ISecretStore>();
        var destination = new Dictionary<SecretStoreKind, ISecretStore>();
        foreach (var kind in new[] { SecretStoreKind.ParameterStore, SecretStoreKind.SecretsManager })
        {
            source[kind] = StoreFor(KeyFor(kind));
            destination[kind] = StoreFor(new StoreKey(kind, DestinationConnection(ConnectionFor(kind), kind)));
        }
        foreach (var chunk in _items.Chunk(100))
        {
            var sources = Await(MigrationRunner.ReadAllAsync(chunk.SelectMany(i => i.SourceNameList().Select(n => (i.SourceStore, n))), k => source[k], CancellationToken));
            var current = Await(MigrationRunner.ReadAllAsync(chunk.Select(i => (i.DestinationStore, i.DestinationName)), k => destination[k], CancellationToken));
            foreach (var item in chunk)
            {
                var result = new SecretComparison
                {
                    ReferenceName = item.SourceNames,
                    ReferenceStore = item.SourceStore,
                    DifferenceName = item.DestinationName,
                    DifferenceStore = item.DestinationStore,
                };
                var missing = item.SourceNameList().FirstOrDefault(n => sources[(item.SourceStore, n)].Error is not null);
                var values = item.SourceNameList().Where(n => sources[(item.SourceStore, n)].Value is not null)
                    .ToDictionary(n => n, n => sources[(item.SourceStore, n)].Value!, StringComparer.Ordinal);
                var (expected, conflict) = MigrationContent.Compose(item, values);
                var actual = current[(item.DestinationStore, item.DestinationName)];
                WriteObject(missing is not null ? result with { Status = SecretComparisonStatus.Missing, Reason = $"source '{missing}' was not found" }
                    : expected is null ? result with { Status = SecretComparisonStatus.Differ, Reason = conflict }
                    : actual.Value is null ? result with { Status = SecretComparisonStatus.Missing, Reason = $"'{item.DestinationName}' was not found" }
                    : Compared(result, expected, actual.Value));
            }
        }
    }

    private void CompareTwo()
    {
        try
        {
            var reference = Resolve(ReferenceName);
            var difference = SecretReference.Parse(DifferenceName, Store, () => reference.Store);
            RefuseField(reference, ReferenceName);
            RefuseField(difference, DifferenceName);
            var referenceStore = StoreFor(reference);
            bool elsewhere = DestinationRegion is not null || DestinationProfileName is not null || DestinationEndpointUrl is not null || DestinationCredential is not null || DestinationStore is not null;
            var differenceKey = KeyFor(difference);
            var differenceStore = elsewhere
                ? StoreFor(new StoreKey(DestinationStore ?? difference.Store, DestinationConnection(differenceKey.Connection, DestinationStore ?? difference.Store)))
                : StoreFor(differenceKey);
            var left = Await(referenceStore.ReadAsync(new[] { Request(reference) }, CancellationToken))[0];
            var right = Await(differenceStore.ReadAsync(new[] { Request(difference) }, CancellationToken))[0];
            var result = new SecretComparison
            {
                ReferenceName = ReferenceName,
                ReferenceStore = referenceStore.Kind,
                DifferenceName = DifferenceName,
                DifferenceStore = differenceStore.Kind,
            };
            foreach (var (read, name) in new[] { (left, ReferenceName), (right, DifferenceName) })
                if (read.Error is { ErrorId: not ErrorIds.SecretNotFound and not ErrorIds.SecretVersionNotFound }) throw read.Error;
            WriteObject(left.Value is null ? result with { Status = SecretComparisonStatus.Missing, Reason = $"'{ReferenceName}' was not found" }
                : right.Value is null ? result with { Status = SecretComparisonStatus.Missing, Reason = $"'{DifferenceName}' was not found" }
                : Compared(result, left.Value, right.Value));
        }
        catch (SecretStoreException ex)
        {
            WriteError(ex);
        }
    }

    private static SecretReadRequest Request(SecretReference reference) =>
        new(reference.Name, reference.Version, reference.Label) { ExpectedArn = reference.ParameterArn };

    private static void RefuseField(SecretReference reference, string raw)
    {
        if (reference.Key is not null)
            throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw,
                $"'{raw}' names a field (#{reference.Key}); Compare-Secret compares whole secrets, JSON key by key.");
    }

    private static SecretComparison Compared(SecretComparison result, SecretValue expected, SecretValue actual)
    {
        var (status, keys) = ContentComparer.Compare(expected, actual);
        return result with { Status = status, DifferentKeys = keys };
    }
}
