using System.Collections.Generic;
using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the RemoveRegionsFromReplication operation.
/// </summary>
internal class RemoveRegionsFromReplicationRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret. Required.</summary>
    public string? SecretId { get; set; }

    /// <summary>The Regions of the replicas to remove. Required.</summary>
    public List<string> RemoveReplicaRegions { get; set; } = new();
}

/// <summary>
/// Output of the RemoveRegionsFromReplication operation.
/// </summary>
internal class RemoveRegionsFromReplicationResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the primary secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The status of replicas for this secret after you remove Regions.</summary>
    public List<ReplicationStatusType> ReplicationStatus { get; set; } = new();
}
