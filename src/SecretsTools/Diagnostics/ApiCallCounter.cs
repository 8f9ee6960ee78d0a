using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace SecretsTools.Diagnostics;

/// <summary>
/// Counts the HTTP requests SecretsTools sends to AWS, retries included, by "Service:Operation".
/// Both services bill and throttle per request, so benchmarks and tests read these counts to
/// prove batching (e.g. 10 names per GetParameters); users can read them to see what a script costs:
/// <c>[SecretsTools.Diagnostics.ApiCallCounter]::Snapshot()</c>.
/// </summary>
public static class ApiCallCounter
{
    private static readonly ConcurrentDictionary<string, long> Counts = new();

    internal static void Increment(string service, string operation) =>
        Counts.AddOrUpdate($"{service}:{operation}", 1, (_, n) => n + 1);

    /// <summary>A copy of the counts so far, sorted by name.</summary>
    public static IReadOnlyDictionary<string, long> Snapshot() =>
        new SortedDictionary<string, long>(Counts.ToDictionary(p => p.Key, p => p.Value));

    /// <summary>The count for one operation, e.g. Get("SSM", "GetParameters").</summary>
    public static long Get(string service, string operation) =>
        Counts.TryGetValue($"{service}:{operation}", out long n) ? n : 0;

    public static long Total => Counts.Values.Sum();

    public static void Reset() => Counts.Clear();
}
