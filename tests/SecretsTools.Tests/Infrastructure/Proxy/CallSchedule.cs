using System;
using System.Collections.Generic;
using System.Linq;

namespace SecretsTools.Tests.Infrastructure.Proxy;

/// <summary>
/// Which calls a fault hits, by call number (1 for the first request the proxy saw of the operation,
/// or of any operation for a rule without one). Every schedule is a pure function of the call number,
/// so a run is reproducible however the requests interleave.
/// </summary>
public abstract class CallSchedule
{
    public abstract bool Includes(long call);

    public static CallSchedule Always { get; } = new Where(_ => true, "every call");

    /// <summary>Calls 1 to <paramref name="count"/>.</summary>
    public static CallSchedule First(int count) => new Where(call => call <= count, $"the first {count} calls");

    /// <summary>Calls n, 2n, 3n...</summary>
    public static CallSchedule EveryNth(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return new Where(call => call % n == 0, $"every call number {n}k");
    }

    /// <summary>Exactly these call numbers, e.g. Calls(3, 7).</summary>
    public static CallSchedule Calls(params long[] numbers)
    {
        var set = new HashSet<long>(numbers);
        return new Where(set.Contains, $"calls {string.Join(", ", numbers)}");
    }

    /// <summary>
    /// Each call with probability <paramref name="probability"/>, decided by a hash of the seed and the
    /// call number (not a shared Random's sequence), so the same seed picks the same call numbers.
    /// </summary>
    public static CallSchedule Random(double probability, int seed)
    {
        if (probability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability is between 0 and 1.");
        return new Where(call => Unit(seed, call) < probability, $"p = {probability} (seed {seed})");
    }

    /// <summary>The call numbers up to <paramref name="calls"/> this schedule includes (for a test's expectations).</summary>
    public IReadOnlyList<long> Among(long calls) => Enumerable.Range(1, checked((int)calls)).Select(c => (long)c).Where(Includes).ToList();

    // SplitMix64 of (seed, call) mapped to [0, 1).
    private static double Unit(int seed, long call)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32) ^ (ulong)call) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    private sealed class Where(Func<long, bool> includes, string description) : CallSchedule
    {
        public override bool Includes(long call) => call >= 1 && includes(call);

        public override string ToString() => description;
    }
}
