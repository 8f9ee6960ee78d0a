using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace SecretsTools.Aws;

/// <summary>
/// Inside the SDK's retry loop: a Parameter Store write or delete that got no reply, or a 5xx reply
/// (the server may have applied it before failing), becomes a <see cref="LostReplyException"/>,
/// which the SDK does not retry. The store then looks at what the
/// server holds before it sends the request again (see ParameterStoreStore.LostReplies), because
/// the SDK's blind resend of a PutParameter is a second version and of a delete a false "not found".
/// Reads and every other call keep the SDK's retries.
/// </summary>
internal sealed class LostReplyHandler : PipelineHandler
{
    private static readonly HashSet<string> NotBlindlyRetried = new(StringComparer.Ordinal)
    {
        "PutParameterRequest", "DeleteParameterRequest", "DeleteParametersRequest",
    };

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsLostReply(executionContext, ex))
        {
            string name = executionContext.RequestContext.RequestName ?? "request";
            throw new LostReplyException(name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name, ex);
        }
    }

    public override void InvokeSync(IExecutionContext executionContext) =>
        throw new NotSupportedException("SecretsTools calls AWS asynchronously only.");

    private static bool IsLostReply(IExecutionContext executionContext, Exception ex) =>
        NotBlindlyRetried.Contains(executionContext.RequestContext.RequestName ?? "") && ex switch
        {
            // A 5xx says nothing about whether the write was applied; a 4xx (throttling included) says it was not.
            AmazonServiceException s => (int)s.StatusCode >= 500,
            OperationCanceledException => !executionContext.RequestContext.CancellationToken.IsCancellationRequested,
            HttpRequestException or IOException or SocketException or WebException or TimeoutException => true,
            AmazonClientException { InnerException: HttpRequestException or IOException or SocketException or WebException } => true,
            _ => false,
        };
}
