using System.Linq;
using SecretsTools.Tests.Infrastructure.Proxy;
using Xunit;

namespace SecretsTools.Tests.Infrastructure.ProxyTests;

public class CallScheduleTests
{
    [Fact]
    public void Deterministic_schedules_pick_the_call_numbers_they_name()
    {
        Assert.Equal(new long[] { 1, 2, 3 }, CallSchedule.First(3).Among(10));
        Assert.Equal(new long[] { 3, 6, 9 }, CallSchedule.EveryNth(3).Among(10));
        Assert.Equal(new long[] { 3, 7 }, CallSchedule.Calls(3, 7).Among(10));
        Assert.Equal(10, CallSchedule.Always.Among(10).Count);
    }

    [Fact]
    public void A_seeded_schedule_is_reproducible_and_near_its_probability()
    {
        var picked = CallSchedule.Random(0.3, seed: 42).Among(2000);

        Assert.Equal(picked, CallSchedule.Random(0.3, seed: 42).Among(2000));
        Assert.NotEqual(picked, CallSchedule.Random(0.3, seed: 43).Among(2000));
        Assert.InRange(picked.Count, 0.3 * 2000 * 0.85, 0.3 * 2000 * 1.15);
        Assert.Empty(CallSchedule.Random(0, seed: 1).Among(500));
        Assert.Equal(500, CallSchedule.Random(1, seed: 1).Among(500).Count);
    }

    [Fact]
    public void Nearby_seeds_do_not_pick_nearby_calls()
    {
        // A weak mix of (seed, call) would make seed s+1 a shifted copy of seed s.
        var a = CallSchedule.Random(0.5, seed: 1).Among(200);
        var b = CallSchedule.Random(0.5, seed: 2).Among(200);
        Assert.InRange(a.Intersect(b).Count(), 25, 75);
    }
}
