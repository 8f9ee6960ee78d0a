using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>
/// Resource policies, a capability only Secrets Manager has (a Parameter Store parameter has no
/// resource policy): SecretStores.PolicyFor returns null for a store without it. Failures about the
/// secret come back as SecretStoreException; AwsCallException means nothing further can work.
/// </summary>
internal interface ISecretPolicyStore
{
    /// <summary>GetResourcePolicy: the policy, or one with a null Policy when the secret has none.</summary>
    Task<SecretResourcePolicy> GetPolicyAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// ValidateResourcePolicy for the policy as it would be on this secret. Unavailable (with what
    /// the endpoint answered) when it does not have the operation: an UnknownOperationException, or
    /// a server error with no Secrets Manager error in it at all (moto's HTML 500), as only an
    /// endpoint that emulates Secrets Manager in part answers; real AWS errors stay errors.
    /// </summary>
    Task<PolicyValidation> ValidatePolicyAsync(string name, string policy, CancellationToken cancellationToken);

    /// <summary>PutResourcePolicy, then the policy as the service now keeps it (GetResourcePolicy).</summary>
    Task<SecretResourcePolicy> PutPolicyAsync(string name, string policy, bool blockPublicPolicy, CancellationToken cancellationToken);

    /// <summary>DeleteResourcePolicy; the answer names the secret.</summary>
    Task<SecretResourcePolicy> DeletePolicyAsync(string name, CancellationToken cancellationToken);
}

/// <summary>ValidateResourcePolicy's answer: passed, or the checks that failed ("check: message"); or Unavailable, why it could not be asked.</summary>
internal sealed record PolicyValidation(bool Passed, IReadOnlyList<string> Errors, string? Unavailable = null);
