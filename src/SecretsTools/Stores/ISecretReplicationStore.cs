using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>
/// Multi-Region replication, a capability only Secrets Manager has: SecretStores.ReplicationFor
/// returns null for Parameter Store. Each method answers with the secret as DescribeSecret shows it
/// afterwards, so its Replicas carry each Region's status.
/// </summary>
internal interface ISecretReplicationStore
{
    /// <summary>ReplicateSecretToRegions; <paramref name="overwrite"/> replaces a secret of the same name in a replica Region.</summary>
    Task<SecretInfo> AddReplicasAsync(string name, IReadOnlyList<ReplicaRequest> replicas, bool overwrite, CancellationToken cancellationToken);

    /// <summary>RemoveRegionsFromReplication: the replicas in those Regions are deleted.</summary>
    Task<SecretInfo> RemoveReplicasAsync(string name, IReadOnlyList<string> regions, CancellationToken cancellationToken);

    /// <summary>StopReplicationToReplica, called in the replica's Region: the replica becomes a standalone secret.</summary>
    Task<SecretInfo> PromoteReplicaAsync(string name, CancellationToken cancellationToken);
}

/// <summary>A Region to replicate to, with the KMS key to encrypt the replica with there (null: aws/secretsmanager).</summary>
internal sealed record ReplicaRequest(string Region, string? KmsKeyId);
