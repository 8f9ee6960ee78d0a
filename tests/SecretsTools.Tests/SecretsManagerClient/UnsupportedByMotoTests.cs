using System.Net;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>
/// Moto has no ValidateResourcePolicy or StopReplicationToReplica: it answers them with an HTML
/// 500 page. The calls must still reach the server and come back as a clean service exception.
/// </summary>
public class UnsupportedByMotoTests
{
    private static void AssertCleanServerError(SecretsManagerException ex)
    {
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal("InternalServerError", ex.ErrorCode);
        Assert.StartsWith("HTTP 500 InternalServerError from http://127.0.0.1:", ex.Message);
        Assert.DoesNotContain("<", ex.Message);
    }

    [Fact]
    public async Task ValidateResourcePolicy_is_sent_and_fails_cleanly()
    {
        var counter = new CountingHttpClientFactory();
        using var client = TestClients.Moto(configure: c => { c.MaxErrorRetry = 0; c.HttpClientFactory = counter; });

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.ValidateResourcePolicyAsync(
            new ValidateResourcePolicyRequest { ResourcePolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" }));

        AssertCleanServerError(ex);
        Assert.Equal(1, counter.CountFor("ValidateResourcePolicy"));
    }

    [Fact]
    public async Task StopReplicationToReplica_is_sent_and_fails_cleanly()
    {
        var counter = new CountingHttpClientFactory();
        using var client = TestClients.Moto(TestClients.ReplicaRegion, c => { c.MaxErrorRetry = 0; c.HttpClientFactory = counter; });

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.StopReplicationToReplicaAsync(
            new StopReplicationToReplicaRequest { SecretId = TestClients.UniqueName("replica") }));

        AssertCleanServerError(ex);
        Assert.Equal(1, counter.CountFor("StopReplicationToReplica"));
    }
}
