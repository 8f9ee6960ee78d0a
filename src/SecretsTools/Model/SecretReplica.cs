using System;

namespace SecretsTools.Model;

/// <summary>
/// One Region a Secrets Manager secret is replicated to, from DescribeSecret's ReplicationStatus:
/// Status is InSync, InProgress or Failed, with the service's StatusMessage saying why.
/// </summary>
public sealed record SecretReplica
{
    public string Region { get; init; } = "";
    public string? Status { get; init; }
    public string? StatusMessage { get; init; }
    public string? KmsKeyId { get; init; }
    public DateTime? LastAccessed { get; init; }

    public override string ToString() => $"{Region} ({Status})";
}
