using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Engine;

/// <summary>
/// The store as the cmdlets get it: every call of the real store, with SDK exceptions turned
/// into our own (SdkExceptions) on the way out, listings included.
/// </summary>
internal sealed class TranslatingStore : ISecretStore, ISecretVersionStore
{
    private readonly ISecretStore _inner;

    // Both engine stores have versions; a store without them would fail here, on first use.
    private ISecretVersionStore Versions => (ISecretVersionStore)_inner;

    public TranslatingStore(ISecretStore inner) => _inner = inner;

    public SecretStoreKind Kind => _inner.Kind;
    public string? Region => _inner.Region;
    public int ReadBatchSize => _inner.ReadBatchSize;

    public void ValidateName(string name, bool forWrite = true) => _inner.ValidateName(name, forWrite);
    public void ValidateWrite(SecretWriteRequest request) => _inner.ValidateWrite(request);

    public Task<IReadOnlyList<SecretReadResult>> ReadAsync(IReadOnlyList<SecretReadRequest> requests, CancellationToken cancellationToken) =>
        Guard(() => _inner.ReadAsync(requests, cancellationToken));

    public IAsyncEnumerable<SecretReadResult> ReadMatchingAsync(SecretListQuery query, CancellationToken cancellationToken) =>
        Guard(_inner.ReadMatchingAsync(query, cancellationToken), cancellationToken);

    public Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) => Guard(() => _inner.ExistsAsync(name, cancellationToken));

    public Task<string?> CurrentVersionAsync(string name, CancellationToken cancellationToken) => Guard(() => _inner.CurrentVersionAsync(name, cancellationToken));

    public Task<string?> VersionReplacedByAsync(string name, string writtenVersion, CancellationToken cancellationToken) =>
        Guard(() => _inner.VersionReplacedByAsync(name, writtenVersion, cancellationToken));

    public Task<SecretWriteResult> WriteAsync(SecretWriteRequest request, CancellationToken cancellationToken) => Guard(() => _inner.WriteAsync(request, cancellationToken));

    public IAsyncEnumerable<SecretInfo> ListAsync(SecretListQuery query, CancellationToken cancellationToken) =>
        Guard(_inner.ListAsync(query, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<string>> ListLabelsAsync(string name, CancellationToken cancellationToken) =>
        Guard(() => _inner.ListLabelsAsync(name, cancellationToken));

    public Task<SecretInfo?> DescribeAsync(string name, CancellationToken cancellationToken) => Guard(() => _inner.DescribeAsync(name, cancellationToken));

    public Task<System.Collections.Hashtable?> TagsAsync(string name, CancellationToken cancellationToken) => Guard(() => _inner.TagsAsync(name, cancellationToken));

    public Task<IReadOnlyList<SecretOperationResult>> RemoveAsync(IReadOnlyList<string> names, SecretRemoveOptions options, CancellationToken cancellationToken) =>
        Guard(() => _inner.RemoveAsync(names, options, cancellationToken));

    public Task<SecretInfo> RestoreAsync(string name, CancellationToken cancellationToken) => Guard(() => _inner.RestoreAsync(name, cancellationToken));

    public Task<SecretInfo> UpdateInfoAsync(SecretInfoUpdate update, CancellationToken cancellationToken) => Guard(() => _inner.UpdateInfoAsync(update, cancellationToken));

    public Task<IReadOnlyList<SecretVersion>> ListVersionsAsync(string name, bool includeDeprecated, CancellationToken cancellationToken) =>
        Guard(() => Versions.ListVersionsAsync(name, includeDeprecated, cancellationToken));

    public Task<string> ResolveVersionAsync(string name, string version, CancellationToken cancellationToken) =>
        Guard(() => Versions.ResolveVersionAsync(name, version, cancellationToken));

    public void ValidateLabels(string name, IReadOnlyList<string> labels) => Versions.ValidateLabels(name, labels);

    public Task<string?> MoveLabelAsync(string name, string label, string version, CancellationToken cancellationToken) =>
        Guard(() => Versions.MoveLabelAsync(name, label, version, cancellationToken));

    public Task<string> RemoveLabelAsync(string name, string label, string? version, CancellationToken cancellationToken) =>
        Guard(() => Versions.RemoveLabelAsync(name, label, version, cancellationToken));

    public Task<string> WriteVersionAsync(SecretVersionWrite request, CancellationToken cancellationToken) =>
        Guard(() => Versions.WriteVersionAsync(request, cancellationToken));

    internal static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (SdkExceptions.Translate(ex) is { } ours)
        {
            throw ours;
        }
    }

    private static async IAsyncEnumerable<T> Guard<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = source.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await Guard(async () => await enumerator.MoveNextAsync().ConfigureAwait(false)).ConfigureAwait(false))
                yield return enumerator.Current;
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
