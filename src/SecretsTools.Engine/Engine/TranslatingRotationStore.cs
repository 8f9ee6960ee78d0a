using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Engine;

/// <summary>The rotation capability as the cmdlets get it: SDK exceptions turned into our own, as in TranslatingStore.</summary>
internal sealed class TranslatingRotationStore : ISecretRotationStore
{
    private readonly ISecretRotationStore _inner;

    public TranslatingRotationStore(ISecretRotationStore inner) => _inner = inner;

    public SecretStoreKind Kind => _inner.Kind;

    public Task<SecretInfo> EnableRotationAsync(LambdaRotationSettings settings, CancellationToken cancellationToken) =>
        TranslatingStore.Guard(() => _inner.EnableRotationAsync(settings, cancellationToken));

    public Task<SecretInfo> DisableRotationAsync(string name, CancellationToken cancellationToken) =>
        TranslatingStore.Guard(() => _inner.DisableRotationAsync(name, cancellationToken));

    public Task<LambdaRotationStarted> RotateNowAsync(string name, CancellationToken cancellationToken) =>
        TranslatingStore.Guard(() => _inner.RotateNowAsync(name, cancellationToken));
}
