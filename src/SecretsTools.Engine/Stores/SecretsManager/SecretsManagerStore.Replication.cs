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
        var answer = await Translated(name, () => _client.ReplicateSecretToRegionsAsync(new ReplicateSecretToRegionsRequest
        {
            SecretId = name,
            AddReplicaRegions = replicas.Select(r => new ReplicaRegionType { Region = r.Region, KmsKeyId = r.KmsKeyId }).ToList(),
            ForceOverwriteReplicaSecret = overwrite ? true : null,
        }, cancellationToken), replicas.FirstOrDefault(r => r.KmsKeyId is not null)?.KmsKeyId).ConfigureAwait(false);
        var info = await DescribedAsync(name, cancellationToken).ConfigureAwait(false);
        // A Region that failed at once says so in the answer, where a describe right after may
        // still say InProgress: the answer's failures win, so the caller can report them.
        var failed = answer.ReplicationStatus.Where(r => r.Status == "Failed" && !string.IsNullOrEmpty(r.Region)).ToDictionary(r => r.Region!, r => r);
        if (failed.Count == 0) return info;
        static SecretReplica From(ReplicationStatusType f) => new()
        {
            Region = f.Region!,
            Status = f.Status,
            StatusMessage = f.StatusMessage,
            KmsKeyId = f.KmsKeyId,
            LastAccessed = f.LastAccessedDate,
        };
        // In place, so Replicas keeps ReplicaRegions' order: the first entry of that Region takes the
        // failure, unless the describe says Failed there already (moto lists a second attempt beside
        // the first); a Region the describe does not list yet goes last in both.
        var merged = (info.Replicas ?? System.Array.Empty<SecretReplica>()).ToList();
        foreach (var (region, f) in failed)
        {
            if (merged.Any(r => r.Region == region && r.Status == "Failed")) continue;
            int at = merged.FindIndex(r => r.Region == region);
            if (at >= 0) merged[at] = From(f);
            else merged.Add(From(f));
        }
        return info with { Replicas = merged.ToArray(), ReplicaRegions = merged.Select(r => r.Region).ToArray() };
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
