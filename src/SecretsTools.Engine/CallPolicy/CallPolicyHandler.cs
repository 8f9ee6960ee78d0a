using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace SecretsTools.CallPolicy;

/// <summary>
/// Sits inside the SDK's retry loop, so every attempt (retries too) waits for its quota family's
/// token, a throttled reply slows the family down and a success speeds it up again. The SDK's
/// retry handler still decides whether and when to retry (with jittered backoff).
/// </summary>
internal sealed class CallPolicyHandler : PipelineHandler
{
    private readonly CallPolicy _policy;

    public CallPolicyHandler(CallPolicy policy) => _policy = policy;

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var limiter = _policy.For(OperationName(executionContext));
        await limiter.AcquireAsync(executionContext.RequestContext.CancellationToken).ConfigureAwait(false);
        try
        {
            var response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            limiter.OnSuccess();
            return response;
        }
        catch (AmazonServiceException ex) when (Stores.AwsErrorTranslator.IsThrottling(ex))
        {
            limiter.OnThrottled();
            throw;
        }
    }

    public override void InvokeSync(IExecutionContext executionContext) =>
        throw new NotSupportedException("SecretsTools calls AWS asynchronously only.");

    public static string OperationName(IExecutionContext context)
    {
        string name = context.RequestContext.RequestName ?? "Unknown";
        return name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
    }
}
