using SecretsTools.AwsJson;
using SecretsTools.CloudTrail.Internal;

namespace SecretsTools.CloudTrail;

/// <summary>Configuration for <see cref="CloudTrailClient"/>: the generic awsJson configuration with CloudTrail's identity.</summary>
internal class CloudTrailConfig : AwsJsonClientConfig
{
    /// <summary>The model's serviceId: ClientConfig derives AWS_ENDPOINT_URL_CLOUDTRAIL from it.</summary>
    public const string ServiceIdentifier = "CloudTrail";

    /// <summary>SigV4 signing name and endpoint prefix.</summary>
    public const string SigningName = "cloudtrail";

    public CloudTrailConfig()
        : base(CloudTrailService.Description)
    {
    }
}
