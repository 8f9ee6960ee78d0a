using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the PutResourcePolicy operation.
/// </summary>
internal class PutResourcePolicyRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret to attach the resource-based policy. Required.</summary>
    public string? SecretId { get; set; }

    /// <summary>A JSON-formatted string for an Amazon Web Services resource-based policy. Required.</summary>
    public string? ResourcePolicy { get; set; }

    /// <summary>
    /// Specifies whether to block resource-based policies that allow broad access to the secret, for example those
    /// that use a wildcard for the principal.
    /// </summary>
    public bool? BlockPublicPolicy { get; set; }
}

/// <summary>
/// Output of the PutResourcePolicy operation.
/// </summary>
internal class PutResourcePolicyResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the secret.</summary>
    public string? Name { get; set; }
}
