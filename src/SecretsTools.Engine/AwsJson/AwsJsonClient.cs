using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using SecretsTools.AwsJson.Protocol;

namespace SecretsTools.AwsJson;

/// <summary>
/// A client of one awsJson service, built on AWSSDK.Core's runtime: the SDK supplies credentials
/// (explicit or the default chain), region and endpoint resolution, SigV4 signing, retries and HTTP;
/// this class supplies the wire format, and the <see cref="AwsJsonService"/> description the
/// service's identity and endpoint rules. Instances are thread-safe; reuse one per configuration.
/// </summary>
internal abstract class AwsJsonClient : AmazonServiceClient
{
    private readonly AwsJsonService _service;
    private readonly IServiceMetadata _metadata;

    // One unmarshaller per response type (they hold no per-call state).
    private readonly ConcurrentDictionary<Type, object> _unmarshallers = new();

    protected AwsJsonClient(AwsJsonService service, AwsJsonClientConfig config)
        : base(config)
    {
        _service = service;
        _metadata = new AwsJsonServiceMetadata(service);
    }

    protected AwsJsonClient(AwsJsonService service, AWSCredentials credentials, AwsJsonClientConfig config)
        : base(credentials, config)
    {
        _service = service;
        _metadata = new AwsJsonServiceMetadata(service);
    }

    protected override IServiceMetadata ServiceMetadata => _metadata ?? new AwsJsonServiceMetadata(ServiceFor(Config));

    /// <summary>
    /// Successful responses may carry secret values (GetSecretValue) or logged request parameters
    /// (CloudTrail events), so they are never handed to the SDK's response logging, even when
    /// something in the process turns on AWSConfigs.LoggingConfig.LogResponses.
    /// </summary>
    protected override bool SupportResponseLogging => false;

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        // Called from the base constructor, before _service is assigned: read it from the config.
        var service = ServiceFor(Config);
        // Same wiring as the SDK's generated v4 clients: our endpoint rules and auth scheme resolver
        // run right after marshalling; signing, retries and HTTP stay the SDK's.
        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new AwsJsonEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());
        // Right inside the marshaller: the body (a write's value) is zeroed when the call is over.
        pipeline.AddHandlerAfter<Marshaller>(new Aws.RequestBodyClearingHandler());
        // Outermost, so it only sees what is left after the retry handler gave up.
        pipeline.AddHandler(new ConnectionFailureHandler(service));
        // Inside the retry loop: every attempt is paced by this client's quota families.
        pipeline.AddHandlerAfter<RetryHandler>(new CallPolicy.CallPolicyHandler(new CallPolicy.CallPolicy(service.QuotaService)));
    }

    protected Task<TResponse> InvokeOperationAsync<TResponse>(string operation, AmazonWebServiceRequest request, CancellationToken cancellationToken)
        where TResponse : AmazonWebServiceResponse, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new InvokeOptions
        {
            RequestMarshaller = new AwsJsonRequestMarshaller(_service, operation),
            ResponseUnmarshaller = (AwsJsonResponseUnmarshaller<TResponse>)_unmarshallers.GetOrAdd(typeof(TResponse), _ => new AwsJsonResponseUnmarshaller<TResponse>(_service)),
        };
        return InvokeAsync<TResponse>(request, options, cancellationToken);
    }

    private static AwsJsonService ServiceFor(IClientConfig config) =>
        (config as AwsJsonClientConfig)?.Service ?? throw new InvalidOperationException("An awsJson client needs an AwsJsonClientConfig.");
}
