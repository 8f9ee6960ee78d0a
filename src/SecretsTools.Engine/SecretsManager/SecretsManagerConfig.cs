using System.Reflection;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;
using SecretsTools.SecretsManager.Internal;

namespace SecretsTools.SecretsManager;

/// <summary>
/// Configuration for <see cref="SecretsManagerClient"/>. Everything generic (region and credential
/// discovery, retries, timeouts, ServiceURL and the AWS_ENDPOINT_URL* / profile endpoint overrides)
/// is inherited from the SDK's <see cref="ClientConfig"/>; this class only supplies the service's
/// identity, exactly as the SDK's generated configs do.
/// </summary>
internal class SecretsManagerConfig : ClientConfig
{
    /// <summary>
    /// The model's serviceId. ClientConfig derives AWS_ENDPOINT_URL_SECRETS_MANAGER and the config
    /// file's <c>services</c> key <c>secrets_manager</c> from it.
    /// </summary>
    public const string ServiceIdentifier = "Secrets Manager";

    /// <summary>SigV4 signing name and endpoint prefix.</summary>
    public const string SigningName = "secretsmanager";

    private static readonly string UserAgentString =
        InternalSDKUtils.BuildUserAgentString("Secrets_Manager", ModuleVersion());

    private static readonly SecretsManagerEndpointResolver EndpointResolverForConfig = new();

    public SecretsManagerConfig()
        : base(new DefaultConfigurationProvider(SecretsManagerDefaultConfiguration.All))
    {
        ServiceId = ServiceIdentifier;
        AuthenticationServiceName = SigningName;
        EndpointProvider = new SecretsManagerEndpointProvider();
    }

    public override string RegionEndpointServiceName => SigningName;

    public override string ServiceVersion => "2017-10-17";

    public override string UserAgent => UserAgentString;

    /// <summary>
    /// Resolves the endpoint a request would go to, without sending it (ClientConfig requires this;
    /// the SDK uses it for presigning and diagnostics).
    /// </summary>
    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        var requestContext = new RequestContext(false)
        {
            ClientConfig = this,
            OriginalRequest = parameters.Request,
            Request = new DefaultRequest(parameters.Request, SecretsManagerServiceMetadata.ServiceName)
            {
                AlternateEndpoint = parameters.AlternateEndpoint,
            },
        };
        return EndpointResolverForConfig.GetEndpoint(new ExecutionContext(requestContext, null));
    }

    private static string ModuleVersion() =>
        typeof(SecretsManagerConfig).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
