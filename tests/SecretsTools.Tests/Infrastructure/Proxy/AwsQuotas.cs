using System.Collections.Generic;

namespace SecretsTools.Tests.Infrastructure.Proxy;

/// <summary>
/// The services' default API rate quotas per account and Region (../shared/reference/aws-facts.md,
/// "API rate quotas" and "Throughput"). Operations not listed are not limited.
/// </summary>
public static class AwsQuotas
{
    private const string Sm = "secretsmanager.";
    private const string Ssm = "AmazonSSM.";

    public static IReadOnlyList<Quota> SecretsManager { get; } =
    [
        new("GetSecretValue+DescribeSecret", 10_000, Sm + "GetSecretValue", Sm + "DescribeSecret"),
        new("BatchGetSecretValue", 100, Sm + "BatchGetSecretValue"),
        new("ListSecrets", 100, Sm + "ListSecrets"),
        new("PutSecretValue+UpdateSecret+stages+replication", 50, Sm + "PutSecretValue", Sm + "UpdateSecret",
            Sm + "UpdateSecretVersionStage", Sm + "ReplicateSecretToRegions", Sm + "RemoveRegionsFromReplication",
            Sm + "StopReplicationToReplica"),
        new("Resource policies", 50, Sm + "GetResourcePolicy", Sm + "PutResourcePolicy", Sm + "DeleteResourcePolicy",
            Sm + "ValidateResourcePolicy"),
        new("RestoreSecret", 50, Sm + "RestoreSecret"),
        new("RotateSecret+CancelRotateSecret", 50, Sm + "RotateSecret", Sm + "CancelRotateSecret"),
        new("TagResource+UntagResource", 50, Sm + "TagResource", Sm + "UntagResource"),
        new("CreateSecret", 50, Sm + "CreateSecret"),
        new("DeleteSecret", 50, Sm + "DeleteSecret"),
        new("GetRandomPassword", 50, Sm + "GetRandomPassword"),
        new("ListSecretVersionIds", 50, Sm + "ListSecretVersionIds"),
    ];

    public static IReadOnlyList<Quota> ParameterStore { get; } =
    [
        new("GetParameter family", 40, Ssm + "GetParameter", Ssm + "GetParameters", Ssm + "GetParametersByPath"),
        new("PutParameter", 3, Ssm + "PutParameter"),
        new("DescribeParameters", 40, Ssm + "DescribeParameters"),
    ];

    /// <summary>Both services' quotas. Append a Quota to override an operation's: the last one listing it wins.</summary>
    public static IReadOnlyList<Quota> Defaults { get; } = [.. SecretsManager, .. ParameterStore];
}
