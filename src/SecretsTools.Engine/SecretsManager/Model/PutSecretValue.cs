using System.Collections.Generic;
using Amazon.Runtime;
using SecretsTools.AwsJson.Protocol;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the PutSecretValue operation.
/// </summary>
internal class PutSecretValueRequest : SecretsManagerRequest, IIdempotentRequest
{
    /// <summary>The ARN or name of the secret to add a new version to. Required.</summary>
    public string? SecretId { get; set; }

    /// <summary>A unique identifier for the new version of the secret. Generated (a new GUID per call) when left empty.</summary>
    public string? ClientRequestToken { get; set; }

    /// <summary>
    /// The binary data to encrypt and store in the new version of the secret. Sensitive: never logged or printed by
    /// this module.
    /// </summary>
    public byte[]? SecretBinary { get; set; }

    /// <summary>
    /// The text to encrypt and store in the new version of the secret. Sensitive: never logged or printed by this
    /// module.
    /// </summary>
    public string? SecretString { get; set; }

    /// <summary>A list of staging labels to attach to this version of the secret.</summary>
    public List<string> VersionStages { get; set; } = new();

    /// <summary>
    /// A unique identifier that indicates the source of the request. Sensitive: never logged or printed by this
    /// module.
    /// </summary>
    public string? RotationToken { get; set; }
}

/// <summary>
/// Output of the PutSecretValue operation.
/// </summary>
internal class PutSecretValueResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the secret.</summary>
    public string? Name { get; set; }

    /// <summary>The unique identifier of the version of the secret.</summary>
    public string? VersionId { get; set; }

    /// <summary>The list of staging labels that are currently attached to this version of the secret.</summary>
    public List<string> VersionStages { get; set; } = new();
}
