using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Rotation;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Enable-SecretRotation: sets up Lambda rotation on Secrets Manager secrets (RotateSecret with
/// the Lambda and the rules). Unlike AWS's default, it does not rotate at once unless
/// -RotateImmediately is given: turning rotation on should not change a value by surprise.
/// </summary>
[Cmdlet(VerbsLifecycle.Enable, "SecretRotation", SupportsShouldProcess = true, DefaultParameterSetName = DaysSet,
    HelpUri = HelpUris.Docs + "Enable-SecretRotation.md")]
[OutputType(typeof(SecretInfo))]
public sealed class EnableSecretRotationCommand : SecretRotationCmdletBase
{
    private const string DaysSet = "Days";
    private const string ScheduleSet = "Schedule";

    private RotationSchedule _schedule = null!;

    /// <summary>The ARN of the rotation Lambda function.</summary>
    [Parameter(Mandatory = true)]
    [Alias("RotationLambdaArn")]
    public string LambdaArn { get; set; } = "";

    /// <summary>Rotate every so many days (1-1000): RotationRules.AutomaticallyAfterDays.</summary>
    [Parameter(Mandatory = true, ParameterSetName = DaysSet)]
    public int RotateAfterDays { get; set; }

    /// <summary>A rate(N hours|days) or cron(six fields) expression: RotationRules.ScheduleExpression.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ScheduleSet)]
    [Alias("ScheduleExpression")]
    public string Schedule { get; set; } = "";

    /// <summary>The rotation window in whole hours, e.g. 3h: RotationRules.Duration.</summary>
    [Parameter]
    public string? Duration { get; set; }

    /// <summary>Rotate now as well (RotateImmediately); by default the first rotation waits for the schedule.</summary>
    [Parameter]
    public SwitchParameter RotateImmediately { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // The same rules for every name: a bad schedule or ARN can work for none, so it ends the command before any call.
        try
        {
            RotationScheduleRules.ValidateLambdaArn(null, LambdaArn);
            _schedule = RotationScheduleRules.Validate(null,
                ParameterSetName == DaysSet ? RotateAfterDays : null,
                ParameterSetName == ScheduleSet ? Schedule : null,
                Duration);
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord());
        }
    }

    protected override void ProcessRecord()
    {
        foreach (string raw in Name)
        {
            try
            {
                var (reference, rotation) = ResolveForRotation(raw);
                string when = RotateImmediately ? ", rotating now" : "";
                if (!ShouldProcessOrExplain(Target(reference), $"Enable rotation with Lambda '{LambdaArn}' ({Describe(_schedule)}{when})")) continue;
                var info = Await(rotation.EnableRotationAsync(new LambdaRotationSettings(reference.Name, LambdaArn, _schedule, RotateImmediately), CancellationToken));
                if (PassThru) WriteObject(info);
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }

    private static string Describe(RotationSchedule s) =>
        (s.AutomaticallyAfterDays is { } days ? $"every {days} days" : s.ScheduleExpression!) + (s.Duration is null ? "" : $", window {s.Duration}");
}
