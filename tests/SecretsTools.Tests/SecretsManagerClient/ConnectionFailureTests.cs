using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

public class ConnectionFailureTests
{
    [Fact]
    public async Task Dropped_connection_surfaces_after_bounded_retries()
    {
        using var server = new FakeHttpServer(FakeReply.HangUp());
        using var client = TestClients.ForEndpoint(server.Endpoint, configure: c =>
        {
            c.MaxErrorRetry = 2;
            c.MaxStaleConnectionRetries = 0; // otherwise the SDK also re-sends at once, up to 10 times
        });

        var ex = await Assert.ThrowsAsync<SecretsManagerConnectionException>(() =>
            client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "x" }));

        Assert.Equal(3, server.RequestCount);
        Assert.Equal("GetSecretValue", ex.Operation);
        Assert.Equal(2, ex.Retries);
        Assert.Equal(server.Endpoint + "/", ex.Endpoint!.ToString());
        Assert.Equal($"The GetSecretValue request to {server.Endpoint} got no response: the connection was closed by the server before a complete response arrived (retried 2 times).", ex.Message);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public async Task Refused_connection_surfaces_as_a_connection_exception()
    {
        // Bind then release a port, so nothing listens there.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = TestClients.ForEndpoint($"http://127.0.0.1:{port}", configure: c => c.MaxErrorRetry = 1);

        var ex = await Assert.ThrowsAsync<SecretsManagerConnectionException>(() =>
            client.ListSecretsAsync(new ListSecretsRequest()));

        Assert.Equal("ListSecrets", ex.Operation);
        Assert.Equal(1, ex.Retries);
        Assert.Contains("the connection was refused", ex.Message);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_disguised()
    {
        using var server = new FakeHttpServer(FakeReply.Json(200, "{}"));
        using var client = TestClients.ForEndpoint(server.Endpoint);
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() =>
            client.ListSecretsAsync(new ListSecretsRequest(), cancelled.Token));
    }
}
