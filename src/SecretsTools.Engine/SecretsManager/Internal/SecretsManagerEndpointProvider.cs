using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using static Amazon.Runtime.Internal.Endpoints.StandardLibrary.Fn;

namespace SecretsTools.SecretsManager.Internal;

/// <summary>
/// Evaluates Secrets Manager's endpoint rule set (botocore endpoint-rule-set-1.json) with the SDK's
/// rules standard library, so partitions (aws, aws-cn, aws-us-gov, ...) come from the SDK's data.
/// </summary>
internal sealed class SecretsManagerEndpointProvider : IEndpointProvider
{
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        bool useFips = Equals(parameters["UseFIPS"], true);
        bool useDualStack = Equals(parameters["UseDualStack"], true);
        var custom = parameters["Endpoint"] as string;

        if (IsSet(custom))
        {
            if (useFips) throw new AmazonClientException("Invalid Configuration: FIPS and custom endpoint are not supported");
            if (useDualStack) throw new AmazonClientException("Invalid Configuration: Dualstack and custom endpoint are not supported");
            return new Endpoint(custom!);
        }

        if (parameters["Region"] is not string region || !IsSet(region))
            throw new AmazonClientException("Invalid Configuration: Missing Region");
        var partition = Partition(region);
        if (partition is null) throw new AmazonClientException($"Cannot resolve a Secrets Manager endpoint for region '{region}'.");

        var refs = new Dictionary<string, object> { ["Region"] = region, ["PartitionResult"] = partition };
        var partitionName = GetAttr(partition, "name") as string;
        bool supportsFips = Equals(GetAttr(partition, "supportsFIPS"), true);
        bool supportsDualStack = Equals(GetAttr(partition, "supportsDualStack"), true);

        if (useFips && useDualStack)
        {
            if (!supportsFips || !supportsDualStack)
                throw new AmazonClientException("FIPS and DualStack are enabled, but this partition does not support one or both");
            // In the commercial and GovCloud partitions the FIPS hosts already serve IPv6.
            return Url(partitionName is "aws" or "aws-us-gov"
                ? "https://secretsmanager-fips.{Region}.amazonaws.com"
                : "https://secretsmanager-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", refs);
        }
        if (useFips)
        {
            if (!supportsFips) throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
            return Url("https://secretsmanager-fips.{Region}.{PartitionResult#dnsSuffix}", refs);
        }
        if (useDualStack)
        {
            if (!supportsDualStack) throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");
            // The regular hosts are dual-stack already in these partitions.
            return Url(partitionName switch
            {
                "aws" or "aws-us-gov" => "https://secretsmanager.{Region}.amazonaws.com",
                "aws-cn" => "https://secretsmanager.{Region}.amazonaws.com.cn",
                _ => "https://secretsmanager.{Region}.{PartitionResult#dualStackDnsSuffix}",
            }, refs);
        }
        return Url("https://secretsmanager.{Region}.{PartitionResult#dnsSuffix}", refs);
    }

    private static Endpoint Url(string template, Dictionary<string, object> refs) =>
        new(Interpolate(template, refs));
}
