using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SecretsTools.AwsJson;
using SecretsTools.SecretsManager.Internal;
using SecretsTools.SecretsManager.Model;

namespace SecretsTools.SecretsManager;

/// <summary>
/// AWS Secrets Manager client: the generic awsJson client (<see cref="AwsJsonClient"/>) with Secrets
/// Manager's description (target prefix "secretsmanager", awsJson 1.1, signing name "secretsmanager",
/// its endpoint rules and <see cref="SecretsManagerException"/>). Instances are thread-safe; reuse
/// one per configuration.
/// </summary>
internal partial class SecretsManagerClient : AwsJsonClient
{
    /// <summary>Default credential chain and default configuration (AWS_REGION, AWS_ENDPOINT_URL, profile...).</summary>
    public SecretsManagerClient()
        : base(SecretsManagerService.Description, new SecretsManagerConfig())
    {
    }

    /// <summary>Default credential chain with the given configuration.</summary>
    public SecretsManagerClient(SecretsManagerConfig config)
        : base(SecretsManagerService.Description, config)
    {
    }

    /// <summary>Explicit credentials with the given configuration.</summary>
    public SecretsManagerClient(AWSCredentials credentials, SecretsManagerConfig config)
        : base(SecretsManagerService.Description, credentials, config)
    {
    }

    private Task<TResponse> InvokeOperationAsync<TResponse>(string operation, SecretsManagerRequest request, CancellationToken cancellationToken)
        where TResponse : AmazonWebServiceResponse, new() =>
        base.InvokeOperationAsync<TResponse>(operation, request ?? throw new ArgumentNullException(nameof(request)), cancellationToken);
}
