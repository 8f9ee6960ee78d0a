using System;
using Amazon.Runtime;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Input of the DeleteSecret operation.
/// </summary>
internal class DeleteSecretRequest : SecretsManagerRequest
{
    /// <summary>The ARN or name of the secret to delete. Required.</summary>
    public string? SecretId { get; set; }

    /// <summary>The number of days from 7 to 30 that Secrets Manager waits before permanently deleting the secret.</summary>
    public long? RecoveryWindowInDays { get; set; }

    /// <summary>Specifies whether to delete the secret without any recovery window.</summary>
    public bool? ForceDeleteWithoutRecovery { get; set; }
}

/// <summary>
/// Output of the DeleteSecret operation.
/// </summary>
internal class DeleteSecretResponse : AmazonWebServiceResponse
{
    /// <summary>The ARN of the secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The name of the secret.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The date and time after which this secret Secrets Manager can permanently delete this secret, and it can no
    /// longer be restored.
    /// </summary>
    public DateTime? DeletionDate { get; set; }
}
