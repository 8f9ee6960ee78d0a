using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Tests.Infrastructure.Proxy;
using Xunit;

namespace SecretsTools.Tests.Infrastructure.ProxyTests;

/// <summary>Scheduled faults: what the client sees, and what moto_server was (or was not) asked to do.</summary>
public class FaultProxyFaultTests
{
    private const string PutSecretValue = "secretsmanager.PutSecretValue";
    private readonly string _moto = MotoServer.Instance.Endpoint;

    private async Task<string> NewSecretAsync(string value)
    {
        string name = MotoServer.UniqueName("flt");
        await MotoApi.CallAsync(_moto, "secretsmanager", "CreateSecret", new JsonObject { ["Name"] = name, ["SecretString"] = value });
        return name;
    }

    private async Task<(string Value, int Versions)> StoredAsync(string name)
    {
        var value = await MotoApi.CallAsync(_moto, "secretsmanager", "GetSecretValue", new JsonObject { ["SecretId"] = name });
        var versions = await MotoApi.CallAsync(_moto, "secretsmanager", "ListSecretVersionIds", new JsonObject { ["SecretId"] = name });
        return (value!["SecretString"]!.GetValue<string>(), versions!["Versions"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_drop_after_forwarding_applies_the_write_and_loses_the_reply()
    {
        string name = await NewSecretAsync("old");
        using var proxy = new FaultProxy(_moto, new() { Faults = [new FaultRule(PutSecretValue, CallSchedule.Calls(1), FaultKind.DropAfterForward)] });
        using var client = ProxyClients.SecretsManager(proxy);

        var ex = await Assert.ThrowsAsync<SecretsManagerConnectionException>(() =>
            client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretString = "new" }));

        Assert.Contains("got no response", ex.Message);
        Assert.Equal(("new", 2), await StoredAsync(name));
        Assert.Equal(new OperationCounts(1, 1, 0, 0, 0, 0, 1, 0), proxy.CountsFor(PutSecretValue));
    }

    [Fact]
    public async Task A_drop_before_forwarding_never_reaches_moto()
    {
        string name = await NewSecretAsync("old");
        using var proxy = new FaultProxy(_moto, new() { Faults = [new FaultRule(PutSecretValue, CallSchedule.Calls(1), FaultKind.DropBeforeForward)] });
        using var client = ProxyClients.SecretsManager(proxy);

        await Assert.ThrowsAsync<SecretsManagerConnectionException>(() =>
            client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretString = "new" }));

        Assert.Equal(("old", 1), await StoredAsync(name));
        Assert.Equal(new OperationCounts(1, 0, 0, 0, 0, 1, 0, 0), proxy.CountsFor(PutSecretValue));
    }

    [Fact]
    public async Task A_500_and_a_503_come_back_as_Secrets_Manager_internal_errors()
    {
        string name = await NewSecretAsync("v");
        const string op = "secretsmanager.GetSecretValue";
        using var proxy = new FaultProxy(_moto, new()
        {
            Faults = [new FaultRule(op, CallSchedule.Calls(1), FaultKind.Status500), new FaultRule(op, CallSchedule.Calls(2), FaultKind.Status503)],
        });
        using var client = ProxyClients.SecretsManager(proxy);
        var request = new GetSecretValueRequest { SecretId = name };

        var first = await Assert.ThrowsAsync<SecretsManagerException>(() => client.GetSecretValueAsync(request));
        var second = await Assert.ThrowsAsync<SecretsManagerException>(() => client.GetSecretValueAsync(request));
        var third = await client.GetSecretValueAsync(request);

        Assert.Equal((HttpStatusCode.InternalServerError, "InternalServiceError"), (first.StatusCode, first.ErrorCode));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "InternalServiceError"), (second.StatusCode, second.ErrorCode));
        Assert.Equal("v", third.SecretString);
        Assert.Equal(new OperationCounts(3, 1, 0, 1, 1, 0, 0, 0), proxy.CountsFor(op));
    }

    [Fact]
    public async Task A_retried_5xx_write_reaches_moto_exactly_once()
    {
        string name = await NewSecretAsync("old");
        using var proxy = new FaultProxy(_moto, new() { Faults = [new FaultRule(PutSecretValue, CallSchedule.First(1), FaultKind.Status503)] });
        using var client = ProxyClients.SecretsManager(proxy, retries: 1); // one SDK backoff (up to a second or two), not more

        await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretString = "new" });

        Assert.Equal(("new", 2), await StoredAsync(name));
        var counts = proxy.CountsFor(PutSecretValue);
        Assert.Equal((2, 1, 1), (counts.Seen, counts.Status503, counts.Forwarded));
    }

    [Fact]
    public async Task Parameter_Store_gets_its_own_internal_error_code()
    {
        using var proxy = new FaultProxy(_moto, new() { Faults = [new FaultRule("AmazonSSM.DescribeParameters", CallSchedule.Always, FaultKind.Status500)] });
        using var ssm = ProxyClients.Ssm(proxy);

        var ex = await Assert.ThrowsAsync<InternalServerErrorException>(() => ssm.DescribeParametersAsync(new DescribeParametersRequest()));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(0, proxy.Total.Forwarded);
    }

    [Fact]
    public async Task A_seeded_schedule_faults_the_call_numbers_it_names()
    {
        const string op = "secretsmanager.GetRandomPassword";
        var schedule = CallSchedule.Random(0.3, seed: 7);
        using var proxy = new FaultProxy(_moto, new() { Faults = [new FaultRule(op, schedule, FaultKind.Status500)] });
        using var client = ProxyClients.SecretsManager(proxy);

        var failed = new System.Collections.Generic.List<long>();
        for (long call = 1; call <= 30; call++)
        {
            try { await client.GetRandomPasswordAsync(new GetRandomPasswordRequest { PasswordLength = 8 }); }
            catch (SecretsManagerException) { failed.Add(call); }
        }

        Assert.Equal(schedule.Among(30), failed);
        Assert.NotEmpty(failed);
        Assert.Equal(30 - failed.Count, proxy.CountsFor(op).Forwarded);
    }

    [Fact]
    public async Task A_rule_for_any_operation_counts_calls_across_operations()
    {
        using var proxy = new FaultProxy(_moto, new() { Faults = [FaultRule.AnyOperation(CallSchedule.Calls(2), FaultKind.DropBeforeForward)] });
        using var client = ProxyClients.SecretsManager(proxy);

        await client.GetRandomPasswordAsync(new GetRandomPasswordRequest { PasswordLength = 8 });
        await Assert.ThrowsAsync<SecretsManagerConnectionException>(() => client.ListSecretsAsync(new ListSecretsRequest { MaxResults = 1 }));
        await client.GetRandomPasswordAsync(new GetRandomPasswordRequest { PasswordLength = 8 });

        Assert.Equal(1, proxy.CountsFor("secretsmanager.ListSecrets").DroppedBeforeForward);
        Assert.Equal(2, proxy.CountsFor("secretsmanager.GetRandomPassword").Forwarded);
        Assert.Equal((3, 2, 1), (proxy.Total.Seen, proxy.Total.Forwarded, proxy.Total.Faulted));
    }

    [Fact]
    public async Task An_unreachable_upstream_is_a_dropped_connection_counted_apart()
    {
        using var nothing = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        nothing.Start();
        string closedPort = $"http://127.0.0.1:{((IPEndPoint)nothing.LocalEndpoint).Port}";
        nothing.Stop();
        using var proxy = new FaultProxy(closedPort);
        using var client = ProxyClients.SecretsManager(proxy);

        await Assert.ThrowsAsync<SecretsManagerConnectionException>(() => client.ListSecretsAsync(new ListSecretsRequest()));

        Assert.Equal(new OperationCounts(1, 0, 0, 0, 0, 0, 0, 1), proxy.CountsFor("secretsmanager.ListSecrets"));
    }
}
