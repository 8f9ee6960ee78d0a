using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the StopReplicationToReplica operation.
/// </summary>
internal class StopReplicationToReplicaRequest : SecretsManagerRequest
{
    /// <summary>The name of the secret or the replica ARN. Required.</summary>
    public string? SecretId { get; set; }
}

/// <summary>
/// Output of the StopReplicationToReplica operation.
/// </summary>
internal class StopReplicationToReplicaResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the promoted secret.</summary>
    public string? ARN { get; set; }
}
