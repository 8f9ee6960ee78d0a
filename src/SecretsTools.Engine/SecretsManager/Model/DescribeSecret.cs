using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the DescribeSecret operation.
/// </summary>
internal class DescribeSecretRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret. Required.</summary>
    public string? SecretId { get; set; }
}

/// <summary>
/// Output of the DescribeSecret operation.
/// </summary>
internal partial class DescribeSecretResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the secret.</summary>
    public string? Name { get; set; }

    /// <summary>The exact string that identifies the partner that holds the external secret.</summary>
    public string? Type { get; set; }

    /// <summary>The description of the secret.</summary>
    public string? Description { get; set; }

    /// <summary>The key ID or alias ARN of the KMS key that Secrets Manager uses to encrypt the secret value.</summary>
    public string? KmsKeyId { get; set; }

    /// <summary>Specifies whether automatic rotation is turned on for this secret.</summary>
    public bool? RotationEnabled { get; set; }

    /// <summary>The ARN of the Lambda function that Secrets Manager invokes to rotate the secret.</summary>
    public string? RotationLambdaARN { get; set; }

    /// <summary>The rotation schedule and Lambda function for this secret.</summary>
    public RotationRulesType? RotationRules { get; set; }

    /// <summary>The metadata needed to successfully rotate a managed external secret.</summary>
    public List<ExternalSecretRotationMetadataItem> ExternalSecretRotationMetadata { get; set; } = new();

    /// <summary>
    /// The Amazon Resource Name (ARN) of the role that allows Secrets Manager to rotate a secret held by a third-
    /// party partner.
    /// </summary>
    public string? ExternalSecretRotationRoleArn { get; set; }

    /// <summary>The last date and time that Secrets Manager rotated the secret.</summary>
    public DateTime? LastRotatedDate { get; set; }

    /// <summary>The last date and time that this secret was modified in any way.</summary>
    public DateTime? LastChangedDate { get; set; }

    /// <summary>The date that the secret was last accessed in the Region.</summary>
    public DateTime? LastAccessedDate { get; set; }

    /// <summary>The date the secret is scheduled for deletion.</summary>
    public DateTime? DeletedDate { get; set; }

    /// <summary>The next rotation is scheduled to occur on or before this date.</summary>
    public DateTime? NextRotationDate { get; set; }

    /// <summary>The list of tags attached to the secret.</summary>
    public List<Tag> Tags { get; set; } = new();

    /// <summary>A list of the versions of the secret that have staging labels attached.</summary>
    public Dictionary<string, List<string>> VersionIdsToStages { get; set; } = new();

    /// <summary>The ID of the service that created this secret.</summary>
    public string? OwningService { get; set; }

    /// <summary>The date the secret was created.</summary>
    public DateTime? CreatedDate { get; set; }

    /// <summary>The Region the secret is in.</summary>
    public string? PrimaryRegion { get; set; }

    /// <summary>
    /// A list of the replicas of this secret and their status: Failed, which indicates that the replica was not
    /// created.
    /// </summary>
    public List<ReplicationStatusType> ReplicationStatus { get; set; } = new();
}
