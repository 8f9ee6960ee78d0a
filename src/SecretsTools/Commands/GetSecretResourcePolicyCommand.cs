using System.Collections;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Get-SecretResourcePolicy: a Secrets Manager secret's resource policy (GetResourcePolicy), as
/// our own SecretResourcePolicy (its view indents the JSON) or, with -AsHashtable, as nested
/// hashtables. A secret without a policy gives an object whose Policy is null.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SecretResourcePolicy", HelpUri = HelpUris.Docs + "Get-SecretResourcePolicy.md")]
[OutputType(typeof(SecretResourcePolicy), typeof(Hashtable))]
public sealed class GetSecretResourcePolicyCommand : SecretsManagerFeatureCmdletBase
{
    /// <summary>The policy document as nested hashtables instead of the SecretResourcePolicy object; nothing for a secret without one.</summary>
    [Parameter]
    public SwitchParameter AsHashtable { get; set; }

    internal const string NoPolicies = "has no resource policies (a parameter's access is set by IAM policies on the caller)";

    protected override void ProcessRecord() =>
        ForEachSecret(SecretStores.PolicyFor, NoPolicies, (reference, _, policies) =>
        {
            var policy = Await(policies.GetPolicyAsync(reference.Name, CancellationToken));
            if (!AsHashtable) WriteObject(policy);
            else if (Access.PolicyJson.ToHashtable(policy.Policy) is { } table) WriteObject(table);
            else WriteVerbose($"'{reference.Name}' has no resource policy.");
        });
}
