namespace SecretsTools.Model;

/// <summary>What Import-Secret did with one entry.</summary>
public enum SecretImportOutcome
{
    /// <summary>The secret did not exist and was created.</summary>
    Created,

    /// <summary>The secret held another value (or, with -Type, another type) and got a new version.</summary>
    Updated,

    /// <summary>The secret already held this value: nothing was written.</summary>
    Unchanged,

    /// <summary>Nothing was written; the error says why.</summary>
    Failed,
}

/// <summary>One Import-Secret outcome: which secret, where, what happened. It never holds the value.</summary>
public sealed record SecretImportResult
{
    /// <summary>The secret's name in its store (the -Prefix and the entry's name).</summary>
    public string Name { get; init; } = "";

    public SecretStoreKind Store { get; init; }
    public string? Region { get; init; }
    public SecretImportOutcome Outcome { get; init; }

    /// <summary>The version now current: the one written, or the equal one left as it was.</summary>
    public string? Version { get; init; }

    /// <summary>Where the entry came from: FILE:LINE, or InputObject.</summary>
    public string? Source { get; init; }

    /// <summary>Why the entry failed (the same text as its error record), else null.</summary>
    public string? Error { get; init; }

    public override string ToString() => Name;
}
