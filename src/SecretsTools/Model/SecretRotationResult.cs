namespace SecretsTools.Model;

/// <summary>How Invoke-SecretRotation rotated a secret.</summary>
public enum SecretRotationMethod
{
    /// <summary>Secrets Manager ran (or is running) the secret's configured rotation Lambda.</summary>
    Lambda,
}

/// <summary>Where a rotation stands when Invoke-SecretRotation returns.</summary>
public enum SecretRotationStatus
{
    /// <summary>Secrets Manager accepted the rotation; the Lambda completes it asynchronously.</summary>
    Started,
}

/// <summary>What Invoke-SecretRotation emits, one per secret: never a value.</summary>
public sealed record SecretRotationResult
{
    public string Name { get; init; } = "";
    public SecretStoreKind Store { get; init; }
    public string? Arn { get; init; }

    /// <summary>The version the rotation creates (Secrets Manager: its VersionId, AWSPENDING until the rotation finishes).</summary>
    public string? VersionId { get; init; }

    public SecretRotationMethod Method { get; init; }
    public SecretRotationStatus Status { get; init; }

    public override string ToString() => Name;
}
