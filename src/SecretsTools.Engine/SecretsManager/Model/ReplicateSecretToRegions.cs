using System.Collections.Generic;
using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the ReplicateSecretToRegions operation.
/// </summary>
internal class ReplicateSecretToRegionsRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret to replicate. Required.</summary>
    public string? SecretId { get; set; }

    /// <summary>A list of Regions in which to replicate the secret. Required.</summary>
    public List<ReplicaRegionType> AddReplicaRegions { get; set; } = new();

    /// <summary>Specifies whether to overwrite a secret with the same name in the destination Region.</summary>
    public bool? ForceOverwriteReplicaSecret { get; set; }
}

/// <summary>
/// Output of the ReplicateSecretToRegions operation.
/// </summary>
internal class ReplicateSecretToRegionsResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the primary secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The status of replication.</summary>
    public List<ReplicationStatusType> ReplicationStatus { get; set; } = new();
}
