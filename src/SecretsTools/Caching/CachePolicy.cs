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
    /// <param name="ttlParameter">The call's -CacheTtl, checked here so a bad one is refused before any call.</param>
    /// <param name="effectiveTtl">That, else the configured CacheTtl (null or zero: the cache is off).</param>
    public static CacheUse? For(TimeSpan? ttlParameter, TimeSpan? effectiveTtl, bool noCache, bool refreshIfChanged)
    {
        if (ttlParameter is { } given) Check(given);
        if (effectiveTtl is not { } on || on <= TimeSpan.Zero) return null;
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
