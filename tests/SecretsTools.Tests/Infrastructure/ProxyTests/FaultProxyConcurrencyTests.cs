using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Tests.Infrastructure.Proxy;
using Xunit;

namespace SecretsTools.Tests.Infrastructure.ProxyTests;

/// <summary>Latency, parallel forwarding, the sequential mode, and a clean stop.</summary>
public class FaultProxyConcurrencyTests
{
    private readonly string _moto = MotoServer.Instance.Endpoint;

    private static Task ListSecretsAsync(FaultProxy proxy) =>
        MotoApi.CallAsync(proxy.Endpoint, "secretsmanager", "ListSecrets", new JsonObject { ["MaxResults"] = 1 });

    [Fact]
    public async Task The_latency_is_added_to_every_request()
    {
        var latency = TimeSpan.FromMilliseconds(120);
        using var proxy = new FaultProxy(_moto, new() { Latency = latency });
        using var client = ProxyClients.SecretsManager(proxy);
        await client.GetRandomPasswordAsync(new GetRandomPasswordRequest { PasswordLength = 8 }); // a warm client

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 4; i++) await client.GetRandomPasswordAsync(new GetRandomPasswordRequest { PasswordLength = 8 });

        Assert.True(clock.Elapsed >= 4 * latency, $"4 calls took {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(5, proxy.CountsFor("secretsmanager.GetRandomPassword").Forwarded);
    }

    [Fact]
    public async Task A_hundred_concurrent_requests_are_worked_on_in_parallel()
    {
        using var proxy = new FaultProxy(_moto, new() { Latency = TimeSpan.FromMilliseconds(300) });

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => ListSecretsAsync(proxy)));

        Assert.Equal(100, proxy.Total.Forwarded);
        // One at a time, the latency alone would take 30 s; the proxy held most of them at once.
        Assert.True(proxy.PeakConcurrency >= 50, $"peak {proxy.PeakConcurrency}");
    }

    [Fact]
    public async Task The_sequential_mode_works_on_one_request_at_a_time()
    {
        using var proxy = new FaultProxy(_moto, new() { MaxConcurrentRequests = 1, Latency = TimeSpan.FromMilliseconds(20) });

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => ListSecretsAsync(proxy)));

        Assert.Equal(10, proxy.Total.Forwarded);
        Assert.Equal(1, proxy.PeakConcurrency);
    }

    [Fact]
    public async Task Dispose_ends_requests_in_flight_and_stops_listening()
    {
        var proxy = new FaultProxy(_moto, new() { Latency = TimeSpan.FromSeconds(30) });
        var pending = Enumerable.Range(0, 20).Select(_ => ListSecretsAsync(proxy)).ToArray();
        var waited = Stopwatch.StartNew();
        while (proxy.InFlight < 20 && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
        Assert.Equal(20, proxy.InFlight);

        proxy.Dispose();

        Assert.Equal(0, proxy.InFlight);
        foreach (var request in pending) await Assert.ThrowsAsync<HttpRequestException>(() => request);
        Assert.Equal(0, proxy.Total.Forwarded);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => ListSecretsAsync(proxy));
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(refused.InnerException).SocketErrorCode);
    }
}
