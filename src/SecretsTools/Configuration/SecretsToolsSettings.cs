using System;
using SecretsTools.Aws;
using SecretsTools.Model;

namespace SecretsTools.Configuration;

/// <summary>
/// The configuration for code outside a cmdlet's own resolution: the value cache (its
/// time-to-live) and argument completers (their connection). Each call reads the current
/// configuration; a cmdlet uses AwsCmdletBase's snapshot instead, which turns errors into
/// terminating ErrorRecords. These throw SecretStoreException (a bad variable, a broken file).
/// </summary>
internal static class SecretsToolsSettings
{
    /// <summary>A command's -CacheTtl (null when not given), else the configured one; null when caching is off.</summary>
    public static TimeSpan? EffectiveCacheTtl(TimeSpan? parameter) => EffectiveConfiguration.Capture().EffectiveCacheTtl(parameter);

    /// <summary>The store for names without a prefix or ARN, when no -Store is given.</summary>
    public static SecretStoreKind DefaultStore => EffectiveConfiguration.Capture().DefaultStore.Value;
}

/// <summary>
/// The connection a command would use, for code that has only the typed parameters: tab
/// completion passes the -Region, -ProfileName and -EndpointUrl on the command line (null
/// when absent) and gets the configured ones for the rest.
/// </summary>
internal static class ConnectionDefaults
{
    public static AwsConnectionSettings For(SecretStoreKind kind, string? region, string? profileName, string? endpointUrl) =>
        EffectiveConfiguration.Capture().ConnectionFor(kind, region, profileName, endpointUrl);
}
