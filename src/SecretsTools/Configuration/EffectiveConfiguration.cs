using System;
using System.Collections.Generic;
using System.Linq;
using SecretsTools.Aws;
using SecretsTools.Model;

namespace SecretsTools.Configuration;

/// <summary>A setting's value and the level it came from.</summary>
internal readonly record struct Resolved<T>(T Value, ConfigurationSource Source);

/// <summary>
/// The one place that decides each setting, below what a command is given (the name's own
/// prefix or ARN, then its parameters):
///   Process configuration > environment variables > the CurrentUser file > defaults.
/// Captured once per command, so one command sees one configuration; the CurrentUser file is
/// read only when a setting falls through to it (and then from UserConfigurationFile's cache).
/// Errors (a bad variable, a broken file) are SecretStoreExceptions, raised when the setting
/// that needs them is asked for.
/// </summary>
internal sealed class EffectiveConfiguration
{
    private readonly ConfigurationValues _process;
    private readonly EnvironmentConfiguration _environment;
    private readonly Lazy<ConfigurationValues> _user;

    private EffectiveConfiguration(ConfigurationValues process, EnvironmentConfiguration environment, string? userPath)
    {
        _process = process;
        _environment = environment;
        UserPath = userPath;
        _user = new Lazy<ConfigurationValues>(() => UserConfigurationFile.Read(userPath));
    }

    public static EffectiveConfiguration Capture() =>
        new(ProcessConfiguration.Current, new EnvironmentConfiguration(), UserConfigurationFile.DefaultPath);

    /// <summary>The CurrentUser file this configuration reads (it may not exist).</summary>
    public string? UserPath { get; }

    private ConfigurationValues User => _user.Value;

    public Resolved<SecretStoreKind> DefaultStore =>
        _process.DefaultStore is { } p ? new(p, ConfigurationSource.Process)
        : _environment.DefaultStore is { } e ? new(e, ConfigurationSource.Environment)
        : User.DefaultStore is { } u ? new(u, ConfigurationSource.CurrentUser)
        : new(SecretStoreKind.SecretsManager, ConfigurationSource.Default);

    public Resolved<string?> Region => Pick(_process.Region, _environment.Region, () => User.Region);

    public Resolved<string?> ProfileName => Pick(_process.ProfileName, _environment.ProfileName, () => User.ProfileName);

    public Resolved<string?> EndpointUrl(SecretStoreKind kind) =>
        Pick(_process.EndpointUrlFor(kind), _environment.EndpointUrlFor(kind), () => User.EndpointUrlFor(kind));

    /// <summary>The Regions a store's reads fall back to, in order; empty when none is configured.</summary>
    public Resolved<IReadOnlyList<string>> FallbackRegion(SecretStoreKind kind) =>
        _process.FallbackRegionFor(kind) is { } p ? new(p, ConfigurationSource.Process)
        : _environment.FallbackRegionFor(kind) is { } e ? new(e, ConfigurationSource.Environment)
        : User.FallbackRegionFor(kind) is { } u ? new(u, ConfigurationSource.CurrentUser)
        : new(Array.Empty<string>(), ConfigurationSource.Default);

    /// <summary>
    /// The endpoint per Region (no variable: AWS has none of that shape). A level's map is taken
    /// whole, as every other setting is: Process replaces CurrentUser's, it does not merge with it.
    /// </summary>
    public Resolved<IReadOnlyDictionary<string, string>?> RegionEndpoint =>
        _process.RegionEndpoint is { } p ? new(p, ConfigurationSource.Process)
        : User.RegionEndpoint is { } u ? new(u, ConfigurationSource.CurrentUser)
        : new(null, ConfigurationSource.Default);

    /// <summary>The configured time-to-live; zero (or nothing set) means no caching.</summary>
    public Resolved<TimeSpan?> CacheTtl =>
        _process.CacheTtl is { } p ? new(p, ConfigurationSource.Process)
        : _environment.CacheTtl is { } e ? new(e, ConfigurationSource.Environment)
        : User.CacheTtl is { } u ? new(u, ConfigurationSource.CurrentUser)
        : new(null, ConfigurationSource.Default);

    /// <summary>A command's -CacheTtl, else the configured one (not read when a parameter is given); null when caching is off.</summary>
    public TimeSpan? EffectiveCacheTtl(TimeSpan? parameter) =>
        (parameter ?? CacheTtl.Value) is { } ttl && ttl > TimeSpan.Zero ? ttl : null;

    /// <summary>
    /// Where a command connects for one store, given its -Region, -ProfileName and -EndpointUrl
    /// (null when not given), without credentials. What the environment decides is passed as it
    /// is read by the SDK:
    /// - the Region explicitly, so AWS_REGION also beats a profile's own Region, as the table says
    ///   (the engine otherwise prefers a named profile's Region to AWS_REGION);
    /// - the profile and endpoint as null, so the SDK reads AWS_PROFILE and AWS_ENDPOINT_URL*
    ///   with all of its own rules (credential chain order, the profile's services section).
    /// A CurrentUser value is passed only when no variable is set: the variables beat the file.
    /// The endpoint is -EndpointUrl, else the RegionEndpoint entry of the connection's Region (more
    /// specific than a store's endpoint, as AWS_ENDPOINT_URL_SSM is than AWS_ENDPOINT_URL), else
    /// the store's configured endpoint. It goes into the connection, so into its client's cache key.
    /// </summary>
    public AwsConnectionSettings ConnectionFor(SecretStoreKind kind, string? region, string? profileName, string? endpointUrl)
    {
        string? Unless(Resolved<string?> setting) => setting.Source == ConfigurationSource.Environment ? null : setting.Value;
        string? resolvedRegion = NonEmpty(region) ?? Region.Value;
        return new AwsConnectionSettings(
            resolvedRegion,
            NonEmpty(profileName) ?? Unless(ProfileName),
            NonEmpty(endpointUrl) ?? EndpointOfRegion(resolvedRegion) ?? Unless(EndpointUrl(kind)),
            null, null, null);
    }

    private string? EndpointOfRegion(string? region) =>
        region is not null && RegionEndpoint.Value is { } map && map.TryGetValue(region, out var url) ? url : null;

    /// <summary>The effective view for Get-SecretsToolsConfiguration.</summary>
    public SecretsToolsConfiguration ToView()
    {
        var store = DefaultStore;
        var region = Region;
        var profile = ProfileName;
        var ttl = CacheTtl;
        var ps = EndpointUrl(SecretStoreKind.ParameterStore);
        var sm = EndpointUrl(SecretStoreKind.SecretsManager);
        var fallback = FallbackRegion(SecretStoreKind.SecretsManager);
        var psFallback = FallbackRegion(SecretStoreKind.ParameterStore);
        var regionEndpoint = RegionEndpoint;
        return new SecretsToolsConfiguration
        {
            Scope = ConfigurationScope.Effective,
            Path = UserPath,
            DefaultStore = store.Value,
            Region = region.Value,
            ProfileName = profile.Value,
            CacheTtl = ttl.Value,
            ParameterStoreEndpointUrl = ps.Value,
            SecretsManagerEndpointUrl = sm.Value,
            FallbackRegion = fallback.Value.ToArray(),
            ParameterStoreFallbackRegion = psFallback.Value.ToArray(),
            RegionEndpoint = SettingRules.ToHashtable(regionEndpoint.Value),
            Source = new SecretsToolsConfigurationSource
            {
                DefaultStore = store.Source,
                Region = region.Source,
                ProfileName = profile.Source,
                CacheTtl = ttl.Source,
                ParameterStoreEndpointUrl = ps.Source,
                SecretsManagerEndpointUrl = sm.Source,
                FallbackRegion = fallback.Source,
                ParameterStoreFallbackRegion = psFallback.Source,
                RegionEndpoint = regionEndpoint.Source,
            },
        };
    }

    private static Resolved<string?> Pick(string? process, string? environment, Func<string?> user) =>
        process is not null ? new(process, ConfigurationSource.Process)
        : environment is not null ? new(environment, ConfigurationSource.Environment)
        : user() is { } u ? new(u, ConfigurationSource.CurrentUser)
        : new(null, ConfigurationSource.Default);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
