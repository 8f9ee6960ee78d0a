using System;
using System.Collections.Generic;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Configuration;

/// <summary>
/// The environment-variable level: ours (SECRETSTOOLS_DEFAULT_STORE, SECRETSTOOLS_CACHE_TTL) and
/// the AWS ones the SDK reads too (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL*). Read when a
/// command starts; ours are parsed only when a setting falls through to them, so a bad
/// SECRETSTOOLS_CACHE_TTL does not stop a command that never asks for it.
/// </summary>
internal sealed class EnvironmentConfiguration
{
    public const string DefaultStoreVariable = "SECRETSTOOLS_DEFAULT_STORE";
    public const string CacheTtlVariable = "SECRETSTOOLS_CACHE_TTL";
    public const string FallbackRegionVariable = "SECRETSTOOLS_FALLBACK_REGION";
    public const string ParameterStoreFallbackRegionVariable = "SECRETSTOOLS_PARAMETER_STORE_FALLBACK_REGION";
    public const string RegionVariable = "AWS_REGION";
    public const string ProfileVariable = "AWS_PROFILE";
    public const string EndpointVariable = "AWS_ENDPOINT_URL";
    public const string ParameterStoreEndpointVariable = "AWS_ENDPOINT_URL_SSM";
    public const string SecretsManagerEndpointVariable = "AWS_ENDPOINT_URL_SECRETS_MANAGER";
    public const string IgnoreEndpointsVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    private readonly string? _defaultStore = Read(DefaultStoreVariable);
    private readonly string? _cacheTtl = Read(CacheTtlVariable);
    private readonly string? _fallbackRegion = Read(FallbackRegionVariable);
    private readonly string? _parameterStoreFallbackRegion = Read(ParameterStoreFallbackRegionVariable);

    public string? Region { get; } = Read(RegionVariable);
    public string? ProfileName { get; } = Read(ProfileVariable);
    public string? ParameterStoreEndpointUrl { get; }
    public string? SecretsManagerEndpointUrl { get; }

    public EnvironmentConfiguration()
    {
        // The SDK honours AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true by ignoring the variables; so do we.
        if (string.Equals(Read(IgnoreEndpointsVariable), "true", StringComparison.OrdinalIgnoreCase)) return;
        string? shared = Read(EndpointVariable);
        ParameterStoreEndpointUrl = Read(ParameterStoreEndpointVariable) ?? shared;
        SecretsManagerEndpointUrl = Read(SecretsManagerEndpointVariable) ?? shared;
    }

    public string? EndpointUrlFor(SecretStoreKind kind) =>
        kind == SecretStoreKind.ParameterStore ? ParameterStoreEndpointUrl : SecretsManagerEndpointUrl;

    /// <summary>A bad value stops the command: every name after it would fail the same way.</summary>
    public SecretStoreKind? DefaultStore => _defaultStore is null ? null : Parse(DefaultStoreVariable, _defaultStore, SettingRules.Store);

    /// <summary>Comma-separated Region names ("eu-west-1,us-west-2").</summary>
    public IReadOnlyList<string>? FallbackRegionFor(SecretStoreKind kind) =>
        (kind == SecretStoreKind.ParameterStore ? _parameterStoreFallbackRegion : _fallbackRegion) is { } text
            ? Parse(kind == SecretStoreKind.ParameterStore ? ParameterStoreFallbackRegionVariable : FallbackRegionVariable, text, t => SettingRules.Regions(new[] { t }))
            : null;

    public TimeSpan? CacheTtl => _cacheTtl is null ? null : Parse(CacheTtlVariable, _cacheTtl, SettingRules.Duration);

    private static T Parse<T>(string variable, string text, Func<string, T> rule)
    {
        try
        {
            return rule(text);
        }
        catch (ArgumentException ex)
        {
            throw new SecretStoreException(ErrorIds.AwsConfigurationError, ErrorCategory.InvalidArgument, text, $"{variable} is '{text}': {ex.Message}");
        }
    }

    private static string? Read(string name) => Environment.GetEnvironmentVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
