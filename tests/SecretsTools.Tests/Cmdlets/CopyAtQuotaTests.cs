using System.Linq;
using System.Text.Json.Nodes;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.Infrastructure.Proxy;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// Parallel copies against a proxy that enforces the AWS default quotas: the call policy paces
/// the writes so that nothing fails, and throttled replies stay rare. Counts are asserted, not time.
/// </summary>
public class CopyAtQuotaTests
{
    private readonly PowerShellHost _host = new();
    private readonly string _moto = MotoServer.Instance.Endpoint;

    [Fact]
    public void Copies_into_Parameter_Store_at_its_3_writes_a_second_lose_nothing()
    {
        string stem = MotoServer.UniqueName("quota");
        var names = Enumerable.Range(1, 9).Select(i => $"{stem}-s{i}").ToArray();
        Assert.Empty(_host.Run("$names | ForEach-Object { Set-Secret \"sm:$_\" -Secret \"v-$_\" -Confirm:$false }", new() { ["names"] = names }).Errors);
        using var proxy = new FaultProxy(_moto, FaultProxyOptions.AtAwsQuotas());

        var run = _host.Run($"Copy-Secret -Name $names -Store SecretsManager -DestinationStore ParameterStore -DestinationPrefix /{stem} -ThrottleLimit 8 -DestinationEndpointUrl '{proxy.Endpoint}' -Confirm:$false",
            new() { ["names"] = names });

        Assert.Empty(run.Errors);
        Assert.Equal(9, run.Output.Count);
        var puts = proxy.CountsFor("AmazonSSM.PutParameter");
        Assert.Equal(9, puts.Forwarded);
        Assert.True(puts.Throttled <= 3, $"{puts.Throttled} PutParameter calls were throttled");
        foreach (string n in names)
        {
            var p = MotoApi.CallAsync(_moto, "ssm", "GetParameter", new JsonObject { ["Name"] = $"/{stem}/{n}", ["WithDecryption"] = true }).GetAwaiter().GetResult()!["Parameter"]!;
            Assert.Equal($"v-{n}", p["Value"]!.GetValue<string>());
            Assert.Equal(1, p["Version"]!.GetValue<int>());
        }
    }
}
