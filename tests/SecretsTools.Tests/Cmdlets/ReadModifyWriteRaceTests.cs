using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.Infrastructure.Proxy;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// Set-Secret NAME#field reads, changes a key and writes. When another client writes in between,
/// that write's changes are lost: the cmdlet must say so, naming the versions. A proxy in front of
/// moto_server lands the other client's write right before ours, every time.
/// </summary>
public class ReadModifyWriteRaceTests
{
    private readonly PowerShellHost _host = new();
    private readonly string _moto = MotoServer.Instance.Endpoint;

    [Fact]
    public void A_write_between_the_read_and_the_write_is_reported_on_Secrets_Manager()
    {
        string name = MotoServer.UniqueName("race");
        Assert.Empty(_host.Run($"Set-Secret sm:{name} -Secret @{{ a = '1'; b = '1' }} -Confirm:$false").Errors);
        string versionRead = Current(name);
        using var proxy = new InterceptingProxy(_moto);
        int injected = 0;
        string? otherVersion = null;
        proxy.BeforeForward = async target =>
        {
            if (target != "secretsmanager.PutSecretValue" || Interlocked.Exchange(ref injected, 1) == 1) return;
            var other = await MotoApi.CallAsync(_moto, "secretsmanager", "PutSecretValue", new JsonObject { ["SecretId"] = name, ["SecretString"] = "{\"a\":\"1\",\"b\":\"2\"}" });
            otherVersion = other!["VersionId"]!.GetValue<string>();
        };

        var run = _host.Run($"Set-Secret 'sm:{name}#a' -Secret '9' -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        Assert.Empty(run.Errors);
        Assert.Equal(1, injected);
        string warning = Assert.Single(run.Warnings);
        Assert.Contains($"version {versionRead}", warning);
        Assert.Contains($"replaced version {otherVersion}", warning);
        Assert.Contains(name, warning);
        Assert.DoesNotContain("\"b\"", warning); // versions and names only, no values
    }

    [Fact]
    public void No_warning_when_nothing_came_in_between_on_Secrets_Manager()
    {
        string name = MotoServer.UniqueName("race");
        Assert.Empty(_host.Run($"Set-Secret sm:{name} -Secret @{{ a = '1' }} -Confirm:$false").Errors);
        using var proxy = new InterceptingProxy(_moto);
        var run = _host.Run($"Set-Secret 'sm:{name}#a' -Secret '2' -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");
        Assert.Empty(run.Errors);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void A_write_between_the_read_and_the_write_is_reported_on_Parameter_Store()
    {
        string name = "/" + MotoServer.UniqueName("race") + "/cfg";
        Assert.Empty(_host.Run($"Set-Secret ssm:{name} -Secret @{{ a = '1' }} -Confirm:$false").Errors);
        using var proxy = new InterceptingProxy(_moto);
        int injected = 0;
        proxy.BeforeForward = async target =>
        {
            if (target != "AmazonSSM.PutParameter" || Interlocked.Exchange(ref injected, 1) == 1) return;
            await MotoApi.CallAsync(_moto, "ssm", "PutParameter", new JsonObject
            {
                ["Name"] = name, ["Value"] = "{\"a\":\"1\",\"c\":\"3\"}", ["Type"] = "SecureString", ["Overwrite"] = true,
            });
        };

        var run = _host.Run($"Set-Secret -Merge @{{ a = '2' }} -Name 'ssm:{name}' -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        Assert.Empty(run.Errors);
        string warning = Assert.Single(run.Warnings);
        Assert.Contains("changed on version 1", warning);
        Assert.Contains("new version 3 replaced version 2", warning);
    }

    private string Current(string name)
    {
        var d = MotoApi.CallAsync(_moto, "secretsmanager", "DescribeSecret", new JsonObject { ["SecretId"] = name }).GetAwaiter().GetResult();
        return d!["VersionIdsToStages"]!.AsObject().First(v => v.Value!.AsArray().Any(s => s!.GetValue<string>() == "AWSCURRENT")).Key;
    }
}
