using System;

namespace SecretsTools.Caching;

/// <summary>
/// How one read may use the session's value cache. A request without one never touches the cache,
/// so reads inside writes (read-modify-write, copies, comparisons) always see the store.
/// </summary>
/// <param name="Ttl">How old a cached value may be and still be served without asking AWS.</param>
/// <param name="ServeCached">False for -NoCache: read from AWS, but keep what was read for later reads.</param>
/// <param name="RefreshIfChanged">
/// An entry older than Ttl is checked with one metadata call (DescribeSecret, DescribeParameters)
/// and served again if the current version is still the one cached, as AWS's caching clients do.
/// </param>
internal sealed record CacheUse(TimeSpan Ttl, bool ServeCached = true, bool RefreshIfChanged = false);
