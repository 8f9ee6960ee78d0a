using System;
using System.Collections.Generic;
using System.Linq;
using SecretsTools.Model;

namespace SecretsTools.Configuration;

/// <summary>
/// The settings one level holds (the Process scope, the CurrentUser file): null means "not set
/// here", so the next level down decides. Values are already checked by SettingRules.
/// </summary>
internal sealed record ConfigurationValues
{
    public static readonly ConfigurationValues Empty = new();

    public SecretStoreKind? DefaultStore { get; init; }
    public string? Region { get; init; }
    public string? ProfileName { get; init; }

    /// <summary>Zero is a value ("no caching"), so a higher level can switch off a lower level's cache.</summary>
    public TimeSpan? CacheTtl { get; init; }

    public string? ParameterStoreEndpointUrl { get; init; }
    public string? SecretsManagerEndpointUrl { get; init; }

    public string? EndpointUrlFor(SecretStoreKind kind) =>
        kind == SecretStoreKind.ParameterStore ? ParameterStoreEndpointUrl : SecretsManagerEndpointUrl;

    /// <summary>Secrets Manager replicas to read from, in order, when the primary Region's endpoint fails.</summary>
    public IReadOnlyList<string>? FallbackRegion { get; init; }

    /// <summary>
    /// Parameter Store has no replication: a copy in another Region is the user's own doing, so
    /// its reads fall back only where this is set (FallbackRegion does not apply to it).
    /// </summary>
    public IReadOnlyList<string>? ParameterStoreFallbackRegion { get; init; }

    public IReadOnlyList<string>? FallbackRegionFor(SecretStoreKind kind) =>
        kind == SecretStoreKind.ParameterStore ? ParameterStoreFallbackRegion : FallbackRegion;

    /// <summary>An endpoint per Region (both stores), for AWS-compatible servers that serve one Region each.</summary>
    public IReadOnlyDictionary<string, string>? RegionEndpoint { get; init; }

    public SecretsToolsConfiguration ToView(ConfigurationScope scope, string? path) => new()
    {
        Scope = scope,
        Path = path,
        DefaultStore = DefaultStore,
        Region = Region,
        ProfileName = ProfileName,
        CacheTtl = CacheTtl,
        ParameterStoreEndpointUrl = ParameterStoreEndpointUrl,
        SecretsManagerEndpointUrl = SecretsManagerEndpointUrl,
        FallbackRegion = FallbackRegion?.ToArray(),
        ParameterStoreFallbackRegion = ParameterStoreFallbackRegion?.ToArray(),
        RegionEndpoint = SettingRules.ToHashtable(RegionEndpoint),
    };
}

/// <summary>The setting names: the parameters of Set-SecretsToolsConfiguration and the keys of the CurrentUser file.</summary>
internal static class SettingNames
{
    public const string DefaultStore = nameof(DefaultStore);
    public const string Region = nameof(Region);
    public const string ProfileName = nameof(ProfileName);
    public const string CacheTtl = nameof(CacheTtl);
    public const string ParameterStoreEndpointUrl = nameof(ParameterStoreEndpointUrl);
    public const string SecretsManagerEndpointUrl = nameof(SecretsManagerEndpointUrl);
    public const string FallbackRegion = nameof(FallbackRegion);
    public const string ParameterStoreFallbackRegion = nameof(ParameterStoreFallbackRegion);
    public const string RegionEndpoint = nameof(RegionEndpoint);

    public static readonly string[] All =
    {
        DefaultStore, Region, ProfileName, CacheTtl, ParameterStoreEndpointUrl, SecretsManagerEndpointUrl,
        FallbackRegion, ParameterStoreFallbackRegion, RegionEndpoint,
    };
}
