using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Remove-SecretResourcePolicy: deletes a Secrets Manager secret's resource policy
/// (DeleteResourcePolicy). ConfirmImpact High like Remove-Secret: other accounts and roles the
/// policy let in lose access at once, and the policy is not kept anywhere to restore.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "SecretResourcePolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = HelpUris.Docs + "Remove-SecretResourcePolicy.md")]
[OutputType(typeof(SecretResourcePolicy))]
public sealed class RemoveSecretResourcePolicyCommand : SecretsManagerFeatureCmdletBase
{
    /// <summary>Remove without asking for confirmation (-WhatIf and an explicit -Confirm still apply).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord() =>
        ForEachSecret(SecretStores.PolicyFor, GetSecretResourcePolicyCommand.NoPolicies, (reference, _, policies) =>
        {
            if (!ShouldProcessUnlessForced(Force, Target(reference), "Remove the resource policy")) return;
            var removed = Await(policies.DeletePolicyAsync(reference.Name, CancellationToken));
            if (PassThru) WriteObject(removed);
        });
}
