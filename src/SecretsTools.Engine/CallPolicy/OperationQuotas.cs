using System;
using System.Collections.Generic;

namespace SecretsTools.CallPolicy;

/// <summary>
/// Which rate quota an operation counts against, and that quota's documented rate
/// (../shared/reference/aws-facts.md: "API rate quotas" for Secrets Manager, "Throughput" for
/// Parameter Store; the LookupEvents API reference for CloudTrail). Operations that share a quota share a family, so one limiter paces them all.
/// </summary>
internal static class OperationQuotas
{
    public readonly record struct Family(string Name, double RequestsPerSecond);

    private static readonly Dictionary<string, Family> SecretsManager = new(StringComparer.Ordinal)
    {
        ["GetSecretValue"] = new("sm:read", 10_000),
        ["DescribeSecret"] = new("sm:read", 10_000),
        ["BatchGetSecretValue"] = new("sm:batch-read", 100),
        ["ListSecrets"] = new("sm:list", 100),
        ["PutSecretValue"] = new("sm:write", 50),
        ["UpdateSecret"] = new("sm:write", 50),
        ["UpdateSecretVersionStage"] = new("sm:write", 50),
        ["ReplicateSecretToRegions"] = new("sm:write", 50),
        ["RemoveRegionsFromReplication"] = new("sm:write", 50),
        ["StopReplicationToReplica"] = new("sm:write", 50),
        ["CreateSecret"] = new("sm:create", 50),
        ["DeleteSecret"] = new("sm:delete", 50),
        ["RestoreSecret"] = new("sm:restore", 50),
        ["TagResource"] = new("sm:tag", 50),
        ["UntagResource"] = new("sm:tag", 50),
        ["RotateSecret"] = new("sm:rotate", 50),
        ["CancelRotateSecret"] = new("sm:rotate", 50),
        ["GetResourcePolicy"] = new("sm:policy", 50),
        ["PutResourcePolicy"] = new("sm:policy", 50),
        ["DeleteResourcePolicy"] = new("sm:policy", 50),
        ["ValidateResourcePolicy"] = new("sm:policy", 50),
        ["GetRandomPassword"] = new("sm:password", 50),
        ["ListSecretVersionIds"] = new("sm:versions", 50),
    };

    private static readonly Dictionary<string, Family> ParameterStore = new(StringComparer.Ordinal)
    {
        // 40 TPS shared by the three reads; PutParameter 3 TPS on the standard throughput.
        ["GetParameter"] = new("ssm:read", 40),
        ["GetParameters"] = new("ssm:read", 40),
        ["GetParametersByPath"] = new("ssm:read", 40),
        ["PutParameter"] = new("ssm:write", 3),
        ["DescribeParameters"] = new("ssm:describe", 40),
    };

    private static readonly Dictionary<string, Family> CloudTrail = new(StringComparer.Ordinal)
    {
        // "The rate of lookup requests is limited to two per second, per account, per Region" (API reference).
        ["LookupEvents"] = new("cloudtrail:lookup", 2),
    };

    /// <summary>
    /// Operations without a documented figure (e.g. SSM ListTagsForResource) get a family of their
    /// own whose ceiling is high enough never to slow them by a guess: the limiter paces them only
    /// once AWS throttles, halving from there.
    /// </summary>
    private const double UnlistedRate = 1000;

    public static Family For(string service, string operation)
    {
        var table = service switch
        {
            "SSM" => ParameterStore,
            "CloudTrail" => CloudTrail,
            _ => SecretsManager,
        };
        return table.TryGetValue(operation, out var family) ? family : new Family($"{service}:{operation}", UnlistedRate);
    }
}
