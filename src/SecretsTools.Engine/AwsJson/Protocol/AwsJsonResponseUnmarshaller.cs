using System;
using System.IO;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace SecretsTools.AwsJson.Protocol;

/// <summary>
/// Reads any operation's awsJson response body into <typeparamref name="TResponse"/>, and any error
/// response into the service's own exception type (<see cref="AwsJsonService.CreateException"/>). Plugged into the SDK pipeline through
/// InvokeOptions.ResponseUnmarshaller, so the SDK keeps handling CRC checks, request ids, logging
/// and retries.
/// </summary>
internal sealed class AwsJsonResponseUnmarshaller<TResponse> : JsonResponseUnmarshaller
    where TResponse : AmazonWebServiceResponse, new()
{
    private readonly AwsJsonService _service;

    public AwsJsonResponseUnmarshaller(AwsJsonService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
    }

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
    {
        using var body = new MemoryStream();
        try
        {
            context.Stream.CopyTo(body);
            if (body.Length == 0) return new TResponse();
            return JsonSerializer.Deserialize<TResponse>(body.GetBuffer().AsSpan(0, (int)body.Length), AwsJsonSerialization.Options)
                   ?? new TResponse();
        }
        finally
        {
            // The body may hold decrypted values (GetSecretValue): cleared as soon as it is read.
            // (The smaller buffers the stream outgrew while copying are unreachable, so not cleared.)
            Array.Clear(body.GetBuffer(), 0, (int)body.Length);
        }
    }

    /// <summary>
    /// Replaces the base wrapper, which would overwrite a request id found in an XML body with the
    /// (absent) header value.
    /// </summary>
    public override AmazonServiceException UnmarshallException(UnmarshallerContext input, Exception innerException, HttpStatusCode statusCode)
    {
        if (input is not JsonUnmarshallerContext context) throw new InvalidOperationException("Unsupported UnmarshallerContext");
        return UnmarshallException(context, innerException, statusCode);
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext context, Exception innerException, HttpStatusCode statusCode)
    {
        var ours = context as AwsJsonUnmarshallerContext;
        byte[] body = ours?.ReadRemainingBody() ?? ReadAll(context.Stream);
        var error = ServiceErrorReader.Read(body, context.ResponseData, ours?.RequestEndpoint, _service.DisplayName);
        return _service.CreateException(error.Message, innerException, error.Type, error.Code, error.RequestId, statusCode);
    }

    public override UnmarshallerContext CreateContext(IWebResponseData response, bool readEntireResponse, Stream stream, RequestMetrics metrics, bool isException, IRequestContext requestContext)
    {
        var context = base.CreateContext(response, readEntireResponse, stream, metrics, isException, requestContext);
        if (context is AwsJsonUnmarshallerContext ours) ours.RequestEndpoint = requestContext?.Request?.Endpoint;
        return context;
    }

    protected override UnmarshallerContext ConstructUnmarshallerContext(Stream responseStream, bool maintainResponseBody, IWebResponseData response, bool isException) =>
        new AwsJsonUnmarshallerContext(responseStream, maintainResponseBody, response, isException, null);

    protected override UnmarshallerContext ConstructUnmarshallerContext(Stream responseStream, bool maintainResponseBody, IWebResponseData response, bool isException, IRequestContext requestContext) =>
        new AwsJsonUnmarshallerContext(responseStream, maintainResponseBody, response, isException, requestContext);

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
