using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace SecretsTools.Completion;

/// <summary>
/// What completers listed in the last seconds, so pressing Tab again (or typing one more
/// character and pressing Tab) does not call AWS again. A scope names the store kind and the whole
/// connection; within it, entries are keyed by the wildcard pattern listed. A complete listing of
/// a plain prefix ("app/*") also answers any narrower pattern ("app/db*"), filtered here. Names and
/// key names only: no value is ever held.
/// </summary>
internal sealed class CompletionCache
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(15);
    public const int DefaultCapacity = 64;

    public static CompletionCache Shared { get; } = new(TimeProvider.System, DefaultLifetime, DefaultCapacity);

    private readonly object _gate = new();
    private readonly Dictionary<(string Scope, string Pattern), Entry> _entries = new();
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;
    private readonly int _capacity;

    private sealed record Entry(IReadOnlyList<string> Items, bool Complete, DateTimeOffset Added);

    internal CompletionCache(TimeProvider clock, TimeSpan lifetime, int capacity)
    {
        _clock = clock;
        _lifetime = lifetime;
        _capacity = capacity;
    }

    /// <summary>The cached items matching the pattern, or null when nothing cached can tell.</summary>
    public IReadOnlyList<string>? Find(string scope, string pattern)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_entries.TryGetValue((scope, pattern), out var exact) && Fresh(exact, now)) return exact.Items;
            string literal = LiteralPrefix(pattern);
            foreach (var ((entryScope, entryPattern), entry) in _entries)
            {
                if (entryScope != scope || !entry.Complete || !Fresh(entry, now) || !Covers(entryPattern, literal)) continue;
                // Case-sensitive, as the stores match names.
                var matcher = new WildcardPattern(pattern, WildcardOptions.None);
                return entry.Items.Where(matcher.IsMatch).ToList();
            }
            return null;
        }
    }

    /// <summary>Complete: the listing ended by itself (not at a count or time bound).</summary>
    public void Add(string scope, string pattern, IReadOnlyList<string> items, bool complete)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            foreach (var key in _entries.Where(e => !Fresh(e.Value, now)).Select(e => e.Key).ToList()) _entries.Remove(key);
            if (!_entries.ContainsKey((scope, pattern)) && _entries.Count >= _capacity)
                _entries.Remove(_entries.MinBy(e => e.Value.Added).Key);
            _entries[(scope, pattern)] = new Entry(items, complete, now);
        }
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    private bool Fresh(Entry entry, DateTimeOffset now) => now - entry.Added < _lifetime;

    /// <summary>A listing of "L*" (L plain text) holds everything a pattern beginning with L can match.</summary>
    private static bool Covers(string listed, string literalPrefix) =>
        listed.EndsWith('*') && LiteralPrefix(listed).Length == listed.Length - 1
        && literalPrefix.StartsWith(listed[..^1], StringComparison.Ordinal);

    private static string LiteralPrefix(string pattern)
    {
        int i = pattern.IndexOfAny(new[] { '*', '?', '[', ']', '`' });
        return i < 0 ? pattern : pattern[..i];
    }
}
