using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the CancelRotateSecret operation.
/// </summary>
internal class CancelRotateSecretRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret. Required.</summary>
    public string? SecretId { get; set; }
}

/// <summary>
/// Output of the CancelRotateSecret operation.
/// </summary>
internal class CancelRotateSecretResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the secret.</summary>
    public string? Name { get; set; }

    /// <summary>The unique identifier of the version of the secret created during the rotation.</summary>
    public string? VersionId { get; set; }
}
