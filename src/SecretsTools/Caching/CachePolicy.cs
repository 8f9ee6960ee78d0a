using System;
using System.Management.Automation;
using SecretsTools.Stores;

namespace SecretsTools.Caching;

/// <summary>
/// Turns a call's -CacheTtl, -NoCache and -RefreshIfChanged, and the configured CacheTtl, into
/// the CacheUse its reads carry. The cache is off unless a TTL is given or configured.
/// </summary>
internal static class CachePolicy
{
    /// <summary>The configured TTL (Set-SecretsToolsConfiguration, SECRETSTOOLS_CACHE_TTL, the user file), or null.</summary>
    internal static Func<TimeSpan?> ConfiguredTtl { get; set; } = () => null;

    public static CacheUse? For(TimeSpan? ttlParameter, bool noCache, bool refreshIfChanged)
    {
        if (ttlParameter is { } given) Check(given);
        var ttl = ttlParameter ?? ConfiguredTtl();
        if (ttl is not { } on || on <= TimeSpan.Zero) return null;
        // -NoCache still keeps what it read: the next cached read gets the fresh value.
        return new CacheUse(on, ServeCached: !noCache, RefreshIfChanged: refreshIfChanged);
    }

    /// <summary>A TTL of zero turns the cache off for the call; past MaxAge nothing is kept anyway.</summary>
    public static void Check(TimeSpan ttl)
    {
        if (ttl < TimeSpan.Zero || ttl > SecretCache.MaxAge)
            throw new SecretStoreException(ErrorIds.InvalidCacheTtl, ErrorCategory.InvalidArgument, null,
                $"A cache TTL must be between 0 (off) and {SecretCache.MaxAge.TotalHours} hours; '{ttl}' is not.");
    }
}
