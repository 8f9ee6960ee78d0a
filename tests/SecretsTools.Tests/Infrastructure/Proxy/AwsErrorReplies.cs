using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace SecretsTools.Tests.Infrastructure.Proxy;

/// <summary>
/// Error answers in the services' awsJson 1.1 shape: HTTP status, a body with __type and message,
/// and the x-amzn-ErrorType and x-amzn-RequestId headers (the SDKs read the code from either).
/// </summary>
internal static class AwsErrorReplies
{
    /// <summary>The answer to a call over the rate: HTTP 400, ThrottlingException (or TooManyUpdates), "Rate exceeded".</summary>
    public static UpstreamReply Throttled(string errorCode) => Json(400, errorCode, "Rate exceeded");

    /// <summary>
    /// HTTP 500 or 503 with the service's internal error (Secrets Manager's InternalServiceError,
    /// SSM's InternalServerError, as the service models name them).
    /// </summary>
    public static UpstreamReply ServerError(string target, int status)
    {
        string code = target.StartsWith("AmazonSSM.", StringComparison.Ordinal) ? "InternalServerError" : "InternalServiceError";
        return Json(status, code, "An error occurred on the server side.");
    }

    private static UpstreamReply Json(int status, string code, string message)
    {
        byte[] body = Encoding.UTF8.GetBytes(new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString());
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", "application/x-amz-json-1.1"),
            new("x-amzn-RequestId", Guid.NewGuid().ToString()),
            new("x-amzn-ErrorType", code),
        };
        return new UpstreamReply(status, headers, body);
    }
}
