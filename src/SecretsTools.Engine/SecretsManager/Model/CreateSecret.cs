using System.Collections.Generic;
using Amazon.Runtime;
using SecretsTools.AwsJson.Protocol;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the CreateSecret operation.
/// </summary>
internal class CreateSecretRequest : SecretsManagerRequest, IIdempotentRequest
{
    /// <summary>The name of the new secret. Required.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// If you include SecretString or SecretBinary, then Secrets Manager creates an initial version for the secret,
    /// and this parameter specifies the unique identifier for the new version. Generated (a new GUID per call) when
    /// left empty.
    /// </summary>
    public string? ClientRequestToken { get; set; }

    /// <summary>The description of the secret.</summary>
    public string? Description { get; set; }

    /// <summary>The ARN, key ID, or alias of the KMS key that Secrets Manager uses to encrypt the secret value in the secret.</summary>
    public string? KmsKeyId { get; set; }

    /// <summary>
    /// The binary data to encrypt and store in the new version of the secret. Sensitive: never logged or printed by
    /// this module.
    /// </summary>
    public byte[]? SecretBinary { get; set; }

    /// <summary>
    /// The text data to encrypt and store in this new version of the secret. Sensitive: never logged or printed by
    /// this module.
    /// </summary>
    public string? SecretString { get; set; }

    /// <summary>A list of tags to attach to the secret.</summary>
    public List<Tag> Tags { get; set; } = new();

    /// <summary>A list of Regions and KMS keys to replicate secrets.</summary>
    public List<ReplicaRegionType> AddReplicaRegions { get; set; } = new();

    /// <summary>Specifies whether to overwrite a secret with the same name in the destination Region.</summary>
    public bool? ForceOverwriteReplicaSecret { get; set; }

    /// <summary>The exact string that identifies the partner that holds the external secret.</summary>
    public string? Type { get; set; }
}

/// <summary>
/// Output of the CreateSecret operation.
/// </summary>
internal class CreateSecretResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the new secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the new secret.</summary>
    public string? Name { get; set; }

    /// <summary>The unique identifier associated with the version of the new secret.</summary>
    public string? VersionId { get; set; }

    /// <summary>
    /// A list of the replicas of this secret and their status: Failed, which indicates that the replica was not
    /// created.
    /// </summary>
    public List<ReplicationStatusType> ReplicationStatus { get; set; } = new();
}
