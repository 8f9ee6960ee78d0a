using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Rotation;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Invoke-SecretRotation: rotates secrets now, one result per secret. Each way of rotating is a
/// parameter set served by its own class; the Lambda set (the default) is Secrets Manager's
/// configured rotation Lambda; the custom sets (InvokeSecretRotationCommand.Custom.cs) run the
/// rotation protocol here, on both stores.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "SecretRotation", SupportsShouldProcess = true, DefaultParameterSetName = LambdaSet,
    HelpUri = HelpUris.Docs + "Invoke-SecretRotation.md")]
[OutputType(typeof(SecretRotationResult))]
public sealed partial class InvokeSecretRotationCommand : SecretRotationCmdletBase
{
    private const string LambdaSet = "Lambda";

    private LambdaRotation? _lambda;

    protected override void ProcessRecord()
    {
        foreach (string raw in Name)
        {
            try
            {
                if (IsCustom) RotateCustom(raw);
                else (_lambda ??= new LambdaRotation(this)).Rotate(raw);
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }
}
