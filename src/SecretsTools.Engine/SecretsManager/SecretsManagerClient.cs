using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using SecretsTools.SecretsManager.Internal;
using SecretsTools.SecretsManager.Internal.Protocol;
using SecretsTools.SecretsManager.Model;

namespace SecretsTools.SecretsManager;

/// <summary>
/// AWS Secrets Manager client built on AWSSDK.Core's runtime: the SDK supplies credentials (explicit
/// or the default chain), region and endpoint resolution, SigV4 signing, retries and HTTP; this class
/// supplies the service's identity, its endpoint rules and the awsJson 1.1 wire format.
/// Instances are thread-safe; reuse one per configuration.
/// </summary>
internal partial class SecretsManagerClient : AmazonServiceClient
{
    private static readonly IServiceMetadata Metadata = new SecretsManagerServiceMetadata();

    /// <summary>Default credential chain and default configuration (AWS_REGION, AWS_ENDPOINT_URL, profile...).</summary>
    public SecretsManagerClient()
        : base(new SecretsManagerConfig())
    {
    }

    /// <summary>Default credential chain with the given configuration.</summary>
    public SecretsManagerClient(SecretsManagerConfig config)
        : base(config)
    {
    }

    /// <summary>Explicit credentials with the given configuration.</summary>
    public SecretsManagerClient(AWSCredentials credentials, SecretsManagerConfig config)
        : base(credentials, config)
    {
    }

    protected override IServiceMetadata ServiceMetadata => Metadata;

    /// <summary>
    /// Successful responses carry secret values, so they are never handed to the SDK's response
    /// logging, even when something in the process turns on AWSConfigs.LoggingConfig.LogResponses.
    /// </summary>
    protected override bool SupportResponseLogging => false;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        // Same wiring as the SDK's generated v4 clients: our endpoint rules and auth scheme resolver
        // run right after marshalling; signing, retries and HTTP stay the SDK's.
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new SecretsManagerEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SecretsManagerAuthSchemeHandler());
        // Right inside the marshaller: the body (a write's value) is zeroed when the call is over.
        pipeline.AddHandlerAfter<Marshaller>(new Aws.RequestBodyClearingHandler());
        // Outermost, so it only sees what is left after the retry handler gave up.
        pipeline.AddHandler(new ConnectionFailureHandler());
        // Inside the retry loop: every attempt is paced by this client's quota families.
        pipeline.AddHandlerAfter<RetryHandler>(new CallPolicy.CallPolicyHandler(new CallPolicy.CallPolicy("SecretsManager")));
    }

    private Task<TResponse> InvokeOperationAsync<TResponse>(string operation, SecretsManagerRequest request, CancellationToken cancellationToken)
        where TResponse : AmazonWebServiceResponse, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new InvokeOptions
        {
            RequestMarshaller = new AwsJsonRequestMarshaller(operation),
            ResponseUnmarshaller = AwsJsonResponseUnmarshaller<TResponse>.Instance,
        };
        return InvokeAsync<TResponse>(request, options, cancellationToken);
    }
}
