using System;
using System.Net;
using Amazon.Runtime;

namespace SecretsTools.SecretsManager;

/// <summary>
/// An error response from Secrets Manager (or from whatever answered at its endpoint).
/// <see cref="AmazonServiceException.ErrorCode"/> is the short code, e.g. "ResourceNotFoundException",
/// never namespace-qualified; when the response carried no code at all it is the HTTP status name
/// (e.g. "InternalServerError"). The SDK's retry policy classifies this exception by ErrorCode and
/// StatusCode, so throttling and 5xx responses are retried like those of the SDK's own clients.
/// </summary>
internal class SecretsManagerException : AmazonServiceException
{
    public SecretsManagerException() { }

    public SecretsManagerException(string message) : base(message) { }

    public SecretsManagerException(string message, Exception innerException) : base(message, innerException) { }

    public SecretsManagerException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode) { }
}
