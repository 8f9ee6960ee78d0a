using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Caching;

/// <summary>
/// Puts the session's value cache in front of a store. Reads that carry a CacheUse are served
/// from it when they can and fill it when they cannot; every change made through the store
/// (write, delete, restore, metadata) drops the name's entries first, whichever cmdlet made it,
/// so no cmdlet has to remember to. Reads without a CacheUse pass straight through.
/// </summary>
internal sealed class CachingStore : ISecretStore, ISecretVersionStore
{
    private readonly ISecretStore _inner;
    private readonly SecretCache _cache;
    private readonly string _connection;

    public CachingStore(ISecretStore inner, SecretCache cache, string connectionKey)
    {
        _inner = inner;
        _cache = cache;
        _connection = connectionKey;
    }

    public SecretStoreKind Kind => _inner.Kind;

    // The engine's stores all have versions (TranslatingStore); a test double without them fails on first use.
    private ISecretVersionStore Versions => (ISecretVersionStore)_inner;
    public string? Region => _inner.Region;
    public int ReadBatchSize => _inner.ReadBatchSize;

    public void ValidateName(string name, bool forWrite = true) => _inner.ValidateName(name, forWrite);

    public void ValidateWrite(SecretWriteRequest request) => _inner.ValidateWrite(request);

    public async Task<IReadOnlyList<SecretReadResult>> ReadAsync(IReadOnlyList<SecretReadRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.All(r => r.Cache is null)) return await _inner.ReadAsync(requests, cancellationToken).ConfigureAwait(false);

        var results = new SecretReadResult?[requests.Count];
        var misses = new List<int>();
        for (int i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (request.Cache is not { ServeCached: true } use) { misses.Add(i); continue; }
            var found = _cache.Find(Key(request), use.Ttl);
            if (found.Fresh || (found.Found && use.RefreshIfChanged && await StillCurrentAsync(request, found, cancellationToken).ConfigureAwait(false)))
                results[i] = FromCache(request, found);
            else
                misses.Add(i);
        }
        if (misses.Count > 0)
        {
            var read = await _inner.ReadAsync(misses.Select(i => requests[i]).ToList(), cancellationToken).ConfigureAwait(false);
            for (int m = 0; m < misses.Count; m++)
            {
                var result = read[m];
                results[misses[m]] = result;
                if (result.Error is null && result.Request.Cache is not null) _cache.Put(Key(result.Request), result);
            }
        }
        return results!;
    }

    /// <summary>
    /// An old entry of the current version is re-validated with one metadata call, which costs
    /// less than a value call and, on Secrets Manager, nothing per 10,000. A version selector
    /// other than "current" is read again instead: metadata cannot tell where a label points.
    /// </summary>
    private async Task<bool> StillCurrentAsync(SecretReadRequest request, CacheLookup found, CancellationToken cancellationToken)
    {
        if (request.SelectsVersion || request.ExpectedArn is not null || found.Version is null) return false;
        string? current;
        try
        {
            current = await _inner.CurrentVersionAsync(found.StoredName ?? request.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretStoreException)
        {
            return false; // cannot tell: read the value, which reports any real error itself
        }
        if (current is null || current != found.Version) return false;
        _cache.Renew(Key(request));
        return true;
    }

    private static SecretReadResult FromCache(SecretReadRequest request, CacheLookup found) =>
        SecretReadResult.Success(request, found.Value!, found.Version) with
        {
            StoredName = found.StoredName,
            ParameterType = found.ParameterType,
            FromCache = true,
        };

    private CacheKey Key(SecretReadRequest request) => CacheKey.For(Kind, _connection, request);

    public IAsyncEnumerable<SecretReadResult> ReadMatchingAsync(SecretListQuery query, CancellationToken cancellationToken) =>
        _inner.ReadMatchingAsync(query, cancellationToken);

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) => _inner.ExistsAsync(name, cancellationToken);

    public Task<string?> CurrentVersionAsync(string name, CancellationToken cancellationToken) => _inner.CurrentVersionAsync(name, cancellationToken);

    public Task<string?> VersionReplacedByAsync(string name, string writtenVersion, CancellationToken cancellationToken) =>
        _inner.VersionReplacedByAsync(name, writtenVersion, cancellationToken);

    public async Task<SecretWriteResult> WriteAsync(SecretWriteRequest request, CancellationToken cancellationToken)
    {
        // Before and after: a read that runs while the write is on the wire must not keep the old value.
        _cache.Invalidate(Kind, request.Name);
        try
        {
            return await _inner.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _cache.Invalidate(Kind, request.Name);
            ForgetCompletions();
        }
    }

    public IAsyncEnumerable<SecretInfo> ListAsync(SecretListQuery query, CancellationToken cancellationToken) => _inner.ListAsync(query, cancellationToken);

    public Task<SecretInfo?> DescribeAsync(string name, CancellationToken cancellationToken) => _inner.DescribeAsync(name, cancellationToken);

    public Task<System.Collections.Hashtable?> TagsAsync(string name, CancellationToken cancellationToken) => _inner.TagsAsync(name, cancellationToken);

    public Task<IReadOnlyList<string>> ListLabelsAsync(string name, CancellationToken cancellationToken) => _inner.ListLabelsAsync(name, cancellationToken);

    public async Task<IReadOnlyList<SecretOperationResult>> RemoveAsync(IReadOnlyList<string> names, SecretRemoveOptions options, CancellationToken cancellationToken)
    {
        foreach (string name in names) _cache.Invalidate(Kind, name);
        try
        {
            return await _inner.RemoveAsync(names, options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (string name in names) _cache.Invalidate(Kind, name);
            ForgetCompletions();
        }
    }

    public async Task<SecretInfo> RestoreAsync(string name, CancellationToken cancellationToken)
    {
        _cache.Invalidate(Kind, name);
        try { return await _inner.RestoreAsync(name, cancellationToken).ConfigureAwait(false); }
        finally
        {
            _cache.Invalidate(Kind, name);
            ForgetCompletions();
        }
    }

    /// <summary>
    /// A write, delete or restore changes which names, labels and keys exist: tab completion's
    /// few seconds of listings are dropped too, so the next Tab shows the change.
    /// </summary>
    private static void ForgetCompletions() => Completion.CompletionCache.Shared.Clear();

    public async Task<SecretInfo> UpdateInfoAsync(SecretInfoUpdate update, CancellationToken cancellationToken)
    {
        // A new KMS key re-encrypts nothing we hold, but a changed secret is a changed secret.
        _cache.Invalidate(Kind, update.Name);
        try { return await _inner.UpdateInfoAsync(update, cancellationToken).ConfigureAwait(false); }
        finally { _cache.Invalidate(Kind, update.Name); }
    }

    public Task<IReadOnlyList<SecretVersion>> ListVersionsAsync(string name, bool includeDeprecated, CancellationToken cancellationToken) =>
        Versions.ListVersionsAsync(name, includeDeprecated, cancellationToken);

    public Task<string> ResolveVersionAsync(string name, string version, CancellationToken cancellationToken) =>
        Versions.ResolveVersionAsync(name, version, cancellationToken);

    public void ValidateLabels(string name, IReadOnlyList<string> labels) => Versions.ValidateLabels(name, labels);

    // A label move changes what "current" (or a label read) returns: the name is forgotten
    // before and after, as on a write.
    public Task<string?> MoveLabelAsync(string name, string label, string version, CancellationToken cancellationToken) =>
        Changing(name, () => Versions.MoveLabelAsync(name, label, version, cancellationToken));

    public Task<string> RemoveLabelAsync(string name, string label, string? version, CancellationToken cancellationToken) =>
        Changing(name, () => Versions.RemoveLabelAsync(name, label, version, cancellationToken));

    public Task<string> WriteVersionAsync(SecretVersionWrite request, CancellationToken cancellationToken) =>
        Changing(request.Name, () => Versions.WriteVersionAsync(request, cancellationToken));

    private async Task<T> Changing<T>(string name, Func<Task<T>> change)
    {
        _cache.Invalidate(Kind, name);
        try { return await change().ConfigureAwait(false); }
        finally
        {
            _cache.Invalidate(Kind, name);
            ForgetCompletions();
        }
    }
}
