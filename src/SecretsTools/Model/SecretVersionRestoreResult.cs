namespace SecretsTools.Model;

/// <summary>What Restore-SecretVersion did for one secret.</summary>
public sealed record SecretVersionRestoreResult
{
    public string Name { get; init; } = "";
    public SecretStoreKind Store { get; init; }
    public string? Region { get; init; }

    /// <summary>The version asked for.</summary>
    public string RestoredFrom { get; init; } = "";

    /// <summary>The version a plain read returns now.</summary>
    public string? NewCurrentVersion { get; init; }

    /// <summary>The version that was current before (Secrets Manager: AWSPREVIOUS now).</summary>
    public string? PreviousVersion { get; init; }

    /// <summary>
    /// LabelMoved (Secrets Manager: AWSCURRENT moved back, no new version); ValueRewritten
    /// (Parameter Store: the old value written as a new version, since the current version is
    /// always the newest); AlreadyCurrent (nothing written: the version, or on Parameter Store
    /// its value, was current already).
    /// </summary>
    public string Method { get; init; } = "";
}
