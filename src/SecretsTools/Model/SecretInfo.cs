using System;
using System.Collections;

namespace SecretsTools.Model;

/// <summary>
/// What Get-SecretInfo emits: everything about a secret except its value, for either store.
/// Members a store does not have stay null. Property names match the cmdlets' parameter names,
/// so `Get-SecretInfo | Get-Secret` binds Name and Store by property name.
/// </summary>
public sealed record SecretInfo
{
    public string Name { get; init; } = "";
    public SecretStoreKind Store { get; init; }
    public string? Arn { get; init; }

    /// <summary>
    /// Parameter Store: String, StringList or SecureString. Secrets Manager: String, Json (a JSON
    /// object) or Binary in what Set-Secret returns; Unknown in listings and lookups, as
    /// ListSecrets and DescribeSecret do not say whether the value is text or binary.
    /// </summary>
    public string? Type { get; init; }

    /// <summary>Parameter Store: the version number. Secrets Manager: the AWSCURRENT version id.</summary>
    public string? Version { get; init; }

    public DateTime? LastModified { get; init; }
    public string? Description { get; init; }

    /// <summary>
    /// Tag keys to values, case-sensitive like AWS tag keys. Null when not loaded: a Parameter
    /// Store listing costs one extra call per parameter for tags, so it loads them only with
    /// Get-SecretInfo -IncludeTags (or for an exact name).
    /// </summary>
    public Hashtable? Tags { get; init; }

    public string? KmsKeyId { get; init; }

    /// <summary>Parameter Store only: Standard, Advanced or Intelligent-Tiering.</summary>
    public string? Tier { get; init; }

    public string? Region { get; init; }

    // Secrets Manager members.
    public DateTime? CreatedDate { get; init; }
    public bool? RotationEnabled { get; init; }
    public string? RotationLambdaArn { get; init; }

    /// <summary>The rotation rules: every so many days (AutomaticallyAfterDays), or a rate()/cron() schedule, with an optional window ("3h").</summary>
    public long? RotateAfterDays { get; init; }
    public string? RotationSchedule { get; init; }
    public string? RotationDuration { get; init; }

    public DateTime? LastRotated { get; init; }
    public DateTime? NextRotation { get; init; }
    public DateTime? LastAccessed { get; init; }
    public DateTime? DeletedDate { get; init; }
    public string? PrimaryRegion { get; init; }
    public string[] ReplicaRegions { get; init; } = Array.Empty<string>();

    /// <summary>
    /// Secrets Manager: each replica Region with its replication status (DescribeSecret's
    /// ReplicationStatus), in the same order as ReplicaRegions. Null when not loaded, like Tags:
    /// ListSecrets does not report replicas, so a listing loads them only with Get-SecretInfo
    /// -IncludeReplicas (one DescribeSecret per secret), or for an exact name. Empty on Parameter Store.
    /// </summary>
    public SecretReplica[]? Replicas { get; init; } = Array.Empty<SecretReplica>();

    /// <summary>Listed in a replica's Region: the secret's primary is in PrimaryRegion.</summary>
    internal bool IsReplica =>
        Store == SecretStoreKind.SecretsManager && PrimaryRegion is not null && Region is not null
        && !string.Equals(PrimaryRegion, Region, StringComparison.Ordinal);

    /// <summary>
    /// Secrets Manager: VersionIdsToStages, each labelled version's id to its staging labels
    /// (AWSCURRENT first), so a rotation left half-done (AWSPENDING on another version) shows.
    /// Null on Parameter Store (Get-SecretVersion lists its labels) and where a write returns it.
    /// </summary>
    public System.Collections.Specialized.OrderedDictionary? VersionStages { get; init; }

    public override string ToString() => Name;
}
