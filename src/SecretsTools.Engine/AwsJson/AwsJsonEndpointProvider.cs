using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using static Amazon.Runtime.Internal.Endpoints.StandardLibrary.Fn;

namespace SecretsTools.AwsJson;

/// <summary>
/// The standard AWS endpoint rule set (botocore endpoint-rule-set-1.json: custom endpoint, FIPS,
/// dual-stack, partition DNS suffixes), evaluated with the SDK's rules standard library so partitions
/// (aws, aws-cn, aws-us-gov, ...) come from the SDK's data. A service whose rule set deviates from
/// the standard one overrides the template methods for the deviating branches only.
/// </summary>
internal class AwsJsonEndpointProvider : IEndpointProvider
{
    public AwsJsonEndpointProvider(string endpointPrefix, string displayName)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpointPrefix);
        Prefix = endpointPrefix;
        DisplayName = displayName;
    }

    /// <summary>The host's first label, e.g. "secretsmanager".</summary>
    protected string Prefix { get; }

    protected string DisplayName { get; }

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
        if (partition is null) throw new AmazonClientException($"Cannot resolve a {DisplayName} endpoint for region '{region}'.");

        var refs = new Dictionary<string, object> { ["Region"] = region, ["PartitionResult"] = partition };
        var partitionName = GetAttr(partition, "name") as string ?? "";
        bool supportsFips = Equals(GetAttr(partition, "supportsFIPS"), true);
        bool supportsDualStack = Equals(GetAttr(partition, "supportsDualStack"), true);

        if (useFips && useDualStack)
        {
            if (!supportsFips || !supportsDualStack)
                throw new AmazonClientException("FIPS and DualStack are enabled, but this partition does not support one or both");
            return Url(FipsDualStackTemplate(partitionName), refs);
        }
        if (useFips)
        {
            if (!supportsFips) throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
            return Url(FipsTemplate(region, partitionName), refs);
        }
        if (useDualStack)
        {
            if (!supportsDualStack) throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");
            return Url(DualStackTemplate(partitionName), refs);
        }
        return Url(DefaultTemplate(), refs);
    }

    protected virtual string FipsDualStackTemplate(string partitionName) => $"https://{Prefix}-fips.{{Region}}.{{PartitionResult#dualStackDnsSuffix}}";

    protected virtual string FipsTemplate(string region, string partitionName) => $"https://{Prefix}-fips.{{Region}}.{{PartitionResult#dnsSuffix}}";

    protected virtual string DualStackTemplate(string partitionName) => $"https://{Prefix}.{{Region}}.{{PartitionResult#dualStackDnsSuffix}}";

    protected virtual string DefaultTemplate() => $"https://{Prefix}.{{Region}}.{{PartitionResult#dnsSuffix}}";

    private static Endpoint Url(string template, Dictionary<string, object> refs) =>
        new(Interpolate(template, refs));
}
