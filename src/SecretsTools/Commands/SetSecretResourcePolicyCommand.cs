using System;
using System.Management.Automation;
using SecretsTools.Access;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Set-SecretResourcePolicy: attaches a resource policy to Secrets Manager secrets, given whole
/// (-Policy, JSON text or a hashtable) or built from -AllowPrincipal / -AllowAccount and -Access
/// (ResourcePolicyDocument). The policy is checked with ValidateResourcePolicy first where the
/// service has it, then written with PutResourcePolicy. A policy is not secret: -Verbose shows it.
/// </summary>
[Cmdlet(VerbsCommon.Set, "SecretResourcePolicy", SupportsShouldProcess = true, HelpUri = HelpUris.Docs + "Set-SecretResourcePolicy.md")]
[OutputType(typeof(SecretResourcePolicy))]
public sealed class SetSecretResourcePolicyCommand : SecretsManagerFeatureCmdletBase
{
    /// <summary>The whole policy document: JSON text, or a hashtable of the same shape.</summary>
    [Parameter]
    [Alias("ResourcePolicy")]
    public object? Policy { get; set; }

    /// <summary>IAM principal ARNs (users, roles, account roots, assumed-role sessions) to allow.</summary>
    [Parameter]
    public string[]? AllowPrincipal { get; set; }

    /// <summary>AWS account ids (12 digits) to allow; each becomes the account's root principal.</summary>
    [Parameter]
    public string[]? AllowAccount { get; set; }

    /// <summary>What -AllowPrincipal / -AllowAccount may do: Read (GetSecretValue, DescribeSecret) or Write (also PutSecretValue, UpdateSecret, UpdateSecretVersionStage).</summary>
    [Parameter]
    public ResourcePolicyAccess Access { get; set; } = ResourcePolicyAccess.Read;

    /// <summary>Ask Secrets Manager to refuse a policy that grants wide (public) access.</summary>
    [Parameter]
    public SwitchParameter BlockPublicPolicy { get; set; }

    /// <summary>Do not call ValidateResourcePolicy first (e.g. where the service is emulated without it).</summary>
    [Parameter]
    public SwitchParameter SkipValidation { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private bool Built => AllowPrincipal is { Length: > 0 } || AllowAccount is { Length: > 0 };

    private string? _policy;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        // Checked once for the command, before any name: one bad principal spoils every secret alike.
        try
        {
            bool given = MyInvocation.BoundParameters.ContainsKey(nameof(Policy));
            if (given == Built)
                throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, null,
                    given ? "Give either -Policy or -AllowPrincipal/-AllowAccount, not both. Nothing was sent."
                          : "Give -Policy, or -AllowPrincipal/-AllowAccount to build one. Nothing was sent.");
            if (given && MyInvocation.BoundParameters.ContainsKey(nameof(Access)))
                throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, null,
                    "-Access applies to -AllowPrincipal/-AllowAccount; a -Policy says its own actions. Nothing was sent.");
            // The shape is checked here even for -Policy; the partition of account roots is per secret (below).
            _policy = given ? PolicyJson.Normalize(Policy) : ResourcePolicyDocument.Build(AllowPrincipal, AllowAccount, Access);
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord());
        }
    }

    protected override void ProcessRecord() =>
        ForEachSecret(SecretStores.PolicyFor, GetSecretResourcePolicyCommand.NoPolicies, (reference, key, policies) =>
        {
            string policy = Built
                ? ResourcePolicyDocument.Build(AllowPrincipal, AllowAccount, Access, ResourcePolicyDocument.PartitionOf(key.Connection.Region))
                : _policy!;
            WriteVerbose($"Resource policy for '{reference.Name}': {policy}");
            string what = Built ? $"Set a resource policy allowing {Access} to {string.Join(", ", Principals())}" : "Set the resource policy from -Policy";
            if (!ShouldProcessOrExplain(Target(reference), what + (BlockPublicPolicy ? " (Block Public Policy)" : ""))) return;
            if (SkipValidation) WriteVerbose("ValidateResourcePolicy skipped (-SkipValidation).");
            else Validate(policies, reference, policy);
            var written = Await(policies.PutPolicyAsync(reference.Name, policy, BlockPublicPolicy, CancellationToken));
            if (PassThru) WriteObject(written);
        });

    private void Validate(ISecretPolicyStore policies, SecretReference reference, string policy)
    {
        var validation = Await(policies.ValidatePolicyAsync(reference.Name, policy, CancellationToken));
        if (validation.Unavailable is { } why)
        {
            // A warning, not verbose: the public-access check was skipped, and the user should know.
            WriteWarning($"The endpoint does not have ValidateResourcePolicy (it answered: {why}); '{reference.Name}' gets the policy unvalidated (PutResourcePolicy still checks its syntax).");
            return;
        }
        if (!validation.Passed)
            throw new SecretStoreException(ErrorIds.PolicyValidationFailed, ErrorCategory.InvalidData, reference.Name,
                $"ValidateResourcePolicy refused the policy for '{reference.Name}': {(validation.Errors.Count == 0 ? "no reason given" : string.Join("; ", validation.Errors).TrimEnd('.'))}. Nothing was written.");
        WriteVerbose($"ValidateResourcePolicy passed the policy for '{reference.Name}'.");
    }

    private string[] Principals() => [.. AllowPrincipal ?? Array.Empty<string>(), .. AllowAccount ?? Array.Empty<string>()];
}
