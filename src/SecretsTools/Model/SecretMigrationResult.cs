namespace SecretsTools.Model;

/// <summary>What Invoke-SecretMigration did with one plan item. It never holds a value.</summary>
public sealed record SecretMigrationResult
{
    public SecretStoreKind SourceStore { get; init; }
    public string SourceNames { get; init; } = "";
    public string Keys { get; init; } = "";
    public SecretStoreKind DestinationStore { get; init; }
    public string DestinationName { get; init; } = "";

    /// <summary>Created, Updated or Skipped (the destination already held this content), or Failed.</summary>
    public SecretCopyStatus Status { get; init; }

    public string? DestinationArn { get; init; }

    /// <summary>The destination's version after the run.</summary>
    public string? VersionId { get; init; }

    /// <summary>The destination was read back and holds exactly the planned content.</summary>
    public bool Verified { get; init; }

    /// <summary>The sources were deleted (-RemoveSource, and only after verification).</summary>
    public bool SourceRemoved { get; init; }

    public string? Error { get; init; }

    public override string ToString() => $"{Status} {DestinationName}";
}
