using System.Collections.Generic;

namespace SecretsTools.Stores;

/// <summary>
/// Everything Set-Secret asks a store to write. ParameterType and Tier are Parameter Store
/// settings; a store rejects options it cannot honour in ValidateWrite.
/// </summary>
internal sealed record SecretWriteRequest(string Name, SecretValue Value)
{
    public string? ParameterType { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public string? KmsKeyId { get; init; }
    public string? Tier { get; init; }
    public bool NoClobber { get; init; }

    /// <summary>
    /// The token of the version this write makes (see IdempotencyTokens), so the same write sent
    /// twice (a lost reply, a re-run) makes one version. Secrets Manager keeps it as the VersionId;
    /// Parameter Store, which has no tokens, compares with the current value instead. Null: a
    /// fresh one per call, and no comparison.
    /// </summary>
    public string? ClientRequestToken { get; init; }

    /// <summary>Read the current value first; when it is already this value, write nothing (Skipped).</summary>
    public bool SkipIfUnchanged { get; init; }

    /// <summary>The secret is known to exist: write a new version directly, with no create attempt first.</summary>
    public bool KnownToExist { get; init; }
}
