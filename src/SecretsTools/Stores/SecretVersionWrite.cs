using System.Collections.Generic;

namespace SecretsTools.Stores;

/// <summary>
/// A new version that carries labels (ISecretVersionStore.WriteVersionAsync). The token makes it
/// idempotent: Secrets Manager keeps it as the VersionId (same token and value: no second
/// version); Parameter Store, which has no tokens, compares with the current value.
/// </summary>
internal sealed record SecretVersionWrite(string Name, SecretValue Value, string ClientRequestToken)
{
    /// <summary>
    /// Labels the new version gets. Secrets Manager: its VersionStages, so ["AWSPENDING"] stores
    /// a rotation candidate and AWSCURRENT stays where it is; empty: AWSCURRENT moves to it, as a
    /// plain write. Parameter Store: labels put on the new version (which is current in any case).
    /// </summary>
    public IReadOnlyList<string> Labels { get; init; } = System.Array.Empty<string>();
}
