using System;
using SecretsTools.CallPolicy;
using Xunit;

namespace SecretsTools.Tests.CallPolicy;

/// <summary>The limiter's arithmetic on a clock the test moves by hand.</summary>
public class AdaptiveRateLimiterTests
{
    private double _now;

    private AdaptiveRateLimiter Limiter(double rate) => new(rate, () => _now);

    [Fact]
    public void Allows_a_burst_of_one_second_then_spaces_calls_at_the_rate()
    {
        var limiter = Limiter(10);
        for (int i = 0; i < 10; i++) Assert.Equal(TimeSpan.Zero, limiter.Reserve());
        Assert.Equal(0.1, limiter.Reserve().TotalSeconds, 3);
        Assert.Equal(0.2, limiter.Reserve().TotalSeconds, 3);
        _now += 0.2; // the two reserved calls are due now: the next waits its turn
        Assert.Equal(0.1, limiter.Reserve().TotalSeconds, 3);
    }

    [Fact]
    public void Halves_on_throttling_and_climbs_back_to_the_quota_on_success_never_above()
    {
        var limiter = Limiter(50);
        limiter.OnThrottled();
        Assert.Equal(25, limiter.Rate);
        limiter.OnThrottled();
        Assert.Equal(12.5, limiter.Rate);
        for (int i = 0; i < 100; i++) limiter.OnSuccess();
        Assert.Equal(50, limiter.Rate);
    }

    [Fact]
    public void Never_stops_altogether()
    {
        var limiter = Limiter(3);
        for (int i = 0; i < 50; i++) limiter.OnThrottled();
        Assert.Equal(0.5, limiter.Rate);
    }

    [Fact]
    public void After_throttling_there_is_no_burst()
    {
        var limiter = Limiter(10);
        limiter.OnThrottled();
        Assert.True(limiter.Reserve() > TimeSpan.Zero);
    }

    [Fact]
    public void Families_share_a_quota_where_AWS_does()
    {
        var policy = new SecretsTools.CallPolicy.CallPolicy("SSM");
        Assert.Same(policy.For("GetParameters"), policy.For("GetParametersByPath"));
        Assert.NotSame(policy.For("GetParameters"), policy.For("PutParameter"));
        Assert.Equal(3, policy.For("PutParameter").Rate);
        Assert.Equal(50, new SecretsTools.CallPolicy.CallPolicy("SecretsManager").For("CreateSecret").Rate);
    }
}
