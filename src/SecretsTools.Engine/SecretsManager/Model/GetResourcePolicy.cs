using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the GetResourcePolicy operation.
/// </summary>
internal class GetResourcePolicyRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret to retrieve the attached resource-based policy for. Required.</summary>
    public string? SecretId { get; set; }
}

/// <summary>
/// Output of the GetResourcePolicy operation.
/// </summary>
internal class GetResourcePolicyResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the secret that the resource-based policy was retrieved for.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the secret that the resource-based policy was retrieved for.</summary>
    public string? Name { get; set; }

    /// <summary>A JSON-formatted string that contains the permissions policy attached to the secret.</summary>
    public string? ResourcePolicy { get; set; }
}
