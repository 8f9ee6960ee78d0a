using System.Collections.Generic;
using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the ValidateResourcePolicy operation.
/// </summary>
internal class ValidateResourcePolicyRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret with the resource-based policy you want to validate.</summary>
    public string? SecretId { get; set; }

    /// <summary>A JSON-formatted string that contains an Amazon Web Services resource-based policy. Required.</summary>
    public string? ResourcePolicy { get; set; }
}

/// <summary>
/// Output of the ValidateResourcePolicy operation.
/// </summary>
internal class ValidateResourcePolicyResponse : AmazonWebServiceResponse
{
    /// <summary>True if your policy passes validation, otherwise false.</summary>
    public bool? PolicyValidationPassed { get; set; }

    /// <summary>Validation errors if your policy didn't pass validation.</summary>
    public List<ValidationErrorsEntry> ValidationErrors { get; set; } = new();
}
