using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Caching;

/// <summary>
/// Drops a secret's cached values around every rotation call, as CachingStore does around
/// writes: a rotation (now, or at once when enabled with -RotateImmediately) gives the secret a
/// new value, so the old one must not be served from the session cache. The Lambda finishes
/// later, so the name is forgotten again after the call, not only before it.
/// </summary>
internal sealed class CacheForgettingRotationStore : ISecretRotationStore
{
    private readonly ISecretRotationStore _inner;
    private readonly SecretCache _cache;

    public CacheForgettingRotationStore(ISecretRotationStore inner, SecretCache cache)
    {
        _inner = inner;
        _cache = cache;
    }

    public SecretStoreKind Kind => _inner.Kind;

    public async Task<SecretInfo> EnableRotationAsync(LambdaRotationSettings settings, CancellationToken cancellationToken)
    {
        Forget(settings.Name);
        try { return Forgotten(await _inner.EnableRotationAsync(settings, cancellationToken).ConfigureAwait(false)); }
        finally { Forget(settings.Name); }
    }

    public async Task<SecretInfo> DisableRotationAsync(string name, CancellationToken cancellationToken)
    {
        // CancelRotateSecret also cancels a rotation in progress, whose version may have been read.
        Forget(name);
        try { return Forgotten(await _inner.DisableRotationAsync(name, cancellationToken).ConfigureAwait(false)); }
        finally { Forget(name); }
    }

    public async Task<LambdaRotationStarted> RotateNowAsync(string name, CancellationToken cancellationToken)
    {
        Forget(name);
        try
        {
            var started = await _inner.RotateNowAsync(name, cancellationToken).ConfigureAwait(false);
            Forget(started.Name);
            if (started.Arn is not null) Forget(started.Arn);
            return started;
        }
        finally { Forget(name); }
    }

    // The cache may know the secret by its name or its ARN, whichever the caller used.
    private SecretInfo Forgotten(SecretInfo info)
    {
        Forget(info.Name);
        if (info.Arn is not null) Forget(info.Arn);
        return info;
    }

    private void Forget(string name) => _cache.Invalidate(_inner.Kind, name);
}
