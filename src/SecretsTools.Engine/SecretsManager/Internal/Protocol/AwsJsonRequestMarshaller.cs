using System;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace SecretsTools.SecretsManager.Internal.Protocol;

/// <summary>
/// Turns any model request into an awsJson 1.1 call: POST / with the operation in X-Amz-Target and
/// the request object, serialized by <see cref="SecretsManagerJson"/>, as the body. One instance per
/// operation; the SDK pipeline calls <see cref="Marshall"/> once per API call (not once per retry).
/// </summary>
internal sealed class AwsJsonRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    private const string TargetPrefix = "secretsmanager";
    private const string ContentType = "application/x-amz-json-1.1";
    private const string ClientRequestTokenMember = "ClientRequestToken";

    public AwsJsonRequestMarshaller(string operation)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        Operation = operation;
    }

    public string Operation { get; }

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        IRequest request = new DefaultRequest(input, SecretsManagerServiceMetadata.ServiceName)
        {
            HttpMethod = "POST",
            ResourcePath = "/",
        };
        request.Headers["X-Amz-Target"] = $"{TargetPrefix}.{Operation}";
        request.Headers["Content-Type"] = ContentType;
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
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(input, input.GetType(), SecretsManagerJson.Options);
        if (input is not IIdempotentRequest idempotent || !string.IsNullOrEmpty(idempotent.ClientRequestToken)) return body;
        if (idempotent.ClientRequestToken is not null)
        {
            // An empty token was serialised as "": replace it rather than send the member twice.
            Array.Clear(body);
            var node = (System.Text.Json.Nodes.JsonObject)JsonSerializer.SerializeToNode(input, input.GetType(), SecretsManagerJson.Options)!;
            node[ClientRequestTokenMember] = Guid.NewGuid().ToString();
            return JsonSerializer.SerializeToUtf8Bytes(node, SecretsManagerJson.Options);
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
