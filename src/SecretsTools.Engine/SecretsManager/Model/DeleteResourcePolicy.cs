using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the DeleteResourcePolicy operation.
/// </summary>
internal class DeleteResourcePolicyRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret to delete the attached resource-based policy for. Required.</summary>
    public string? SecretId { get; set; }
}

/// <summary>
/// Output of the DeleteResourcePolicy operation.
/// </summary>
internal class DeleteResourcePolicyResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the secret that the resource-based policy was deleted for.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the secret that the resource-based policy was deleted for.</summary>
    public string? Name { get; set; }
}
