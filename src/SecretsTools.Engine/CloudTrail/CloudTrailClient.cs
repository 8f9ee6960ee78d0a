using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SecretsTools.AwsJson;
using SecretsTools.CloudTrail.Internal;
using SecretsTools.CloudTrail.Model;

namespace SecretsTools.CloudTrail;

/// <summary>
/// AWS CloudTrail client (API version 2013-11-01), LookupEvents only: the generic awsJson client
/// with CloudTrail's description. AWSSDK.CloudTrail is not a dependency; the model classes are
/// written from botocore's cloudtrail/2013-11-01/service-2.json (checked by ApiModelConformanceTests).
/// </summary>
internal class CloudTrailClient : AwsJsonClient
{
    public CloudTrailClient()
        : base(CloudTrailService.Description, new CloudTrailConfig())
    {
    }

    public CloudTrailClient(CloudTrailConfig config)
        : base(CloudTrailService.Description, config)
    {
    }

    public CloudTrailClient(AWSCredentials credentials, CloudTrailConfig config)
        : base(CloudTrailService.Description, credentials, config)
    {
    }

    /// <summary>
    /// Management events of the last 90 days in the client's region, newest first, at most 50 a page.
    /// AWS allows one lookup attribute per call and 2 calls per second per account and region.
    /// </summary>
    public Task<LookupEventsResponse> LookupEventsAsync(LookupEventsRequest request, CancellationToken cancellationToken = default) =>
        InvokeOperationAsync<LookupEventsResponse>("LookupEvents", request ?? throw new ArgumentNullException(nameof(request)), cancellationToken);
}
