using System;
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

    public static readonly string[] All = { DefaultStore, Region, ProfileName, CacheTtl, ParameterStoreEndpointUrl, SecretsManagerEndpointUrl };
}
