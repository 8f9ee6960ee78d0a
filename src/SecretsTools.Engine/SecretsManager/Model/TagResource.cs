using System.Collections.Generic;
using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the TagResource operation.
/// </summary>
internal class TagResourceRequest : SecretsManagerRequest
{
    /// <summary>The identifier for the secret to attach tags to. Required.</summary>
    public string? SecretId { get; set; }

    /// <summary>The tags to attach to the secret as a JSON text string argument. Required.</summary>
    public List<Tag> Tags { get; set; } = new();
}

/// <summary>
/// Output of the TagResource operation (the service returns no members).
/// </summary>
internal class TagResourceResponse : AmazonWebServiceResponse
{
}
