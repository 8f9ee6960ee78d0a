using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.SimpleSystemsManagement;

namespace SecretsTools.Diagnostics;

/// <summary>
/// Adds a counting handler inside the SDK's retry loop of our clients, so every attempt that
/// goes on the wire is counted once. Registered once, globally, by AwsClientFactory.
/// </summary>
internal sealed class ApiCallCountingCustomizer : IRuntimePipelineCustomizer
{
    public string UniqueName => "SecretsTools.ApiCallCounter";

    public void Customize(Type type, RuntimePipeline pipeline)
    {
        string? service = typeof(AmazonSimpleSystemsManagementClient).IsAssignableFrom(type) ? "SSM"
            : typeof(SecretsManager.SecretsManagerClient).IsAssignableFrom(type) ? "SecretsManager"
            : typeof(CloudTrail.CloudTrailClient).IsAssignableFrom(type) ? "CloudTrail"
            : null;
        if (service is not null) pipeline.AddHandlerAfter<RetryHandler>(new CountingHandler(service));
    }

    private sealed class CountingHandler : PipelineHandler
    {
        private readonly string _service;

        public CountingHandler(string service) => _service = service;

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            Count(executionContext);
            return base.InvokeAsync<T>(executionContext);
        }

        public override void InvokeSync(IExecutionContext executionContext)
        {
            Count(executionContext);
            base.InvokeSync(executionContext);
        }

        private void Count(IExecutionContext context)
        {
            string name = context.RequestContext.RequestName ?? "Unknown";
            ApiCallCounter.Increment(_service, name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name);
        }
    }
}
