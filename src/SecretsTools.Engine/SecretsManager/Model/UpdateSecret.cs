using Amazon.Runtime;
using SecretsTools.AwsJson.Protocol;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the UpdateSecret operation.
/// </summary>
internal class UpdateSecretRequest : SecretsManagerRequest, IIdempotentRequest
{
    /// <summary>The ARN or name of the secret. Required.</summary>
    public string? SecretId { get; set; }

    /// <summary>
    /// If you include SecretString or SecretBinary, then Secrets Manager creates a new version for the secret, and
    /// this parameter specifies the unique identifier for the new version. Generated (a new GUID per call) when left
    /// empty.
    /// </summary>
    public string? ClientRequestToken { get; set; }

    /// <summary>The description of the secret.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// The ARN, key ID, or alias of the KMS key that Secrets Manager uses to encrypt new secret versions as well as
    /// any existing versions with the staging labels AWSCURRENT, AWSPENDING, or AWSPREVIOUS.
    /// </summary>
    public string? KmsKeyId { get; set; }

    /// <summary>
    /// The binary data to encrypt and store in the new version of the secret. Sensitive: never logged or printed by
    /// this module.
    /// </summary>
    public byte[]? SecretBinary { get; set; }

    /// <summary>
    /// The text data to encrypt and store in the new version of the secret. Sensitive: never logged or printed by
    /// this module.
    /// </summary>
    public string? SecretString { get; set; }

    /// <summary>The exact string that identifies the third-party partner that holds the external secret.</summary>
    public string? Type { get; set; }
}

/// <summary>
/// Output of the UpdateSecret operation.
/// </summary>
internal class UpdateSecretResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the secret that was updated.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the secret that was updated.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// If Secrets Manager created a new version of the secret during this operation, then VersionId contains the
    /// unique identifier of the new version.
    /// </summary>
    public string? VersionId { get; set; }
}
