using System;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    internal static byte[] SerializeBody(AmazonWebServiceRequest input)
    {
        var body = JsonSerializer.SerializeToNode(input, input.GetType(), SecretsManagerJson.Options) as JsonObject ?? new JsonObject();
        if (input is IIdempotentRequest idempotent && string.IsNullOrEmpty(idempotent.ClientRequestToken))
        {
            // Generated here rather than stored on the caller's object, so reusing a request object
            // for a second call does not silently reuse the token.
            body[ClientRequestTokenMember] = Guid.NewGuid().ToString();
        }
        return JsonSerializer.SerializeToUtf8Bytes(body, SecretsManagerJson.Options);
    }
}
