using System;
using System.Collections.Generic;
using System.Linq;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Caching;

/// <summary>
/// The session's value cache: encrypted values keyed by store, connection, name and version
/// selector. Bounded in count (oldest out first) and in age (nothing is kept longer than MaxAge,
/// whatever TTL a call asks for). Writes, deletes and restores through SecretsTools invalidate a
/// name in every connection, since two profiles may well reach the same account.
/// </summary>
internal sealed class SecretCache
{
    public static SecretCache Shared { get; } = new(() => Environment.TickCount64);

    public const int DefaultMaxEntries = 1000;
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);

    private readonly Func<long> _clockMilliseconds;
    private readonly object _gate = new();
    private readonly Dictionary<CacheKey, Entry> _entries = new();

    public SecretCache(Func<long> clockMilliseconds) => _clockMilliseconds = clockMilliseconds;

    public int MaxEntries { get; set; } = DefaultMaxEntries;

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>What a cache lookup found: nothing, a value young enough, or an older one that may be re-validated.</summary>
    public CacheLookup Find(CacheKey key, TimeSpan ttl)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry)) return CacheLookup.Miss;
            long age = _clockMilliseconds() - entry.StoredAt;
            if (age > MaxAge.TotalMilliseconds)
            {
                Evict(key, entry);
                return CacheLookup.Miss;
            }
            return new CacheLookup(entry.Value.Open(), entry.Version, entry.StoredName, entry.ParameterType, Fresh: age < ttl.TotalMilliseconds, Found: true);
        }
    }

    public void Put(CacheKey key, SecretReadResult result)
    {
        if (result.Value is null) return;
        var entry = new Entry(SealedValue.Seal(result.Value), result.Version, result.StoredName, result.ParameterType, _clockMilliseconds());
        lock (_gate)
        {
            if (_entries.Remove(key, out var old)) old.Value.Clear();
            _entries[key] = entry;
            while (_entries.Count > Math.Max(1, MaxEntries))
            {
                var oldest = _entries.MinBy(e => e.Value.StoredAt);
                Evict(oldest.Key, oldest.Value);
            }
        }
    }

    /// <summary>The cached version is still current: serve it for another TTL.</summary>
    public void Renew(CacheKey key)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry)) _entries[key] = entry with { StoredAt = _clockMilliseconds() };
        }
    }

    /// <summary>Drops every entry of a name in a store, in every connection, whatever version it selected.</summary>
    public int Invalidate(SecretStoreKind kind, string name)
    {
        lock (_gate)
        {
            var doomed = _entries.Where(e => e.Key.Kind == kind && Names(e.Key, e.Value).Contains(name, StringComparer.Ordinal)).ToList();
            foreach (var (key, entry) in doomed) Evict(key, entry);
            return doomed.Count;
        }
    }

    public int Clear()
    {
        lock (_gate)
        {
            int count = _entries.Count;
            foreach (var entry in _entries.Values) entry.Value.Clear();
            _entries.Clear();
            return count;
        }
    }

    private void Evict(CacheKey key, Entry entry)
    {
        _entries.Remove(key);
        entry.Value.Clear();
    }

    /// <summary>
    /// The names an entry answers to: as asked (maybe an ARN) and as the store reported it, so a
    /// write by name also drops a value that was read by ARN.
    /// </summary>
    private static IEnumerable<string> Names(CacheKey key, Entry entry)
    {
        yield return key.Name;
        if (entry.StoredName is { } stored) yield return stored;
    }

    private sealed record Entry(SealedValue Value, string? Version, string? StoredName, string? ParameterType, long StoredAt);
}

/// <summary>One cached read: store kind, the connection's cache key, the name as asked and the selector.</summary>
internal readonly record struct CacheKey(SecretStoreKind Kind, string Connection, string Name, string? Version, string? Label, string? ExpectedArn)
{
    public static CacheKey For(SecretStoreKind kind, string connection, SecretReadRequest request) =>
        new(kind, connection, request.Name, request.Version, request.Label, request.ExpectedArn);
}

internal sealed record CacheLookup(SecretValue? Value, string? Version, string? StoredName, string? ParameterType, bool Fresh, bool Found)
{
    public static readonly CacheLookup Miss = new(null, null, null, null, false, false);
}
