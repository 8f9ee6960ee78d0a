using System;

namespace SecretsTools.Model;

/// <summary>Where SecretsTools settings live, and the merged view of both.</summary>
public enum ConfigurationScope
{
    /// <summary>In memory, for this PowerShell process only: gone when it exits.</summary>
    Process,

    /// <summary>A JSON file in the user's configuration folder, read by every session of the user.</summary>
    CurrentUser,

    /// <summary>What commands use: every level merged, highest first (Get-SecretsToolsConfiguration only).</summary>
    Effective,
}

/// <summary>Which level an effective setting came from (cmdlet parameters and names, which act per command, are not shown).</summary>
public enum ConfigurationSource
{
    /// <summary>Nothing set it: SecretsTools' or AWS's own default.</summary>
    Default,

    /// <summary>The CurrentUser configuration file.</summary>
    CurrentUser,

    /// <summary>An environment variable (SECRETSTOOLS_*, AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL*).</summary>
    Environment,

    /// <summary>Set-SecretsToolsConfiguration -Scope Process.</summary>
    Process,
}

/// <summary>For each setting of an effective configuration, the level it came from.</summary>
public sealed record SecretsToolsConfigurationSource
{
    public ConfigurationSource DefaultStore { get; init; }
    public ConfigurationSource Region { get; init; }
    public ConfigurationSource ProfileName { get; init; }
    public ConfigurationSource CacheTtl { get; init; }
    public ConfigurationSource ParameterStoreEndpointUrl { get; init; }
    public ConfigurationSource SecretsManagerEndpointUrl { get; init; }
    public ConfigurationSource FallbackRegion { get; init; }
    public ConfigurationSource ParameterStoreFallbackRegion { get; init; }
    public ConfigurationSource RegionEndpoint { get; init; }
}

/// <summary>
/// SecretsTools settings as Get-SecretsToolsConfiguration shows them: one scope's stored values
/// (null = not set there), or the effective values with the source of each. Settings only: the
/// configuration never holds a secret or a credential.
/// </summary>
public sealed record SecretsToolsConfiguration
{
    public ConfigurationScope Scope { get; init; }

    /// <summary>The CurrentUser file (for CurrentUser and Effective), whether or not it exists yet.</summary>
    public string? Path { get; init; }

    /// <summary>The store for names without an ssm:/sm: prefix or ARN.</summary>
    public SecretStoreKind? DefaultStore { get; init; }

    public string? Region { get; init; }

    public string? ProfileName { get; init; }

    /// <summary>How long read values may be served from the session's cache; zero or null: no caching.</summary>
    public TimeSpan? CacheTtl { get; init; }

    public string? ParameterStoreEndpointUrl { get; init; }

    public string? SecretsManagerEndpointUrl { get; init; }

    /// <summary>Secrets Manager Regions to read from, in order, when the primary Region's endpoint fails.</summary>
    public string[]? FallbackRegion { get; init; }

    /// <summary>The same for Parameter Store (not replicated by AWS: only where the copies are the user's own).</summary>
    public string[]? ParameterStoreFallbackRegion { get; init; }

    /// <summary>An endpoint URL per Region name, for both stores; it wins over the store endpoints for its Region.</summary>
    public System.Collections.Hashtable? RegionEndpoint { get; init; }

    /// <summary>Effective scope only: where each value came from; null for a stored scope.</summary>
    public SecretsToolsConfigurationSource? Source { get; init; }

    public override string ToString() => $"SecretsTools configuration ({Scope})";
}
