using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Engine;

/// <summary>The replication capability as the cmdlets get it: SDK exceptions turned into our own, as in TranslatingStore.</summary>
internal sealed class TranslatingReplicationStore : ISecretReplicationStore
{
    private readonly ISecretReplicationStore _inner;

    public TranslatingReplicationStore(ISecretReplicationStore inner) => _inner = inner;

    public Task<SecretInfo> AddReplicasAsync(string name, IReadOnlyList<ReplicaRequest> replicas, bool overwrite, CancellationToken cancellationToken) =>
        TranslatingStore.Guard(() => _inner.AddReplicasAsync(name, replicas, overwrite, cancellationToken));

    public Task<SecretInfo> RemoveReplicasAsync(string name, IReadOnlyList<string> regions, CancellationToken cancellationToken) =>
        TranslatingStore.Guard(() => _inner.RemoveReplicasAsync(name, regions, cancellationToken));

    public Task<SecretInfo> PromoteReplicaAsync(string name, CancellationToken cancellationToken) =>
        TranslatingStore.Guard(() => _inner.PromoteReplicaAsync(name, cancellationToken));
}
