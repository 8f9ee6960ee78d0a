using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Migration;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// New-SecretMigrationPlan: reads the sources and the destinations (values in memory only, batch
/// reads) and emits one plan item per destination, saying what a run would do and why, and the
/// plan's summary (counts, API calls, time at the quotas, monthly cost with and without grouping)
/// on the information stream. It writes nothing, so it needs no -WhatIf.
/// </summary>
[Cmdlet(VerbsCommon.New, "SecretMigrationPlan", DefaultParameterSetName = NameSet, HelpUri = HelpUris.Docs + "New-SecretMigrationPlan.md")]
[OutputType(typeof(SecretMigrationPlanItem))]
public sealed class NewSecretMigrationPlanCommand : SecretTransferCmdletBase
{
    private const string NameSet = "Name";
    private const string PathSet = "Path";
    public const string SummaryTag = "SecretsTools.PlanSummary";

    // Planning waits for the whole input: a group's members may arrive one by one down the pipeline.
    private readonly List<PlanInput> _inputs = new();
    private readonly Dictionary<string, string?> _transformed = new(StringComparer.Ordinal);

    /// <summary>Names, ssm:/sm: references, ARNs or wildcards; Get-SecretInfo objects bind by property name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [Alias("SecretId")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>A Parameter Store path (or ssm:path) whose parameters to plan.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    public string Path { get; set; } = "";

    [Parameter(ParameterSetName = PathSet)]
    public SwitchParameter Recurse { get; set; }

    /// <summary>Mandatory here: a plan says where everything goes.</summary>
    [Parameter(Mandatory = true)]
    public override SecretStoreKind? DestinationStore { get; set; }

    [Parameter]
    public string? DestinationPrefix { get; set; }

    /// <summary>Gets a source name (or a group's path) as $_ and returns its destination name.</summary>
    [Parameter]
    public ScriptBlock? NameTransform { get; set; }

    [Parameter]
    [ValidateRange(1, 15)]
    public int? GroupByDepth { get; set; }

    [Parameter]
    public SwitchParameter Split { get; set; }

    /// <summary>The Parameter Store tier whose size limit destination values must fit (4 KB or 8 KB).</summary>
    [Parameter]
    [ValidateSet("Standard", "Advanced")]
    public string Tier { get; set; } = "Standard";

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [ValidateRange(0.0, 1000.0)]
    public decimal PricePerSecret { get; set; } = 0.40m;

    protected override void BeginProcessing()
    {
        string? conflict =
            DestinationPrefix is not null && NameTransform is not null ? "-DestinationPrefix and -NameTransform both name the destinations; use one"
            : GroupByDepth is not null && DestinationStore != SecretStoreKind.SecretsManager ? "-GroupByDepth packs parameters into Secrets Manager JSON secrets: use it with -DestinationStore SecretsManager"
            : Split && DestinationStore != SecretStoreKind.ParameterStore ? "-Split makes one parameter per JSON key: use it with -DestinationStore ParameterStore"
            : Split && ParameterSetName == PathSet ? "-Split takes Secrets Manager secrets, and -Path reads Parameter Store: give the secrets with -Name"
            : null;
        if (conflict is not null)
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(conflict + "."), ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, null));
    }

    protected override void ProcessRecord()
    {
        foreach (string raw in Name)
        {
            try
            {
                var reference = Resolve(raw);
                RefuseSelector(reference, raw);
                bool wildcard = WildcardPattern.ContainsWildcardCharacters(reference.Name);
                string? refused =
                    reference.Key is not null ? $"names a field (#{reference.Key}); a plan migrates whole secrets"
                    : wildcard && reference.Region is not null ? "is an ARN with wildcards; wildcards go with names (ssm:/app/*, sm:prod/*)"
                    : GroupByDepth is not null && reference.Store != SecretStoreKind.ParameterStore ? "is a Secrets Manager secret, and -GroupByDepth groups Parameter Store parameters"
                    : Split && reference.Store != SecretStoreKind.SecretsManager ? "is a Parameter Store parameter, and -Split splits Secrets Manager JSON secrets"
                    : null;
                if (refused is not null)
                    throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, raw, $"'{raw}' {refused}.");
                var key = KeyFor(reference);
                if (!wildcard) StoreFor(key).ValidateName(reference.Name, forWrite: false);
                RefuseOtherRegion(key, raw);
                _inputs.Add(new PlanInput(key, reference, raw, wildcard));
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }

    protected override void EndProcessing()
    {
        var sources = new PlanSources();
        StoreKey? sourceKey;
        if (ParameterSetName == PathSet)
        {
            sourceKey = ReadPath(sources);
        }
        else
        {
            sourceKey = _inputs.Count == 0 ? null : _inputs[0].Key;
            ReadNames(sources);
        }
        var drafts = new List<PlanDraft>();
        if (sourceKey is { } origin && sources.List.Count > 0)
        {
            var destinationKey = new StoreKey(DestinationStore!.Value, DestinationConnection(origin.Connection, DestinationStore!.Value));
            var destination = StoreFor(destinationKey);
            var planner = new MigrationPlanner(new MigrationPlanOptions
            {
                DestinationStore = destinationKey.Kind,
                GroupByDepth = GroupByDepth,
                Split = Split,
                Tier = Tier,
                Force = Force,
                SameConnection = destinationKey.Connection == origin.Connection,
            });
            drafts = planner.Draft(sources.List, DestinationNameFor, destination.ValidateWrite);
            ReadDestinations(planner, destination, drafts.Where(d => !d.IsConflict).ToList());
        }
        foreach (var draft in drafts) WriteObject(draft.Item);

        var summary = MigrationPlanEstimate.Summarize(drafts.Select(d => d.Item).ToList(), DestinationStore!.Value,
            kind => StoreFor(kind).ReadBatchSize, PricePerSecret);
        var record = new InformationRecord(summary, MyInvocation.MyCommand.Name);
        record.Tags.Add("PSHOST");
        record.Tags.Add(SummaryTag);
        WriteInformation(record);
    }

    /// <summary>-Path: one Parameter Store hierarchy, read by path (values and names in one call a page).</summary>
    private StoreKey ReadPath(PlanSources sources)
    {
        StoreKey key = default;
        string root = "";
        try
        {
            (key, root) = ResolvePath(Path, SecretStoreKind.ParameterStore);
            if (key.Kind != SecretStoreKind.ParameterStore)
                throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, Path,
                    $"-Path reads a Parameter Store hierarchy; for Secrets Manager secrets, give -Name '{root}*'.");
            ReadMatching(key, new SecretListQuery { Path = root, Recurse = Recurse }, sources);
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord()); // one root: nothing else to plan
        }
        if (sources.List.Count == 0)
            WriteError(new SecretStoreException(ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound, root, $"Nothing was found under '{root}' in Parameter Store."));
        return key;
    }

    /// <summary>-Name: wildcards through their listings, names in batches (10 a GetParameters, 20 a BatchGetSecretValue).</summary>
    private void ReadNames(PlanSources sources)
    {
        foreach (var input in _inputs.Where(i => i.Wildcard))
        {
            try { ReadMatching(input.Key, new SecretListQuery { NamePattern = input.Reference.Name }, sources); }
            catch (SecretStoreException ex) { WriteError(ex); } // that listing only (e.g. denied)
        }
        foreach (var batch in _inputs.Where(i => !i.Wildcard).GroupBy(i => i.Key))
        {
            var inputs = batch.ToList();
            var store = StoreFor(batch.Key);
            WriteVerbose($"Reading {inputs.Count} source(s) from {StoreNames.Display(batch.Key.Kind)}.");
            var results = Await(store.ReadAsync(inputs.Select(i => new SecretReadRequest(i.Reference.Name) { ExpectedArn = i.Reference.ParameterArn }).ToList(), CancellationToken));
            for (int i = 0; i < inputs.Count; i++)
            {
                if (results[i].Error is { } error) WriteError(WithOtherStoreHint(error, inputs[i].Reference));
                else sources.Add(store.Kind, results[i]);
            }
        }
    }

    private void ReadMatching(StoreKey key, SecretListQuery query, PlanSources sources)
    {
        WriteVerbose($"Reading the sources {(query.Path is null ? $"matching '{query.NamePattern}'" : $"under '{query.Path}'")} from {StoreNames.Display(key.Kind)}.");
        WriteEach(StoreFor(key).ReadMatchingAsync(query, CancellationToken), result =>
        {
            if (result.Error is not null) WriteError(result.Error);
            else sources.Add(key.Kind, result);
        });
    }

    /// <summary>The destinations of the items that can run, in batch reads: what they hold decides Create, Skip, Update or Conflict.</summary>
    private void ReadDestinations(MigrationPlanner planner, ISecretStore destination, List<PlanDraft> drafts)
    {
        if (drafts.Count == 0) return;
        WriteVerbose($"Reading {drafts.Count} destination(s) from {StoreNames.Display(destination.Kind)}.");
        var results = Await(destination.ReadAsync(drafts.Select(d => new SecretReadRequest(d.Item.DestinationName)).ToList(), CancellationToken));
        for (int i = 0; i < drafts.Count; i++) planner.Decide(drafts[i], results[i]);
    }

    /// <summary>
    /// The destination of a source name or a group's path: -NameTransform's answer, else the name
    /// in the destination store's form under -DestinationPrefix. A transform that fails is one
    /// error, for that name; null leaves its sources out of the plan.
    /// </summary>
    private string? DestinationNameFor(string source, SecretStoreKind sourceStore)
    {
        if (NameTransform is null) return DestinationNames.For(source, sourceStore, DestinationStore!.Value, DestinationPrefix ?? "");
        if (_transformed.TryGetValue(source, out var known)) return known;
        string? name = null;
        try { name = NameTransforms.Invoke(NameTransform, source); }
        catch (SecretStoreException ex) { WriteError(ex); }
        return _transformed[source] = name;
    }

    /// <summary>
    /// A plan item holds no Region (a plan is run with the connection it was made with), so a plan
    /// takes the sources of one Region: an ARN or a piped object of another is refused.
    /// </summary>
    private void RefuseOtherRegion(StoreKey key, string raw)
    {
        if (_inputs.Count == 0) return;
        string? region = StoreFor(key).Region, planned = StoreFor(_inputs[0].Key).Region;
        if (!string.Equals(region, planned, StringComparison.Ordinal))
            throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, raw,
                $"'{raw}' is in {region}, but the plan's first source is in {planned}; make one plan per Region.");
    }

    private sealed record PlanInput(StoreKey Key, SecretReference Reference, string Raw, bool Wildcard);

    /// <summary>The sources read, each once (a name given twice, or by a name and a wildcard, is one source).</summary>
    private sealed class PlanSources
    {
        private readonly HashSet<(SecretStoreKind, string)> _seen = new();

        public List<PlanSource> List { get; } = new();

        public void Add(SecretStoreKind store, SecretReadResult result)
        {
            if (_seen.Add((store, result.Name))) List.Add(new PlanSource(store, result.Name, result.Value!, result.ParameterType));
        }
    }
}
