using System.Collections.Generic;
using Amazon.Runtime;
using SecretsTools.AwsJson.Protocol;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the RotateSecret operation.
/// </summary>
internal class RotateSecretRequest : SecretsManagerRequest, IIdempotentRequest
{
    /// <summary>The ARN or name of the secret to rotate. Required.</summary>
    public string? SecretId { get; set; }

    /// <summary>A unique identifier for the new version of the secret. Generated (a new GUID per call) when left empty.</summary>
    public string? ClientRequestToken { get; set; }

    /// <summary>For secrets that use a Lambda rotation function to rotate, the ARN of the Lambda rotation function.</summary>
    public string? RotationLambdaARN { get; set; }

    /// <summary>A structure that defines the rotation configuration for this secret.</summary>
    public RotationRulesType? RotationRules { get; set; }

    /// <summary>The metadata needed to successfully rotate a managed external secret.</summary>
    public List<ExternalSecretRotationMetadataItem> ExternalSecretRotationMetadata { get; set; } = new();

    /// <summary>
    /// The Amazon Resource Name (ARN) of the role that allows Secrets Manager to rotate a secret held by a third-
    /// party partner.
    /// </summary>
    public string? ExternalSecretRotationRoleArn { get; set; }

    /// <summary>Specifies whether to rotate the secret immediately or wait until the next scheduled rotation window.</summary>
    public bool? RotateImmediately { get; set; }
}

/// <summary>
/// Output of the RotateSecret operation.
/// </summary>
internal class RotateSecretResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the secret.</summary>
    public string? Name { get; set; }

    /// <summary>The ID of the new version of the secret.</summary>
    public string? VersionId { get; set; }
}
