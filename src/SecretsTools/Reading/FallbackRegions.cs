using System;
using System.Collections.Generic;
using System.Linq;
using SecretsTools.Model;

namespace SecretsTools.Reading;

/// <summary>
/// The Regions a call's reads fall back to, per store, in order. Secrets Manager's come from
/// -FallbackRegion or the FallbackRegion setting; Parameter Store's only from its own
/// -ParameterStoreFallbackRegion or setting: AWS does not replicate parameters, so a copy in
/// another Region exists only where the user keeps one, and is never assumed.
/// </summary>
internal sealed record FallbackRegions(IReadOnlyList<string> SecretsManager, IReadOnlyList<string> ParameterStore)
{
    public static readonly FallbackRegions None = new(Array.Empty<string>(), Array.Empty<string>());

    /// <summary>The Regions to try after <paramref name="primary"/>, without the primary itself.</summary>
    public IReadOnlyList<string> After(SecretStoreKind kind, string? primary) =>
        (kind == SecretStoreKind.ParameterStore ? ParameterStore : SecretsManager)
            .Where(r => !string.Equals(r, primary, StringComparison.Ordinal)).ToList();

    /// <summary>
    /// A request for a replica: the same name (replicas share it), except that an ARN names its
    /// Region, so the ARN is rewritten to the replica's (the account and suffix stay the same).
    /// </summary>
    public static Stores.SecretReadRequest InRegion(Stores.SecretReadRequest request, string region) => request with
    {
        Name = WithRegion(request.Name, region),
        ExpectedArn = request.ExpectedArn is null ? null : WithRegion(request.ExpectedArn, region),
    };

    internal static string WithRegion(string name, string region)
    {
        if (!name.StartsWith("arn:", StringComparison.OrdinalIgnoreCase)) return name;
        string[] parts = name.Split(':', 5); // arn:partition:service:region:rest
        if (parts.Length < 5) return name;
        parts[3] = region;
        return string.Join(':', parts);
    }
}
