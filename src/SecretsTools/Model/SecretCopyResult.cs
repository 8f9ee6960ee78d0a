namespace SecretsTools.Model;

/// <summary>What Copy-Secret did with one secret.</summary>
public enum SecretCopyStatus
{
    /// <summary>The destination did not exist and was created.</summary>
    Created,

    /// <summary>The destination had another value and got a new version (-Force).</summary>
    Updated,

    /// <summary>The destination already held the same value: nothing was written.</summary>
    Skipped,

    /// <summary>Nothing was written; the error says why.</summary>
    Failed,
}

/// <summary>
/// One Copy-Secret outcome: where from, where to, and what happened. It never holds the value.
/// </summary>
public sealed record SecretCopyResult
{
    public string SourceName { get; init; } = "";
    public SecretStoreKind SourceStore { get; init; }
    public string? SourceRegion { get; init; }

    /// <summary>The source version copied (Parameter Store version number or Secrets Manager VersionId).</summary>
    public string? SourceVersion { get; init; }

    public string DestinationName { get; init; } = "";
    public SecretStoreKind DestinationStore { get; init; }
    public string? DestinationRegion { get; init; }
    public string? DestinationArn { get; init; }

    /// <summary>The destination's version after the copy (the one written, or the equal one left as it was).</summary>
    public string? DestinationVersion { get; init; }

    public SecretCopyStatus Status { get; init; }

    /// <summary>Move-Secret: the destination was read back and holds the source's value (null for Copy-Secret).</summary>
    public bool? Verified { get; init; }

    /// <summary>Move-Secret: the source was deleted, after verification (null for Copy-Secret).</summary>
    public bool? SourceRemoved { get; init; }

    /// <summary>Why a copy failed (the same text as its error record), else null.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// The Regions the Secrets Manager source is replicated to. A copy is never replicated: the
    /// command warns, and Add-SecretReplica replicates the copy.
    /// </summary>
    public string[] SourceReplicaRegions { get; init; } = System.Array.Empty<string>();

    public override string ToString() => $"{SourceName} -> {DestinationName}";
}
