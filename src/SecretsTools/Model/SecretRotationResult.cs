namespace SecretsTools.Model;

/// <summary>How Invoke-SecretRotation rotated a secret.</summary>
public enum SecretRotationMethod
{
    /// <summary>Secrets Manager ran (or is running) the secret's configured rotation Lambda.</summary>
    Lambda,

    /// <summary>SecretsTools ran the steps itself: -ScriptBlock or -GeneratePassword, -SetScript, -TestScript.</summary>
    Custom,
}

/// <summary>Where a rotation stands when Invoke-SecretRotation returns.</summary>
public enum SecretRotationStatus
{
    /// <summary>Secrets Manager accepted the rotation; the Lambda completes it asynchronously.</summary>
    Started,

    /// <summary>A custom rotation finished: the new value is current.</summary>
    Rotated,

    /// <summary>A half-done rotation was finished with the value it had stored.</summary>
    Resumed,

    /// <summary>A half-done rotation was dropped: the value from before it is current.</summary>
    Abandoned,
}

/// <summary>What Invoke-SecretRotation emits, one per secret: never a value.</summary>
public sealed record SecretRotationResult
{
    public string Name { get; init; } = "";
    public SecretStoreKind Store { get; init; }
    public string? Arn { get; init; }

    public string? Region { get; init; }

    /// <summary>
    /// The version the rotation creates (Secrets Manager: its VersionId, AWSPENDING until a Lambda
    /// rotation finishes) or, for a custom rotation, the version current after it (Parameter Store: the number).
    /// </summary>
    public string? VersionId { get; init; }

    /// <summary>Custom rotation: the version that was current before it.</summary>
    public string? PreviousVersion { get; init; }

    public SecretRotationMethod Method { get; init; }
    public SecretRotationStatus Status { get; init; }

    public override string ToString() => Name;
}
