using System;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Get-SecretAuditEvent: who called what on a secret, from CloudTrail's LookupEvents (management
/// events of the last 90 days, in the secret's region). Reading only: nothing is changed, so no
/// ShouldProcess. LookupEvents takes one lookup attribute per call: CloudTrail is asked for the
/// secret's resource name, and the event source, -EventName and -UserName are applied here, to each
/// page as it arrives, so the first events appear before the listing ends.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SecretAuditEvent", DefaultParameterSetName = EventsSet, HelpUri = HelpUris.Docs + "Get-SecretAuditEvent.md")]
[OutputType(typeof(SecretAuditEvent), ParameterSetName = new[] { EventsSet })]
[OutputType(typeof(SecretAuditSummary), ParameterSetName = new[] { SummarySet })]
public sealed class GetSecretAuditEventCommand : SecretCmdletBase
{
    private const string EventsSet = "Events";
    private const string SummarySet = "Summary";

    /// <summary>CloudTrail's event history keeps management events this long.</summary>
    internal static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>Events at or after this time (local unless given as UTC). Default: as far back as CloudTrail keeps (90 days).</summary>
    [Parameter]
    public DateTime? StartTime { get; set; }

    /// <summary>Events at or before this time. Default: now.</summary>
    [Parameter]
    public DateTime? EndTime { get; set; }

    /// <summary>Only these calls (GetSecretValue, PutSecretValue, GetParameter, ...). Applied after reading.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completion.AuditEventNameCompleter))]
    public string[] EventName { get; set; } = Array.Empty<string>();

    /// <summary>Only calls by this principal: a user or role name, an ARN, or a wildcard pattern. Applied after reading.</summary>
    [Parameter]
    public string? UserName { get; set; }

    /// <summary>One row per principal instead of the events: reads, writes and the last access.</summary>
    [Parameter(Mandatory = true, ParameterSetName = SummarySet)]
    public SwitchParameter Summary { get; set; }

    private System.Collections.Generic.IReadOnlyList<string> _eventNames = Array.Empty<string>();
    private DateTime? _start;
    private DateTime? _end;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // The same for every name: a bad range or event name can work for none, so it ends the command before any call.
        try
        {
            _start = StartTime?.ToUniversalTime();
            _end = EndTime?.ToUniversalTime();
            if (_start is not null && _end is not null && _end < _start)
                throw new SecretStoreException(ErrorIds.InvalidAuditTimeRange, ErrorCategory.InvalidArgument, null,
                    $"-EndTime ({_end:u}) is before -StartTime ({_start:u}).");
            _eventNames = AuditEventNames.Validate(EventName);
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord());
        }
        if (_start is not null && _start < DateTime.UtcNow - Retention)
            WriteWarning($"CloudTrail's event history keeps {Retention.TotalDays:0} days: nothing before {DateTime.UtcNow - Retention:u} will be found.");
    }

    protected override void ProcessRecord()
    {
        foreach (string raw in Name)
        {
            try
            {
                var reference = Resolve(raw);
                RefuseSelector(reference, raw);
                StoreFor(reference).ValidateName(reference.Name, forWrite: false);
                // CloudTrail is called in the secret's region (its events are logged there), at -EndpointUrl
                // only: a store's own configured endpoint is not CloudTrail's (the SDK still reads
                // AWS_ENDPOINT_URL_CLOUDTRAIL and AWS_ENDPOINT_URL itself).
                var storeConnection = KeyFor(reference).Connection;
                var trailConnection = storeConnection with { EndpointUrl = EndpointUrl };
                // The store's own connection serves the DescribeSecret that turns a Secrets Manager name into its ARN.
                var source = CreateClient(() => SecretStores.AuditFor(trailConnection, storeConnection));
                var query = new SecretAuditQuery(reference.Store, reference.Name, reference.Name)
                {
                    StartTime = _start,
                    EndTime = _end,
                    EventNames = _eventNames,
                    UserName = string.IsNullOrWhiteSpace(UserName) ? null : UserName,
                };
                WriteVerbose($"Looking up CloudTrail events of {StoreNames.Display(reference.Store)} '{reference.Name}' (event source {AuditEventNames.SourceFor(reference.Store)}); event names and user are filtered after reading.");
                if (Summary)
                {
                    var summary = new AuditSummary();
                    WriteEach(source.LookupAsync(query, CancellationToken), summary.Add);
                    foreach (var row in summary.Rows()) WriteObject(row);
                }
                else
                {
                    WriteEach(source.LookupAsync(query, CancellationToken), e => WriteObject(e));
                }
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }
}
