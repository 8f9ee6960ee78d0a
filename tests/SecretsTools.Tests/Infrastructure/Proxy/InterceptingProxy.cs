using System;
using System.Threading.Tasks;

namespace SecretsTools.Tests.Infrastructure.Proxy;

/// <summary>
/// A forwarder in front of a real server (moto_server): every request goes through unchanged, but a
/// test can run its own action right before a request of a given X-Amz-Target is forwarded, e.g.
/// another client's write landing between our read and our write. Requests are forwarded one at a
/// time, so what the hook does is ordered before the request.
/// </summary>
internal sealed class InterceptingProxy : IDisposable
{
    private readonly HttpForwarder _forwarder;

    /// <summary>Runs before a request is forwarded, with its X-Amz-Target (e.g. "secretsmanager.PutSecretValue").</summary>
    public Func<string, Task>? BeforeForward { get; set; }

    public InterceptingProxy(string upstreamEndpoint)
    {
        _forwarder = new HttpForwarder(upstreamEndpoint, HandleAsync, maxConcurrentRequests: 1);
    }

    public string Endpoint => _forwarder.Endpoint;

    private async Task HandleAsync(ProxyExchange exchange)
    {
        if (BeforeForward is { } hook) await hook(exchange.Target).ConfigureAwait(false);
        await exchange.ReplyAsync(await exchange.ForwardAsync().ConfigureAwait(false)).ConfigureAwait(false);
    }

    public void Dispose() => _forwarder.Dispose();
}
