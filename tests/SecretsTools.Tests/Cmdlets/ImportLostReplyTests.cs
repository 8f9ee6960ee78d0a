using System.Linq;
using System.Text.Json.Nodes;
using SecretsTools.Model;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.Infrastructure.Proxy;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// An Import-Secret write whose reply is lost (moto applied it, the connection dropped before the
/// answer) is sent again by the SDK: the request token derived from the secret and the version it
/// replaces must make that one version, with no false error. The fault proxy in front of moto drops
/// the reply of the first write.
/// </summary>
public class ImportLostReplyTests
{
    private readonly PowerShellHost _host = new();
    private readonly string _moto = MotoServer.Instance.Endpoint;

    [Theory]
    [InlineData("secretsmanager.CreateSecret")]
    [InlineData("secretsmanager.PutSecretValue")]
    public void A_lost_Secrets_Manager_reply_makes_one_version(string lostOperation)
    {
        string name = MotoServer.UniqueName("implost");
        bool exists = lostOperation.EndsWith("PutSecretValue");
        if (exists) Assert.Empty(_host.Run($"Set-Secret sm:{name}/db -Secret 'old value' -Confirm:$false").Errors);
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule(lostOperation, CallSchedule.First(1), FaultKind.DropAfterForward)] });

        var run = _host.Run($"Import-Secret -InputObject @{{ db = 'the value' }} -Prefix 'sm:{name}/' -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        Assert.Empty(run.Errors);
        Assert.Equal(exists ? SecretImportOutcome.Updated : SecretImportOutcome.Created, ((SecretImportResult)run.Output.Single()!).Outcome);
        Assert.Equal(1, proxy.CountsFor(lostOperation).DroppedAfterForward);
        var described = MotoApi.CallAsync(_moto, "secretsmanager", "DescribeSecret", new JsonObject { ["SecretId"] = $"{name}/db" }).GetAwaiter().GetResult()!;
        Assert.Equal(exists ? 2 : 1, described["VersionIdsToStages"]!.AsObject().Count);
        var value = MotoApi.CallAsync(_moto, "secretsmanager", "GetSecretValue", new JsonObject { ["SecretId"] = $"{name}/db" }).GetAwaiter().GetResult()!;
        Assert.Equal("the value", value["SecretString"]!.GetValue<string>());
    }

    [Fact]
    public void A_lost_Parameter_Store_create_reply_makes_one_version()
    {
        string name = MotoServer.UniqueName("implost");
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule("AmazonSSM.PutParameter", CallSchedule.First(1), FaultKind.DropAfterForward)] });

        var run = _host.Run($"Import-Secret -InputObject @{{ db = 'ps value' }} -Prefix 'ssm:/{name}/' -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        Assert.Empty(run.Errors);
        Assert.Equal(SecretImportOutcome.Created, ((SecretImportResult)run.Output.Single()!).Outcome);
        Assert.Equal(1, proxy.CountsFor("AmazonSSM.PutParameter").DroppedAfterForward);
        var parameter = MotoApi.CallAsync(_moto, "ssm", "GetParameter", new JsonObject { ["Name"] = $"/{name}/db", ["WithDecryption"] = true }).GetAwaiter().GetResult()!["Parameter"]!;
        Assert.Equal(1, parameter["Version"]!.GetValue<int>());
        Assert.Equal("ps value", parameter["Value"]!.GetValue<string>());
    }
}
