using System;
using SecretsTools.Tests.Infrastructure.Proxy;
using Xunit;

namespace SecretsTools.Tests.Infrastructure.ProxyTests;

/// <summary>The bucket's arithmetic on a clock the test moves, so the figures are exact.</summary>
public class TokenBucketTests
{
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;
        public override long TimestampFrequency => 1_000_000;
        public override long GetTimestamp() => _ticks;
        public void Advance(TimeSpan by) => _ticks += (long)(by.TotalSeconds * TimestampFrequency);
    }

    [Fact]
    public void Starts_full_and_refuses_the_call_after_the_burst()
    {
        var bucket = new TokenBucket(10, burst: 5, new ManualClock());
        for (int i = 0; i < 5; i++) Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }

    [Fact]
    public void Refills_one_token_per_one_over_rate_seconds()
    {
        var clock = new ManualClock();
        var bucket = new TokenBucket(10, burst: 1, clock);
        Assert.True(bucket.TryTake());
        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(bucket.TryTake());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }

    [Fact]
    public void Grants_the_burst_plus_rate_times_time_to_a_caller_that_never_stops()
    {
        var clock = new ManualClock();
        var bucket = new TokenBucket(50, burst: 50, clock);
        int granted = 0;
        for (int ms = 0; ms < 20_000; ms++) // 20 s, a call every millisecond
        {
            if (bucket.TryTake()) granted++;
            clock.Advance(TimeSpan.FromMilliseconds(1));
        }
        Assert.InRange(granted, 50 + 50 * 20 - 1, 50 + 50 * 20);
    }

    [Fact]
    public void A_long_quiet_spell_saves_no_more_than_the_burst()
    {
        var clock = new ManualClock();
        var bucket = new TokenBucket(3, burst: 3, clock);
        clock.Advance(TimeSpan.FromHours(1));
        int granted = 0;
        while (bucket.TryTake()) granted++;
        Assert.Equal(3, granted);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(1, 0.5)]
    public void Rejects_a_rate_or_burst_that_could_never_admit_a_call(double rate, double burst)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(rate, burst));
    }
}
