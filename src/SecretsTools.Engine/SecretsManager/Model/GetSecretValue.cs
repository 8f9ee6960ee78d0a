using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the GetSecretValue operation.
/// </summary>
internal class GetSecretValueRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret to retrieve. Required.</summary>
    public string? SecretId { get; set; }

    /// <summary>The unique identifier of the version of the secret to retrieve.</summary>
    public string? VersionId { get; set; }

    /// <summary>The staging label of the version of the secret to retrieve.</summary>
    public string? VersionStage { get; set; }
}

/// <summary>
/// Output of the GetSecretValue operation.
/// </summary>
internal class GetSecretValueResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The friendly name of the secret.</summary>
    public string? Name { get; set; }

    /// <summary>The unique identifier of this version of the secret.</summary>
    public string? VersionId { get; set; }

    /// <summary>
    /// The decrypted secret value, if the secret value was originally provided as binary data in the form of a byte
    /// array. Sensitive: never logged or printed by this module.
    /// </summary>
    public byte[]? SecretBinary { get; set; }

    /// <summary>
    /// The decrypted secret value, if the secret value was originally provided as a string or through the Secrets
    /// Manager console. Sensitive: never logged or printed by this module.
    /// </summary>
    public string? SecretString { get; set; }

    /// <summary>A list of all of the staging labels currently attached to this version of the secret.</summary>
    public List<string> VersionStages { get; set; } = new();

    /// <summary>The date and time that this version of the secret was created.</summary>
    public DateTime? CreatedDate { get; set; }
}
