using SecretsTools.AwsJson;
using SecretsTools.SecretsManager.Internal;

namespace SecretsTools.SecretsManager;

/// <summary>
/// Configuration for <see cref="SecretsManagerClient"/>: the generic awsJson configuration with
/// Secrets Manager's identity (<see cref="SecretsManagerService"/>).
/// </summary>
internal class SecretsManagerConfig : AwsJsonClientConfig
{
    /// <summary>
    /// The model's serviceId. ClientConfig derives AWS_ENDPOINT_URL_SECRETS_MANAGER and the config
    /// file's <c>services</c> key <c>secrets_manager</c> from it.
    /// </summary>
    public const string ServiceIdentifier = "Secrets Manager";

    /// <summary>SigV4 signing name and endpoint prefix.</summary>
    public const string SigningName = "secretsmanager";

    public SecretsManagerConfig()
        : base(SecretsManagerService.Description)
    {
    }
}
