using System.Linq;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.SecretsManager.Model;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>Multi-Region replication: Add-SecretReplica, Remove-SecretReplica, Stop-SecretReplication.</summary>
internal sealed partial class SecretsManagerStore : ISecretReplicationStore
{
    public async Task<SecretInfo> AddReplicasAsync(string name, IReadOnlyList<ReplicaRequest> replicas, bool overwrite, CancellationToken cancellationToken)
    {
        await Translated(name, () => _client.ReplicateSecretToRegionsAsync(new ReplicateSecretToRegionsRequest
        {
            SecretId = name,
            AddReplicaRegions = replicas.Select(r => new ReplicaRegionType { Region = r.Region, KmsKeyId = r.KmsKeyId }).ToList(),
            ForceOverwriteReplicaSecret = overwrite ? true : null,
        }, cancellationToken), replicas.FirstOrDefault(r => r.KmsKeyId is not null)?.KmsKeyId).ConfigureAwait(false);
        return await DescribedAsync(name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SecretInfo> RemoveReplicasAsync(string name, IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        await Translated(name, () => _client.RemoveRegionsFromReplicationAsync(new RemoveRegionsFromReplicationRequest
        {
            SecretId = name,
            RemoveReplicaRegions = regions.ToList(),
        }, cancellationToken)).ConfigureAwait(false);
        return await DescribedAsync(name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SecretInfo> PromoteReplicaAsync(string name, CancellationToken cancellationToken)
    {
        await Translated(name, () => _client.StopReplicationToReplicaAsync(new StopReplicationToReplicaRequest { SecretId = name }, cancellationToken)).ConfigureAwait(false);
        return await DescribedAsync(name, cancellationToken).ConfigureAwait(false);
    }
}
