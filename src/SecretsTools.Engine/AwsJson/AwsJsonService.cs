using System;
using System.Net;
using Amazon.Runtime;

namespace SecretsTools.AwsJson;

/// <summary>
/// Everything that makes one awsJson service different from another, taken from its API model
/// (botocore service-2.json metadata and endpoint-rule-set-1.json). The marshaller, unmarshaller,
/// error reader, endpoint resolver and config read these values instead of constants, so one
/// protocol implementation serves Secrets Manager, CloudTrail and any further awsJson service.
/// </summary>
internal sealed class AwsJsonService
{
    /// <summary>The model's serviceId, e.g. "Secrets Manager": ClientConfig derives AWS_ENDPOINT_URL_&lt;ID&gt; and the profile's services key from it.</summary>
    public required string ServiceId { get; init; }

    /// <summary>How messages name the service ("Secrets Manager", "CloudTrail").</summary>
    public required string DisplayName { get; init; }

    /// <summary>The model's targetPrefix: X-Amz-Target is "&lt;prefix&gt;.&lt;Operation&gt;".</summary>
    public required string TargetPrefix { get; init; }

    /// <summary>The model's jsonVersion ("1.0" or "1.1"): Content-Type application/x-amz-json-&lt;version&gt;.</summary>
    public required string JsonVersion { get; init; }

    /// <summary>SigV4 signing name and endpoint prefix (the model's signingName / endpointPrefix).</summary>
    public required string SigningName { get; init; }

    /// <summary>The model's apiVersion.</summary>
    public required string ApiVersion { get; init; }

    /// <summary>The service's part of the User-Agent header (the SDK's generated clients use the serviceId with '_').</summary>
    public string UserAgentName => ServiceId.Replace(' ', '_');

    /// <summary>Name given to each marshalled request (IRequest.ServiceName).</summary>
    public string RequestServiceName => "SecretsTools." + ServiceId.Replace(" ", "");

    /// <summary>Family name the call policy (OperationQuotas) and the API call counter use.</summary>
    public string QuotaService => ServiceId.Replace(" ", "");

    public string ContentType => "application/x-amz-json-" + JsonVersion;

    /// <summary>The service's endpoint rule set.</summary>
    public required AwsJsonEndpointProvider EndpointRules { get; init; }

    /// <summary>Builds the service's own exception type from an error response.</summary>
    public required Func<string, Exception?, ErrorType, string?, string?, HttpStatusCode, AmazonServiceException> CreateException { get; init; }

    /// <summary>Builds the service's exception for a request that got no HTTP response after the SDK's retries.</summary>
    public required Func<string, Exception, string, Uri?, int, AwsJsonConnectionException> CreateConnectionException { get; init; }
}
