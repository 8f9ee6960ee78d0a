using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Engine;

/// <summary>The resource-policy capability as the cmdlets get it: SDK exceptions turned into our own, as in TranslatingStore.</summary>
internal sealed class TranslatingPolicyStore : ISecretPolicyStore
{
    private readonly ISecretPolicyStore _inner;

    public TranslatingPolicyStore(ISecretPolicyStore inner) => _inner = inner;

    public Task<SecretResourcePolicy> GetPolicyAsync(string name, CancellationToken cancellationToken) =>
        TranslatingStore.Guard(() => _inner.GetPolicyAsync(name, cancellationToken));

    public Task<PolicyValidation> ValidatePolicyAsync(string name, string policy, CancellationToken cancellationToken) =>
        TranslatingStore.Guard(() => _inner.ValidatePolicyAsync(name, policy, cancellationToken));

    public Task<SecretResourcePolicy> PutPolicyAsync(string name, string policy, bool blockPublicPolicy, CancellationToken cancellationToken) =>
        TranslatingStore.Guard(() => _inner.PutPolicyAsync(name, policy, blockPublicPolicy, cancellationToken));

    public Task<SecretResourcePolicy> DeletePolicyAsync(string name, CancellationToken cancellationToken) =>
        TranslatingStore.Guard(() => _inner.DeletePolicyAsync(name, cancellationToken));
}
