using System;
using System.Net;
using Amazon.Runtime;

namespace SecretsTools.CloudTrail;

/// <summary>
/// An error response from CloudTrail (or from whatever answered at its endpoint). ErrorCode is the
/// short code, e.g. "InvalidTimeRangeException", never namespace-qualified; without a code in the
/// response it is the HTTP status name. The SDK's retry policy classifies it by ErrorCode and status.
/// </summary>
internal class CloudTrailException : AmazonServiceException
{
    public CloudTrailException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
}
