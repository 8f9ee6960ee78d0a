using System;
using Amazon.Runtime;

namespace SecretsTools.AwsJson;

/// <summary>
/// No HTTP response could be obtained from an awsJson service's endpoint (connection refused or
/// dropped, timeout), after the SDK's own retries. The original transport exception is the InnerException.
/// Each service has its own subclass, so callers can still tell the services apart.
/// </summary>
internal abstract class AwsJsonConnectionException : AmazonClientException
{
    protected AwsJsonConnectionException(string message, Exception innerException, string operation, Uri? endpoint, int retries)
        : base(message, innerException)
    {
        Operation = operation;
        Endpoint = endpoint;
        Retries = retries;
    }

    /// <summary>The API operation, e.g. "GetSecretValue".</summary>
    public string Operation { get; }

    /// <summary>The endpoint the request was sent to, when it had been resolved.</summary>
    public Uri? Endpoint { get; }

    /// <summary>How many times the SDK's retry policy re-sent the request after backing off.</summary>
    public int Retries { get; }
}
