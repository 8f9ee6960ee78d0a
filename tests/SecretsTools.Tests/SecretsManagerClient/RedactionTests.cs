using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>Secret values never show up in ToString() or in exception text.</summary>
public class RedactionTests
{
    private const string Value = "redaction-canary-7f3a";

    [Fact]
    public void Requests_and_responses_do_not_print_values()
    {
        object[] carriers =
        {
            new CreateSecretRequest { Name = "n", SecretString = Value },
            new PutSecretValueRequest { SecretId = "n", SecretString = Value, RotationToken = Value },
            new UpdateSecretRequest { SecretId = "n", SecretString = Value },
            new GetSecretValueResponse { SecretString = Value },
            new SecretValueEntry { SecretString = Value },
            new GetRandomPasswordResponse { RandomPassword = Value },
        };

        foreach (var carrier in carriers) Assert.DoesNotContain(Value, carrier.ToString());
    }

    private sealed class LoggingProbe(SecretsManagerConfig config) : SecretsTools.SecretsManager.SecretsManagerClient(TestClients.MotoCredentials, config)
    {
        public bool HandsResponsesToSdkLogging => SupportResponseLogging;
    }

    [Fact]
    public async Task Response_bodies_are_kept_away_from_sdk_response_logging()
    {
        using var server = new FakeHttpServer(FakeReply.Json(200, $"{{\"SecretString\":\"{Value}\"}}"));
        using var client = new LoggingProbe(new SecretsManagerConfig { ServiceURL = server.Endpoint, AuthenticationRegion = TestClients.Region, LogResponse = true });

        var response = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "n" });

        Assert.False(client.HandsResponsesToSdkLogging);
        Assert.Equal(Value, response.SecretString);
    }

    [Fact]
    public async Task Service_error_for_a_value_bearing_call_does_not_echo_the_value()
    {
        using var server = new FakeHttpServer(FakeReply.Html(500, $"<html>{Value}</html>"));
        using var client = TestClients.ForEndpoint(server.Endpoint, configure: c => c.MaxErrorRetry = 0);

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            client.CreateSecretAsync(new CreateSecretRequest { Name = "n", SecretString = Value }));

        Assert.DoesNotContain(Value, ex.ToString());
    }

    [Fact]
    public async Task Connection_error_for_a_value_bearing_call_does_not_echo_the_value()
    {
        using var server = new FakeHttpServer(FakeReply.HangUp());
        using var client = TestClients.ForEndpoint(server.Endpoint, configure: c => { c.MaxErrorRetry = 0; c.MaxStaleConnectionRetries = 0; });

        var ex = await Assert.ThrowsAsync<SecretsManagerConnectionException>(() =>
            client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = "n", SecretString = Value }));

        Assert.DoesNotContain(Value, ex.ToString());
    }
}
