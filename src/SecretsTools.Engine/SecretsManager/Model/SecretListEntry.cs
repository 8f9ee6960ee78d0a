using System;
using System.Collections.Generic;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// A structure that contains the details about a secret.
/// </summary>
internal partial class SecretListEntry
{
    /// <summary>The Amazon Resource Name (ARN) of the secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The friendly name of the secret.</summary>
    public string? Name { get; set; }

    /// <summary>The exact string that identifies the third-party partner that holds the external secret.</summary>
    public string? Type { get; set; }

    /// <summary>The user-provided description of the secret.</summary>
    public string? Description { get; set; }

    /// <summary>The ARN of the KMS key that Secrets Manager uses to encrypt the secret value.</summary>
    public string? KmsKeyId { get; set; }

    /// <summary>Indicates whether automatic, scheduled rotation is enabled for this secret.</summary>
    public bool? RotationEnabled { get; set; }

    /// <summary>
    /// The ARN of an Amazon Web Services Lambda function invoked by Secrets Manager to rotate and expire the secret
    /// either automatically per the schedule or manually by a call to RotateSecret.
    /// </summary>
    public string? RotationLambdaARN { get; set; }

    /// <summary>A structure that defines the rotation configuration for the secret.</summary>
    public RotationRulesType? RotationRules { get; set; }

    /// <summary>The metadata needed to successfully rotate a managed external secret.</summary>
    public List<ExternalSecretRotationMetadataItem> ExternalSecretRotationMetadata { get; set; } = new();

    /// <summary>The role that Secrets Manager assumes to call APIs required to perform the rotation.</summary>
    public string? ExternalSecretRotationRoleArn { get; set; }

    /// <summary>The most recent date and time that the Secrets Manager rotation process was successfully completed.</summary>
    public DateTime? LastRotatedDate { get; set; }

    /// <summary>The last date and time that this secret was modified in any way.</summary>
    public DateTime? LastChangedDate { get; set; }

    /// <summary>The date that the secret was last accessed in the Region.</summary>
    public DateTime? LastAccessedDate { get; set; }

    /// <summary>The date and time the deletion of the secret occurred.</summary>
    public DateTime? DeletedDate { get; set; }

    /// <summary>The next rotation is scheduled to occur on or before this date.</summary>
    public DateTime? NextRotationDate { get; set; }

    /// <summary>The list of user-defined tags associated with the secret.</summary>
    public List<Tag> Tags { get; set; } = new();

    /// <summary>
    /// A list of all of the currently assigned SecretVersionStage staging labels and the SecretVersionId attached to
    /// each one.
    /// </summary>
    public Dictionary<string, List<string>> SecretVersionsToStages { get; set; } = new();

    /// <summary>Returns the name of the service that created the secret.</summary>
    public string? OwningService { get; set; }

    /// <summary>The date and time when a secret was created.</summary>
    public DateTime? CreatedDate { get; set; }

    /// <summary>The Region where Secrets Manager originated the secret.</summary>
    public string? PrimaryRegion { get; set; }
}
