using System;
using System.Reflection;
using System.Text;
using SecretsTools.Caching;
using SecretsTools.Model;
using SecretsTools.Stores;
using Xunit;

namespace SecretsTools.Tests.Units;

/// <summary>The cache's bounds and its encrypted storage, on a clock the test moves.</summary>
public class SecretCacheTests
{
    private long _now = 1_000_000;

    private SecretCache NewCache(int maxEntries = 1000) => new(() => _now) { MaxEntries = maxEntries };

    private static CacheKey Key(string name, string connection = "c1", string? version = null) =>
        new(SecretStoreKind.SecretsManager, connection, name, version, null, null);

    private static SecretReadResult Read(string name, string value, string? version = "v1", string? storedName = null) =>
        SecretReadResult.Success(new SecretReadRequest(name), SecretValue.FromText(value), version) with { StoredName = storedName };

    [Fact]
    public void Serves_a_value_younger_than_the_TTL_and_marks_an_older_one_stale()
    {
        var cache = NewCache();
        cache.Put(Key("a"), Read("a", "one"));
        _now += 4_000;
        var young = cache.Find(Key("a"), TimeSpan.FromSeconds(5));
        Assert.True(young.Fresh);
        Assert.Equal("one", young.Value!.Text);
        _now += 2_000;
        var old = cache.Find(Key("a"), TimeSpan.FromSeconds(5));
        Assert.True(old.Found);
        Assert.False(old.Fresh);
    }

    [Fact]
    public void Drops_entries_past_the_maximum_age_whatever_the_TTL()
    {
        var cache = NewCache();
        cache.Put(Key("a"), Read("a", "one"));
        _now += (long)SecretCache.MaxAge.TotalMilliseconds + 1;
        Assert.False(cache.Find(Key("a"), TimeSpan.FromDays(30)).Found);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Keeps_at_most_MaxEntries_dropping_the_oldest()
    {
        var cache = NewCache(maxEntries: 3);
        foreach (string name in new[] { "a", "b", "c", "d" })
        {
            cache.Put(Key(name), Read(name, name));
            _now += 10;
        }
        Assert.Equal(3, cache.Count);
        Assert.False(cache.Find(Key("a"), TimeSpan.FromHours(1)).Found);
        Assert.True(cache.Find(Key("d"), TimeSpan.FromHours(1)).Found);
    }

    [Fact]
    public void Tells_connections_and_versions_apart()
    {
        var cache = NewCache();
        cache.Put(Key("a", "c1"), Read("a", "east"));
        cache.Put(Key("a", "c2"), Read("a", "west"));
        cache.Put(Key("a", "c1", "ver-1"), Read("a", "old"));
        Assert.Equal("east", cache.Find(Key("a", "c1"), TimeSpan.FromHours(1)).Value!.Text);
        Assert.Equal("west", cache.Find(Key("a", "c2"), TimeSpan.FromHours(1)).Value!.Text);
        Assert.Equal("old", cache.Find(Key("a", "c1", "ver-1"), TimeSpan.FromHours(1)).Value!.Text);
    }

    [Fact]
    public void Invalidating_a_name_drops_it_in_every_connection_and_version_and_by_its_stored_name()
    {
        var cache = NewCache();
        cache.Put(Key("a", "c1"), Read("a", "1"));
        cache.Put(Key("a", "c2", "ver-1"), Read("a", "2"));
        cache.Put(Key("arn:aws:secretsmanager:us-east-1:1:secret:a-AbCdEf"), Read("arn:aws:secretsmanager:us-east-1:1:secret:a-AbCdEf", "3", storedName: "a"));
        cache.Put(Key("b"), Read("b", "4"));
        Assert.Equal(3, cache.Invalidate(SecretStoreKind.SecretsManager, "a"));
        Assert.Equal(0, cache.Invalidate(SecretStoreKind.ParameterStore, "b"));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Renew_restarts_the_TTL()
    {
        var cache = NewCache();
        cache.Put(Key("a"), Read("a", "one"));
        _now += 10_000;
        cache.Renew(Key("a"));
        Assert.True(cache.Find(Key("a"), TimeSpan.FromSeconds(5)).Fresh);
    }

    [Fact]
    public void Sealed_values_hold_no_plain_text_and_are_wiped_when_cleared()
    {
        const string sentinel = "SENTINEL-cache-7f3a9c";
        var sealedValue = SealedValue.Seal(SecretValue.FromText(sentinel));
        byte[] bytes = (byte[])typeof(SealedValue).GetField("_sealed", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(sealedValue)!;
        Assert.DoesNotContain(sentinel, Encoding.UTF8.GetString(bytes));
        Assert.DoesNotContain(sentinel, Encoding.Unicode.GetString(bytes));
        Assert.Equal(sentinel, sealedValue.Open().Text);
        Assert.DoesNotContain(sentinel, sealedValue.ToString());
        sealedValue.Clear();
        Assert.All(bytes, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Round_trips_every_kind_of_value()
    {
        var binary = new byte[] { 0, 1, 2, 255 };
        Assert.Equal(binary, SealedValue.Seal(SecretValue.FromBinary(binary)).Open().Binary);
        var list = SealedValue.Seal(SecretValue.FromStringList("a,b")).Open();
        Assert.Equal(SecretValueKind.StringList, list.Kind);
        Assert.Equal("a,b", list.Text);
        Assert.Equal("", SealedValue.Seal(SecretValue.FromText("")).Open().Text);
    }
}
