using SecretsTools.AwsJson;

namespace SecretsTools.CloudTrail.Internal;

/// <summary>CloudTrail as an awsJson service (botocore cloudtrail/2013-11-01 metadata).</summary>
internal static class CloudTrailService
{
    public static AwsJsonService Description { get; } = new()
    {
        ServiceId = CloudTrailConfig.ServiceIdentifier,
        DisplayName = "CloudTrail",
        TargetPrefix = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101",
        JsonVersion = "1.1",
        SigningName = CloudTrailConfig.SigningName,
        ApiVersion = "2013-11-01",
        EndpointRules = new CloudTrailEndpointProvider(),
        CreateException = (message, inner, type, code, requestId, status) => new CloudTrailException(message, inner, type, code, requestId, status),
        CreateConnectionException = (message, inner, operation, endpoint, retries) => new CloudTrailConnectionException(message, inner, operation, endpoint, retries),
    };
}
