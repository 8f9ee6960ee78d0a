using System.Collections.Generic;

namespace SecretsTools.Stores;

/// <summary>
/// A Get-SecretInfo listing. NamePattern may hold wildcards; stores push the literal prefix
/// to the service and match the rest locally. Tags: key to value, a null value matches any value.
/// </summary>
internal sealed record SecretListQuery
{
    public string? NamePattern { get; init; }
    public string? Path { get; init; }
    public bool Recurse { get; init; }
    public IReadOnlyDictionary<string, string?> Tags { get; init; } = new Dictionary<string, string?>();
    public string? Description { get; init; }
    public bool IncludeDeleted { get; init; }

    /// <summary>Parameter Store needs a call per parameter for tags, so listings load them only on request.</summary>
    public bool IncludeTags { get; init; }

    /// <summary>
    /// Secrets Manager: ListSecrets does not report replication, so a listing loads each secret's
    /// replicas (one DescribeSecret per match) only on request. Parameter Store has no replicas.
    /// </summary>
    public bool IncludeReplicas { get; init; }
}
