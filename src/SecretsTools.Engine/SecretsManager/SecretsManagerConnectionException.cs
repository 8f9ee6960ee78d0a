using System;
using SecretsTools.AwsJson;

namespace SecretsTools.SecretsManager;

/// <summary>
/// No HTTP response could be obtained from the Secrets Manager endpoint (connection refused or
/// dropped, timeout), after the SDK's own retries. The original transport exception is the InnerException.
/// </summary>
internal class SecretsManagerConnectionException : AwsJsonConnectionException
{
    public SecretsManagerConnectionException(string message, Exception innerException, string operation, Uri? endpoint, int retries)
        : base(message, innerException, operation, endpoint, retries)
    {
    }
}
