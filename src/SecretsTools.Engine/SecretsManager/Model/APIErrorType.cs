namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// The error Secrets Manager encountered while retrieving an individual secret as part of BatchGetSecretValue.
/// </summary>
internal class APIErrorType
{
    /// <summary>The ARN or name of the secret.</summary>
    public string? SecretId { get; set; }

    /// <summary>
    /// The error Secrets Manager encountered while retrieving an individual secret as part of BatchGetSecretValue,
    /// for example ResourceNotFoundException, InvalidParameterException, InvalidRequestException,...
    /// </summary>
    public string? ErrorCode { get; set; }

    /// <summary>A message describing the error.</summary>
    public string? Message { get; set; }
}
