using System.Linq;
using System.Text.Json.Nodes;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.Infrastructure.Proxy;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// A write whose reply is lost (moto applied it, the connection dropped before the answer) is sent
/// again by the SDK: Copy-Secret must end with exactly one version and no false error. The fault
/// proxy in front of moto drops the reply of the first write of the destination.
/// </summary>
public class CopyLostReplyTests
{
    private readonly PowerShellHost _host = new();
    private readonly string _moto = MotoServer.Instance.Endpoint;

    [Theory]
    [InlineData("secretsmanager.CreateSecret")]
    [InlineData("secretsmanager.PutSecretValue")]
    public void A_lost_Secrets_Manager_reply_makes_one_version(string lostOperation)
    {
        string name = MotoServer.UniqueName("lost");
        bool exists = lostOperation.EndsWith("PutSecretValue");
        Assert.Empty(_host.Run($"Set-Secret ssm:/{name}/src -Secret 'the value' -Confirm:$false").Errors);
        if (exists) Assert.Empty(_host.Run($"Set-Secret sm:{name}/src -Secret 'old value' -Confirm:$false").Errors);
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule(lostOperation, CallSchedule.First(1), FaultKind.DropAfterForward)] });

        var run = _host.Run($"Copy-Secret ssm:/{name}/src -DestinationStore SecretsManager -DestinationEndpointUrl '{proxy.Endpoint}' -Force -Confirm:$false");

        Assert.Empty(run.Errors);
        Assert.Equal(exists ? "Updated" : "Created", ((SecretsTools.Model.SecretCopyResult)run.Output.Single()!).Status.ToString());
        Assert.Equal(1, proxy.CountsFor(lostOperation).DroppedAfterForward);
        var described = MotoApi.CallAsync(_moto, "secretsmanager", "DescribeSecret", new JsonObject { ["SecretId"] = $"{name}/src" }).GetAwaiter().GetResult()!;
        Assert.Equal(exists ? 2 : 1, described["VersionIdsToStages"]!.AsObject().Count);
        var value = MotoApi.CallAsync(_moto, "secretsmanager", "GetSecretValue", new JsonObject { ["SecretId"] = $"{name}/src" }).GetAwaiter().GetResult()!;
        Assert.Equal("the value", value["SecretString"]!.GetValue<string>());
    }

    [Fact]
    public void A_lost_Parameter_Store_reply_makes_one_version()
    {
        string name = MotoServer.UniqueName("lost");
        Assert.Empty(_host.Run($"Set-Secret sm:{name}-src -Secret 'ps value' -Confirm:$false").Errors);
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule("AmazonSSM.PutParameter", CallSchedule.First(1), FaultKind.DropAfterForward)] });

        var run = _host.Run($"Copy-Secret sm:{name}-src -Destination 'ssm:/{name}/dst' -DestinationEndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        Assert.Empty(run.Errors);
        Assert.Equal("Created", ((SecretsTools.Model.SecretCopyResult)run.Output.Single()!).Status.ToString());
        Assert.Equal(1, proxy.CountsFor("AmazonSSM.PutParameter").DroppedAfterForward);
        var parameter = MotoApi.CallAsync(_moto, "ssm", "GetParameter", new JsonObject { ["Name"] = $"/{name}/dst", ["WithDecryption"] = true }).GetAwaiter().GetResult()!["Parameter"]!;
        Assert.Equal(1, parameter["Version"]!.GetValue<int>());
        Assert.Equal("ps value", parameter["Value"]!.GetValue<string>());
    }
}
