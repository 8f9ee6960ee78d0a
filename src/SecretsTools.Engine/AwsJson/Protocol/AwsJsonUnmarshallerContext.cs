using System;
using System.IO;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace SecretsTools.AwsJson.Protocol;

/// <summary>
/// The SDK's JSON unmarshaller context plus the endpoint the request went to, so an error that carries
/// no usable body can still say where it came from.
/// </summary>
internal sealed class AwsJsonUnmarshallerContext : JsonUnmarshallerContext
{
    public AwsJsonUnmarshallerContext(Stream responseStream, bool maintainResponseBody, IWebResponseData responseData, bool isException, IRequestContext? requestContext)
        : base(responseStream, maintainResponseBody, responseData, isException, requestContext)
    {
    }

    public Uri? RequestEndpoint { get; set; }

    /// <summary>
    /// Reads the rest of the body. A connection dropped halfway through an error body leaves whatever
    /// arrived; the status code is still known, which is enough to report the error.
    /// </summary>
    public byte[] ReadRemainingBody()
    {
        using var buffer = new MemoryStream();
        try
        {
            Stream.CopyTo(buffer);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
        }
        return buffer.ToArray();
    }
}
