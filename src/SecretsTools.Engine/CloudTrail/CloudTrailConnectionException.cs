using System;
using SecretsTools.AwsJson;

namespace SecretsTools.CloudTrail;

/// <summary>No HTTP response could be obtained from the CloudTrail endpoint after the SDK's retries.</summary>
internal class CloudTrailConnectionException : AwsJsonConnectionException
{
    public CloudTrailConnectionException(string message, Exception innerException, string operation, Uri? endpoint, int retries)
        : base(message, innerException, operation, endpoint, retries)
    {
    }
}
