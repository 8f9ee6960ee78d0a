using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the UpdateSecretVersionStage operation.
/// </summary>
internal class UpdateSecretVersionStageRequest : SecretsManagerRequest
{
    /// <summary>The ARN or the name of the secret with the version and staging labelsto modify. Required.</summary>
    public string? SecretId { get; set; }

    /// <summary>The staging label to add to this version. Required.</summary>
    public string? VersionStage { get; set; }

    /// <summary>The ID of the version that the staging label is to be removed from.</summary>
    public string? RemoveFromVersionId { get; set; }

    /// <summary>The ID of the version to add the staging label to.</summary>
    public string? MoveToVersionId { get; set; }
}

/// <summary>
/// Output of the UpdateSecretVersionStage operation.
/// </summary>
internal class UpdateSecretVersionStageResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the secret that was updated.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the secret that was updated.</summary>
    public string? Name { get; set; }
}
