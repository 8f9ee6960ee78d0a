namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// A custom type that specifies a Region and the KmsKeyId for a replica secret.
/// </summary>
internal class ReplicaRegionType
{
    /// <summary>A Region code.</summary>
    public string? Region { get; set; }

    /// <summary>The ARN, key ID, or alias of the KMS key to encrypt the secret.</summary>
    public string? KmsKeyId { get; set; }
}
