using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Disable-SecretRotation: turns Lambda rotation off on Secrets Manager secrets and cancels a
/// rotation in progress (CancelRotateSecret). The Lambda ARN and rules stay configured on AWS.
/// </summary>
[Cmdlet(VerbsLifecycle.Disable, "SecretRotation", SupportsShouldProcess = true, HelpUri = HelpUris.Docs + "Disable-SecretRotation.md")]
[OutputType(typeof(SecretInfo))]
public sealed class DisableSecretRotationCommand : SecretRotationCmdletBase
{
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string raw in Name)
        {
            try
            {
                var (reference, rotation) = ResolveForRotation(raw);
                if (!ShouldProcessOrExplain(Target(reference), "Disable rotation (cancels a rotation in progress)")) continue;
                var info = Await(rotation.DisableRotationAsync(reference.Name, CancellationToken));
                if (PassThru) WriteObject(info);
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }
}
