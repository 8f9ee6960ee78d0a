using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Tests.Infrastructure.Proxy;
using Xunit;
using Xunit.Abstractions;

namespace SecretsTools.Tests.Infrastructure.ProxyTests;

/// <summary>The proxy's token buckets answer calls over the rate the way AWS does, and our clients read them as throttling.</summary>
public class FaultProxyThrottlingTests(ITestOutputHelper output)
{
    private const string CreateSecret = "secretsmanager.CreateSecret";
    private readonly string _moto = MotoServer.Instance.Endpoint;

    // A rate so low that no token comes back while a test runs: what passes is exactly the burst.
    private const double Trickle = 0.001;

    [Fact]
    public async Task A_Secrets_Manager_call_over_the_rate_is_a_ThrottlingException_that_never_reaches_moto()
    {
        // The defaults, then a slower CreateSecret: the last quota listing an operation wins.
        using var proxy = new FaultProxy(_moto, new() { Quotas = [.. AwsQuotas.Defaults, new Quota("slow CreateSecret", Trickle, CreateSecret) { Burst = 1 }] });
        using var client = ProxyClients.SecretsManager(proxy);
        string first = MotoServer.UniqueName("thr"), second = MotoServer.UniqueName("thr");

        await client.CreateSecretAsync(new CreateSecretRequest { Name = first, SecretString = "v" });
        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.CreateSecretAsync(new CreateSecretRequest { Name = second, SecretString = "v" }));

        Assert.Equal("ThrottlingException", ex.ErrorCode);
        Assert.Equal("Rate exceeded", ex.Message);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.False(string.IsNullOrEmpty(ex.RequestId));
        Assert.Equal(new OperationCounts(2, 1, 1, 0, 0, 0, 0, 0), proxy.CountsFor(CreateSecret));
        await MotoApi.CallAsync(_moto, "secretsmanager", "DescribeSecret", new JsonObject { ["SecretId"] = first });
        await Assert.ThrowsAsync<HttpRequestException>(() => MotoApi.CallAsync(_moto, "secretsmanager", "DescribeSecret", new JsonObject { ["SecretId"] = second }));
    }

    [Fact]
    public async Task The_GetParameter_family_draws_on_one_bucket()
    {
        var family = AwsQuotas.ParameterStore.Single(q => q.Operations.Contains("AmazonSSM.GetParametersByPath"));
        using var proxy = new FaultProxy(_moto, new() { Quotas = [family with { RatePerSecond = Trickle, Burst = 2 }] });
        using var ssm = ProxyClients.Ssm(proxy);
        string name = "/" + MotoServer.UniqueName("thr") + "/p";
        await MotoApi.CallAsync(_moto, "ssm", "PutParameter", new JsonObject { ["Name"] = name, ["Value"] = "v", ["Type"] = "String" });

        await ssm.GetParameterAsync(new GetParameterRequest { Name = name });
        await ssm.GetParametersAsync(new GetParametersRequest { Names = [name] });
        var ex = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() =>
            ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = name[..name.LastIndexOf('/')] }));

        Assert.Equal("ThrottlingException", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(1, proxy.CountsFor("AmazonSSM.GetParameter").Forwarded);
        Assert.Equal(1, proxy.CountsFor("AmazonSSM.GetParameters").Forwarded);
        Assert.Equal(1, proxy.CountsFor("AmazonSSM.GetParametersByPath").Throttled);
        // Operations outside every quota are not limited.
        for (int i = 0; i < 5; i++) await ssm.DescribeParametersAsync(new DescribeParametersRequest { MaxResults = 1 });
        Assert.Equal(5, proxy.CountsFor("AmazonSSM.DescribeParameters").Forwarded);
    }

    [Fact]
    public async Task PutParameter_over_the_rate_can_answer_TooManyUpdates_and_writes_nothing()
    {
        var puts = AwsQuotas.ParameterStore.Single(q => q.Operations.Contains("AmazonSSM.PutParameter"));
        Assert.Equal(3, puts.RatePerSecond);
        using var proxy = new FaultProxy(_moto, new() { Quotas = [puts with { RatePerSecond = Trickle, Burst = 1, ErrorCode = Quota.TooManyUpdates }] });
        using var ssm = ProxyClients.Ssm(proxy);
        string name = "/" + MotoServer.UniqueName("thr") + "/p";

        await ssm.PutParameterAsync(new PutParameterRequest { Name = name, Value = "one", Type = ParameterType.String });
        var ex = await Assert.ThrowsAsync<TooManyUpdatesException>(() =>
            ssm.PutParameterAsync(new PutParameterRequest { Name = name, Value = "two", Type = ParameterType.String, Overwrite = true }));

        Assert.Equal("TooManyUpdates", ex.ErrorCode);
        var stored = await MotoApi.CallAsync(_moto, "ssm", "GetParameter", new JsonObject { ["Name"] = name });
        Assert.Equal("one", stored!["Parameter"]!["Value"]!.GetValue<string>());
        Assert.Equal(1, stored["Parameter"]!["Version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Set_Secret_retries_scheduled_throttling_and_one_CreateSecret_reaches_moto()
    {
        using var proxy = new FaultProxy(_moto, new() { Faults = [new FaultRule(CreateSecret, CallSchedule.First(2), FaultKind.Throttle)] });
        using var host = new PowerShellHost();
        string name = MotoServer.UniqueName("thr");

        var run = host.Run($"Set-Secret sm:{name} -Secret 'v1' -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        Assert.Empty(run.Errors);
        var counts = proxy.CountsFor(CreateSecret);
        Assert.Equal((3, 2, 1), (counts.Seen, counts.Throttled, counts.Forwarded));
        var stored = await MotoApi.CallAsync(_moto, "secretsmanager", "GetSecretValue", new JsonObject { ["SecretId"] = name });
        Assert.Equal("v1", stored!["SecretString"]!.GetValue<string>());
    }

    [Fact]
    public void Set_Secret_reports_throttling_that_outlasts_the_retries_as_Throttled()
    {
        using var proxy = new FaultProxy(_moto, new() { Faults = [new FaultRule(CreateSecret, CallSchedule.Always, FaultKind.Throttle)] });
        using var host = new PowerShellHost();
        string name = MotoServer.UniqueName("thr");

        var run = host.Run($"Set-Secret sm:{name} -Secret 'v1' -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        var error = Assert.Single(run.Errors);
        Assert.Equal("Throttled", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(0, proxy.CountsFor(CreateSecret).Forwarded);
        Assert.True(proxy.CountsFor(CreateSecret).Throttled > 1, "the SDK retries throttling");
    }

    [Fact]
    public async Task A_bucket_holds_its_rate_under_concurrent_demand()
    {
        const string op = "secretsmanager.GetRandomPassword";
        const double rate = 20, burst = 5;
        using var proxy = new FaultProxy(_moto, new() { Quotas = [new Quota("test", rate, op) { Burst = burst }] });
        // Raw HTTP, not our client: its own call policy would slow down on the first throttled reply,
        // and this test is about the proxy's bucket under demand above its rate.
        await MotoApi.CallAsync(proxy.Endpoint, "secretsmanager", "ListSecrets", new System.Text.Json.Nodes.JsonObject { ["MaxResults"] = 1 });
        int passed = 0, throttled = 0;
        var window = TimeSpan.FromSeconds(2);
        var clock = Stopwatch.StartNew();

        async Task Caller()
        {
            while (clock.Elapsed < window)
            {
                try { await MotoApi.CallAsync(proxy.Endpoint, "secretsmanager", "GetRandomPassword", new System.Text.Json.Nodes.JsonObject { ["PasswordLength"] = 8 }); Interlocked.Increment(ref passed); }
                catch (System.Net.Http.HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.BadRequest) { Interlocked.Increment(ref throttled); }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Caller)));
        double elapsed = clock.Elapsed.TotalSeconds;

        var counts = proxy.CountsFor(op);
        output.WriteLine($"{counts.Forwarded} forwarded, {counts.Throttled} throttled in {elapsed:F2} s: " +
                         $"{(counts.Forwarded - burst) / elapsed:F1}/s beyond the burst against {rate}/s");
        Assert.Equal((passed, throttled), ((int)counts.Forwarded, (int)counts.Throttled));
        Assert.True(throttled > passed, "the callers asked for more than the rate");
        // Never above the bucket's bound; below it only by what a loaded machine loses (generous).
        Assert.InRange(counts.Forwarded, 0.5 * rate * window.TotalSeconds, burst + rate * elapsed + 1);
    }
}
