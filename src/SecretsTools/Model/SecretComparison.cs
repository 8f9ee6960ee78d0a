namespace SecretsTools.Model;

/// <summary>How two secrets (or a plan item's sources and its destination) compare.</summary>
public enum SecretComparisonStatus
{
    /// <summary>The same content (JSON compared key by key).</summary>
    Match,

    /// <summary>Both exist, with other content; DifferentKeys names the JSON keys that differ.</summary>
    Differ,

    /// <summary>One side does not exist; Reason says which.</summary>
    Missing,
}

/// <summary>One Compare-Secret outcome. It names keys, never values.</summary>
public sealed record SecretComparison
{
    /// <summary>The reference side: a name, or a plan item's sources (';'-joined).</summary>
    public string ReferenceName { get; init; } = "";
    public SecretStoreKind ReferenceStore { get; init; }

    /// <summary>The side compared with it: a name, or a plan item's destination.</summary>
    public string DifferenceName { get; init; } = "";
    public SecretStoreKind DifferenceStore { get; init; }

    public SecretComparisonStatus Status { get; init; }

    /// <summary>For two JSON objects that differ: the keys (';'-joined) that are missing on one side or hold other values.</summary>
    public string? DifferentKeys { get; init; }

    public string? Reason { get; init; }

    public override string ToString() => $"{Status} {ReferenceName} {DifferenceName}";
}
