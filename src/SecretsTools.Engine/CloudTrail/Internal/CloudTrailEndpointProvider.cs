using SecretsTools.AwsJson;

namespace SecretsTools.CloudTrail.Internal;

/// <summary>
/// CloudTrail's endpoint rule set (botocore cloudtrail endpoint-rule-set-1.json): the standard one,
/// except that FIPS in the two GovCloud regions is served by the regular hosts.
/// </summary>
internal sealed class CloudTrailEndpointProvider : AwsJsonEndpointProvider
{
    public CloudTrailEndpointProvider() : base("cloudtrail", "CloudTrail") { }

    protected override string FipsTemplate(string region, string partitionName) => region switch
    {
        "us-gov-east-1" => "https://cloudtrail.us-gov-east-1.amazonaws.com",
        "us-gov-west-1" => "https://cloudtrail.us-gov-west-1.amazonaws.com",
        _ => base.FipsTemplate(region, partitionName),
    };
}
