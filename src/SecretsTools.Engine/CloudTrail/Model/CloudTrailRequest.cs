using Amazon.Runtime;

namespace SecretsTools.CloudTrail.Model;

/// <summary>Base of every CloudTrail request, so the SDK pipeline (marshalling, signing, retries) handles them.</summary>
internal abstract class CloudTrailRequest : AmazonWebServiceRequest
{
}
