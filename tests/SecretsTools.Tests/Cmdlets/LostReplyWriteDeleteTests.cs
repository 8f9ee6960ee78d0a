using System.Linq;
using System.Text.Json.Nodes;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.Infrastructure.Proxy;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// Writes and deletes whose replies are lost (moto acted, the connection dropped before the answer)
/// through the fault proxy: no extra Parameter Store versions, no false "already exists" or "not
/// found". Counts: every write makes exactly one version, every delete is reported deleted.
/// </summary>
public class LostReplyWriteDeleteTests
{
    private const int Writes = 20;
    private readonly PowerShellHost _host = new();
    private readonly string _moto = MotoServer.Instance.Endpoint;

    private JsonNode Parameter(string name) =>
        MotoApi.CallAsync(_moto, "ssm", "GetParameter", new JsonObject { ["Name"] = name, ["WithDecryption"] = true }).GetAwaiter().GetResult()!["Parameter"]!;

    private bool ParameterExists(string name) =>
        MotoApi.CallAsync(_moto, "ssm", "GetParameters", new JsonObject { ["Names"] = new JsonArray(name) }).GetAwaiter().GetResult()!["Parameters"]!.AsArray().Count == 1;

    [Fact]
    public void Parameter_Store_writes_with_lost_replies_make_one_version_each()
    {
        string name = "/" + MotoServer.UniqueName("lostw") + "/p";
        Assert.Empty(_host.Run($"Set-Secret ssm:{name} -Secret 'v0' -Confirm:$false").Errors);
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule("AmazonSSM.PutParameter", CallSchedule.Random(0.3, seed: 12), FaultKind.DropAfterForward)] });

        var run = _host.Run($"1..{Writes} | ForEach-Object {{ Set-Secret ssm:{name} -Secret \"v$_\" -EndpointUrl '{proxy.Endpoint}' -Confirm:$false }}");

        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        Assert.True(proxy.CountsFor("AmazonSSM.PutParameter").DroppedAfterForward >= 3, "the schedule must drop some replies");
        var parameter = Parameter(name);
        Assert.Equal(1 + Writes, parameter["Version"]!.GetValue<int>()); // extra versions: 0
        Assert.Equal($"v{Writes}", parameter["Value"]!.GetValue<string>());
    }

    [Fact]
    public void Parameter_Store_writes_answered_500_after_they_were_applied_make_one_version_each()
    {
        // Without the check the SDK resends a 5xx'd PutParameter: a second version per fault.
        string name = "/" + MotoServer.UniqueName("lost5") + "/p";
        Assert.Empty(_host.Run($"Set-Secret ssm:{name} -Secret 'v0' -Confirm:$false").Errors);
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule("AmazonSSM.PutParameter", CallSchedule.Random(0.3, seed: 5), FaultKind.Status500AfterForward)] });

        var run = _host.Run($"1..{Writes} | ForEach-Object {{ Set-Secret ssm:{name} -Secret \"v$_\" -EndpointUrl '{proxy.Endpoint}' -Confirm:$false }}");

        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        Assert.True(proxy.CountsFor("AmazonSSM.PutParameter").Status500 >= 3, "the schedule must fault some writes");
        var parameter = Parameter(name);
        Assert.Equal(1 + Writes, parameter["Version"]!.GetValue<int>()); // extra versions: 0
        Assert.Equal($"v{Writes}", parameter["Value"]!.GetValue<string>());
    }

    [Fact]
    public void A_Parameter_Store_write_answered_500_before_it_was_applied_is_sent_again()
    {
        string name = "/" + MotoServer.UniqueName("lost5b") + "/p";
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule("AmazonSSM.PutParameter", CallSchedule.First(2), FaultKind.Status500)] });

        var run = _host.Run($"Set-Secret ssm:{name} -Secret 'late' -NoClobber -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        Assert.Empty(run.Errors);
        Assert.Equal(3, proxy.CountsFor("AmazonSSM.PutParameter").Seen);
        Assert.Equal("late", Parameter(name)["Value"]!.GetValue<string>());
    }

    [Fact]
    public void A_Parameter_Store_write_answered_500_every_time_is_that_name_s_error_not_the_session_s()
    {
        string name = "/" + MotoServer.UniqueName("lost5c") + "/p";
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule("AmazonSSM.PutParameter", CallSchedule.Always, FaultKind.Status500)] });

        var run = _host.Run($"Set-Secret ssm:{name}/a -Secret 'x' -EndpointUrl '{proxy.Endpoint}' -Confirm:$false; Set-Secret ssm:{name}/b -Secret 'x' -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        Assert.Null(run.Terminating);
        Assert.Equal(2, run.Errors.Count);
        Assert.Equal(8, proxy.CountsFor("AmazonSSM.PutParameter").Seen); // ParameterStoreLimits.LostReplyAttempts sends each
    }

    [Fact]
    public void Secrets_Manager_writes_with_lost_replies_make_one_version_each()
    {
        string name = MotoServer.UniqueName("lostsmw");
        Assert.Empty(_host.Run($"Set-Secret sm:{name} -Secret 'v0' -Confirm:$false").Errors);
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule("secretsmanager.PutSecretValue", CallSchedule.Random(0.3, seed: 12), FaultKind.DropAfterForward)] });

        var run = _host.Run($"1..{Writes} | ForEach-Object {{ Set-Secret sm:{name} -Secret \"v$_\" -EndpointUrl '{proxy.Endpoint}' -Confirm:$false }}");

        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        Assert.True(proxy.CountsFor("secretsmanager.PutSecretValue").DroppedAfterForward >= 3, "the schedule must drop some replies");
        var versions = MotoApi.CallAsync(_moto, "secretsmanager", "ListSecretVersionIds", new JsonObject { ["SecretId"] = name, ["IncludeDeprecated"] = true }).GetAwaiter().GetResult()!["Versions"]!.AsArray();
        Assert.Equal(1 + Writes, versions.Count); // the request token makes a resend the same version
    }

    [Fact]
    public void NoClobber_recognises_its_own_create_after_a_lost_reply()
    {
        string name = "/" + MotoServer.UniqueName("lostnc") + "/p";
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule("AmazonSSM.PutParameter", CallSchedule.First(1), FaultKind.DropAfterForward)] });

        var run = _host.Run($"Set-Secret ssm:{name} -Secret 'mine' -NoClobber -Tag @{{ team = 'a' }} -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        Assert.Empty(run.Errors);
        Assert.Equal(1, proxy.CountsFor("AmazonSSM.PutParameter").DroppedAfterForward);
        Assert.Equal(1, Parameter(name)["Version"]!.GetValue<int>());
        // and -NoClobber still refuses someone else's value
        var again = _host.Run($"Set-Secret ssm:{name} -Secret 'other' -NoClobber -Confirm:$false");
        Assert.Equal("SecretAlreadyExists", again.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void Single_deletes_with_lost_replies_are_reported_deleted()
    {
        string stem = "/" + MotoServer.UniqueName("lostd");
        var names = Enumerable.Range(1, 10).Select(i => $"{stem}/p{i}").ToList();
        foreach (var n in names) Assert.Empty(_host.Run($"Set-Secret ssm:{n} -Secret 'x' -Confirm:$false").Errors);
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule("AmazonSSM.DeleteParameters", CallSchedule.EveryNth(2), FaultKind.DropAfterForward)] });

        var run = _host.Run(string.Join("; ", names.Select(n => $"Remove-Secret ssm:{n} -EndpointUrl '{proxy.Endpoint}' -Confirm:$false")));

        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors); // false errors: 0
        Assert.True(proxy.CountsFor("AmazonSSM.DeleteParameters").DroppedAfterForward >= 5);
        Assert.All(names, n => Assert.False(ParameterExists(n)));
    }

    [Fact]
    public void A_batch_delete_with_a_lost_reply_reports_every_name_deleted_and_a_missing_one_still_missing()
    {
        string stem = "/" + MotoServer.UniqueName("lostb");
        var names = Enumerable.Range(1, 10).Select(i => $"{stem}/p{i}").ToList();
        foreach (var n in names) Assert.Empty(_host.Run($"Set-Secret ssm:{n} -Secret 'x' -Confirm:$false").Errors);
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule("AmazonSSM.DeleteParameters", CallSchedule.First(1), FaultKind.DropAfterForward)] });

        var run = _host.Run($"Remove-Secret {string.Join(",", names.Select(n => $"'ssm:{n}'"))} -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");
        var missing = _host.Run($"Remove-Secret 'ssm:{stem}/never' -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        Assert.Empty(run.Errors);
        Assert.Equal(1, proxy.CountsFor("AmazonSSM.DeleteParameters").DroppedAfterForward);
        Assert.All(names, n => Assert.False(ParameterExists(n)));
        Assert.Equal("SecretNotFound", missing.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void A_delete_answered_500_after_it_was_applied_is_reported_deleted()
    {
        string name = "/" + MotoServer.UniqueName("lost5d") + "/p";
        Assert.Empty(_host.Run($"Set-Secret ssm:{name} -Secret 'x' -Confirm:$false").Errors);
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule("AmazonSSM.DeleteParameters", CallSchedule.First(1), FaultKind.Status500AfterForward)] });

        var run = _host.Run($"Remove-Secret ssm:{name} -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        Assert.False(ParameterExists(name));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_Secrets_Manager_delete_with_a_lost_reply_is_reported_deleted(bool withoutRecovery)
    {
        string name = MotoServer.UniqueName("lostsm");
        Assert.Empty(_host.Run($"Set-Secret sm:{name} -Secret 'x' -Confirm:$false").Errors);
        using var proxy = new FaultProxy(_moto, new FaultProxyOptions { Faults = [new FaultRule("secretsmanager.DeleteSecret", CallSchedule.First(1), FaultKind.DropAfterForward)] });

        var run = _host.Run($"Remove-Secret sm:{name} {(withoutRecovery ? "-WithoutRecovery" : "")} -EndpointUrl '{proxy.Endpoint}' -Confirm:$false");

        Assert.Null(run.Terminating);
        Assert.Empty(run.Errors);
        Assert.Equal(1, proxy.CountsFor("secretsmanager.DeleteSecret").DroppedAfterForward);
    }
}
