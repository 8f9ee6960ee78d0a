using System.Reflection;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace SecretsTools.AwsJson;

/// <summary>
/// Configuration of an <see cref="AwsJsonClient"/>. Everything generic (region and credential
/// discovery, retries, timeouts, ServiceURL and the AWS_ENDPOINT_URL* / profile endpoint overrides)
/// is inherited from the SDK's <see cref="ClientConfig"/>; this class only supplies the service's
/// identity from its <see cref="AwsJsonService"/>, exactly as the SDK's generated configs do.
/// </summary>
internal abstract class AwsJsonClientConfig : ClientConfig
{
    private static readonly AwsJsonEndpointResolver EndpointResolverForConfig = new();
    private readonly string _userAgent;

    protected AwsJsonClientConfig(AwsJsonService service)
        : base(new DefaultConfigurationProvider(AwsJsonDefaultConfiguration.All))
    {
        Service = service;
        // ClientConfig derives AWS_ENDPOINT_URL_<ID> and the config file's services key from this.
        ServiceId = service.ServiceId;
        AuthenticationServiceName = service.SigningName;
        EndpointProvider = service.EndpointRules;
        _userAgent = InternalSDKUtils.BuildUserAgentString(service.UserAgentName, ModuleVersion());
    }

    internal AwsJsonService Service { get; }

    public override string RegionEndpointServiceName => Service.SigningName;

    public override string ServiceVersion => Service.ApiVersion;

    public override string UserAgent => _userAgent;

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
            Request = new DefaultRequest(parameters.Request, Service.RequestServiceName)
            {
                AlternateEndpoint = parameters.AlternateEndpoint,
            },
        };
        return EndpointResolverForConfig.GetEndpoint(new ExecutionContext(requestContext, null));
    }

    private static string ModuleVersion() =>
        typeof(AwsJsonClientConfig).Assembly.GetName().Version?.ToString() ?? "0.0.0";
}
