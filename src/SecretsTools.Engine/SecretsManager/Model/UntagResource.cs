using System.Collections.Generic;
using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the UntagResource operation.
/// </summary>
internal class UntagResourceRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret. Required.</summary>
    public string? SecretId { get; set; }

    /// <summary>A list of tag key names to remove from the secret. Required.</summary>
    public List<string> TagKeys { get; set; } = new();
}

/// <summary>
/// Output of the UntagResource operation (the service returns no members).
/// </summary>
internal class UntagResourceResponse : AmazonWebServiceResponse
{
}
