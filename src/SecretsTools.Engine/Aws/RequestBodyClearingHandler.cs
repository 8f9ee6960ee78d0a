using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace SecretsTools.Aws;

/// <summary>
/// Zeroes the marshalled request body (which holds the secret value of a write) once the call is
/// over, retries included. It sits right inside the marshaller, so every attempt still sends the
/// same bytes (the SDK needs them rewindable for retries and signing); after the last attempt
/// nothing needs them, and the buffer would otherwise lie in memory until the GC reuses it.
/// The SDK's own marshallers (SSM) write into a PooledContentStream whose buffer the SDK hands
/// back to the shared ArrayPool unzeroed, where it cannot be reached afterwards: that body is
/// moved into an array of our own first, and the pooled buffer zeroed and returned at once.
/// </summary>
internal sealed class RequestBodyClearingHandler : PipelineHandler
{
    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var request = executionContext.RequestContext.Request;
        if (request is { Content: null, ContentStream: PooledContentStream pooled })
        {
            request.Content = pooled.Content.ToArray();
            request.ContentStream = null;
            if (MemoryMarshal.TryGetArray(pooled.Content, out ArraySegment<byte> written) && written.Array is not null)
                Array.Clear(written.Array, written.Offset, written.Count);
            pooled.Dispose();
        }
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        finally
        {
            if (request?.Content is { } body) Array.Clear(body);
        }
    }

    public override void InvokeSync(IExecutionContext executionContext) =>
        throw new NotSupportedException("SecretsTools calls AWS asynchronously only.");
}
