using SecretsTools.AwsJson;

namespace SecretsTools.SecretsManager.Internal;

/// <summary>
/// Secrets Manager's endpoint rule set (botocore secretsmanager endpoint-rule-set-1.json): the
/// standard one, except that in the commercial, GovCloud and China partitions the regular hosts are
/// dual-stack already.
/// </summary>
internal sealed class SecretsManagerEndpointProvider : AwsJsonEndpointProvider
{
    public SecretsManagerEndpointProvider() : base("secretsmanager", "Secrets Manager") { }

    // In the commercial and GovCloud partitions the FIPS hosts already serve IPv6.
    protected override string FipsDualStackTemplate(string partitionName) => partitionName is "aws" or "aws-us-gov"
        ? "https://secretsmanager-fips.{Region}.amazonaws.com"
        : base.FipsDualStackTemplate(partitionName);

    protected override string DualStackTemplate(string partitionName) => partitionName switch
    {
        "aws" or "aws-us-gov" => "https://secretsmanager.{Region}.amazonaws.com",
        "aws-cn" => "https://secretsmanager.{Region}.amazonaws.com.cn",
        _ => base.DualStackTemplate(partitionName),
    };
}
