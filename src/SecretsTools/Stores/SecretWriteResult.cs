using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>What a write did: a new secret, a new version, or nothing (the value was already there).</summary>
internal enum SecretWriteOutcome
{
    Created,
    Updated,
    Skipped,
}

/// <summary>The secret after a write, and what the write did.</summary>
internal sealed record SecretWriteResult(SecretInfo Info, SecretWriteOutcome Outcome);
