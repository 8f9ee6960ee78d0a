using System;
using System.Diagnostics;
using System.Management.Automation;
using SecretsTools.Tests.Infrastructure;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

public class CancellationTests
{
    [Theory]
    [InlineData("Get-Secret ssm:/stuck/name")]
    [InlineData("Get-SecretInfo -Store ParameterStore")]
    [InlineData("Get-Secret sm:stuck")]
    // The parallel cores: Ctrl+C must reach work running on the thread pool too.
    [InlineData("Copy-Secret sm:stuck/a, sm:stuck/b, sm:stuck/c -DestinationStore ParameterStore -Confirm:$false")]
    [InlineData("[SecretsTools.Model.SecretMigrationPlanItem]@{ SourceNames = '/stuck/a'; DestinationName = 'stuck-a' } | Invoke-SecretMigration -Confirm:$false")]
    public void Stopping_the_pipeline_cancels_a_stuck_AWS_call_promptly(string command)
    {
        _ = MotoServer.Instance; // standard AWS variables (credentials, region)
        using var stuck = new HangingServer();
        using var host = new PowerShellHost();
        using var ps = host.Start($"{command} -EndpointUrl {stuck.Endpoint}", out var handle);

        Assert.False(handle.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(1)), "the call should still be waiting on the stuck endpoint");
        var watch = Stopwatch.StartNew();
        ps.Stop(); // what Ctrl+C does
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Stop took {watch.Elapsed}; the SDK's own timeout is 100 s");
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
    }
}
