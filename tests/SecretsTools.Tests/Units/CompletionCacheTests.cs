using System;
using SecretsTools.Completion;
using Xunit;

namespace SecretsTools.Tests.Units;

public class CompletionCacheTests
{
    /// <summary>A clock the test moves by hand.</summary>
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly string[] Names = { "app/a", "app/db", "app/db2", "apq" };

    private static (CompletionCache Cache, ManualClock Clock) NewCache(int capacity = 8)
    {
        var clock = new ManualClock();
        return (new CompletionCache(clock, TimeSpan.FromSeconds(15), capacity), clock);
    }

    [Fact]
    public void A_complete_listing_answers_the_same_and_narrower_prefixes()
    {
        var (cache, _) = NewCache();
        cache.Add("s", "ap*", Names, complete: true);
        Assert.Equal(Names, cache.Find("s", "ap*"));
        Assert.Equal(new[] { "app/db", "app/db2" }, cache.Find("s", "app/d*"));
        Assert.Equal(new[] { "app/db2" }, cache.Find("s", "app/*2*"));
        Assert.Empty(cache.Find("s", "app/x*")!);
    }

    [Fact]
    public void Nothing_cached_answers_a_wider_prefix_another_scope_or_another_case()
    {
        var (cache, _) = NewCache();
        cache.Add("s", "app/*", Names, complete: true);
        Assert.Null(cache.Find("s", "ap*"));
        Assert.Null(cache.Find("other", "app/*"));
        Assert.Null(cache.Find("s", "APP/*")); // names are case-sensitive in both stores
    }

    [Fact]
    public void An_incomplete_listing_answers_only_its_own_pattern()
    {
        var (cache, _) = NewCache();
        cache.Add("s", "app*", Names, complete: false);
        Assert.Equal(Names, cache.Find("s", "app*"));
        Assert.Null(cache.Find("s", "app/d*"));
    }

    [Fact]
    public void A_listing_of_a_wildcard_pattern_covers_nothing_narrower()
    {
        var (cache, _) = NewCache();
        cache.Add("s", "a*p*", Names, complete: true);
        Assert.Null(cache.Find("s", "a*p/d*"));
        Assert.Null(cache.Find("s", "app*"));
    }

    [Fact]
    public void Entries_expire()
    {
        var (cache, clock) = NewCache();
        cache.Add("s", "ap*", Names, complete: true);
        clock.Now += TimeSpan.FromSeconds(14);
        Assert.NotNull(cache.Find("s", "app*"));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Null(cache.Find("s", "ap*"));
        Assert.Null(cache.Find("s", "app*"));
    }

    [Fact]
    public void The_oldest_entry_makes_room_at_capacity()
    {
        var (cache, clock) = NewCache(capacity: 2);
        cache.Add("s", "a*", Names, complete: true);
        clock.Now += TimeSpan.FromSeconds(1);
        cache.Add("s", "b*", Names, complete: true);
        clock.Now += TimeSpan.FromSeconds(1);
        cache.Add("s", "c*", Names, complete: true);
        Assert.Null(cache.Find("s", "a*"));
        Assert.NotNull(cache.Find("s", "b*"));
        Assert.NotNull(cache.Find("s", "c*"));
    }
}
