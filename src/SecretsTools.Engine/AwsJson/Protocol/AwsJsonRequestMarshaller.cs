using System;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace SecretsTools.AwsJson.Protocol;

/// <summary>
/// Turns any model request into an awsJson call of the given service: POST / with
/// "&lt;targetPrefix&gt;.&lt;operation&gt;" in X-Amz-Target, Content-Type application/x-amz-json-&lt;version&gt;, and
/// the request object, serialized by <see cref="AwsJsonSerialization"/>, as the body. One instance per
/// operation; the SDK pipeline calls <see cref="Marshall"/> once per API call (not once per retry).
/// </summary>
internal sealed class AwsJsonRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    private const string ClientRequestTokenMember = "ClientRequestToken";

    private readonly AwsJsonService _service;

    public AwsJsonRequestMarshaller(AwsJsonService service, string operation)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        _service = service;
        Operation = operation;
    }

    public string Operation { get; }

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        IRequest request = new DefaultRequest(input, _service.RequestServiceName)
        {
            HttpMethod = "POST",
            ResourcePath = "/",
        };
        request.Headers["X-Amz-Target"] = $"{_service.TargetPrefix}.{Operation}";
        request.Headers["Content-Type"] = _service.ContentType;
        // A byte[] body (not a stream) keeps the request rewindable, so the SDK can retry it.
        request.Content = SerializeBody(input);
        return request;
    }

    /// <summary>
    /// Serialised once, straight to UTF-8 (no JsonNode tree of the value's strings). When a token
    /// must be added, it is spliced in after the opening brace and the first buffer is cleared,
    /// so only the body the SDK sends holds the value.
    /// </summary>
    internal static byte[] SerializeBody(AmazonWebServiceRequest input)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(input, input.GetType(), AwsJsonSerialization.Options);
        if (input is not IIdempotentRequest idempotent || !string.IsNullOrEmpty(idempotent.ClientRequestToken)) return body;
        if (idempotent.ClientRequestToken is not null)
        {
            // An empty token was serialised as "": replace it rather than send the member twice.
            Array.Clear(body);
            var node = (System.Text.Json.Nodes.JsonObject)JsonSerializer.SerializeToNode(input, input.GetType(), AwsJsonSerialization.Options)!;
            node[ClientRequestTokenMember] = Guid.NewGuid().ToString();
            return JsonSerializer.SerializeToUtf8Bytes(node, AwsJsonSerialization.Options);
        }

        // Generated here rather than stored on the caller's object, so reusing a request object
        // for a second call does not silently reuse the token.
        byte[] member = System.Text.Encoding.UTF8.GetBytes($"\"{ClientRequestTokenMember}\":\"{Guid.NewGuid()}\"");
        bool empty = body.Length == 2; // "{}"
        var withToken = new byte[body.Length + member.Length + (empty ? 0 : 1)];
        withToken[0] = (byte)'{';
        member.CopyTo(withToken, 1);
        int at = 1 + member.Length;
        if (!empty) withToken[at++] = (byte)',';
        body.AsSpan(1).CopyTo(withToken.AsSpan(at));
        Array.Clear(body);
        return withToken;
    }
}
