using SecretsTools.AwsJson;

namespace SecretsTools.SecretsManager.Internal;

/// <summary>Secrets Manager as an awsJson service (botocore secretsmanager/2017-10-17 metadata).</summary>
internal static class SecretsManagerService
{
    public static AwsJsonService Description { get; } = new()
    {
        ServiceId = SecretsManagerConfig.ServiceIdentifier,
        DisplayName = "Secrets Manager",
        TargetPrefix = "secretsmanager",
        JsonVersion = "1.1",
        SigningName = SecretsManagerConfig.SigningName,
        ApiVersion = "2017-10-17",
        EndpointRules = new SecretsManagerEndpointProvider(),
        CreateException = (message, inner, type, code, requestId, status) => new SecretsManagerException(message, inner, type, code, requestId, status),
        CreateConnectionException = (message, inner, operation, endpoint, retries) => new SecretsManagerConnectionException(message, inner, operation, endpoint, retries),
    };
}
