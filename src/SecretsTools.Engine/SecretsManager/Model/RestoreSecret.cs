using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the RestoreSecret operation.
/// </summary>
internal class RestoreSecretRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret to restore. Required.</summary>
    public string? SecretId { get; set; }
}

/// <summary>
/// Output of the RestoreSecret operation.
/// </summary>
internal class RestoreSecretResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the secret that was restored.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the secret that was restored.</summary>
    public string? Name { get; set; }
}
