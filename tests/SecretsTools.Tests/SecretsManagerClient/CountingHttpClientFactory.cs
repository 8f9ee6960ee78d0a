using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>
/// Lets a test count the HTTP requests a client really sends (retries included), by operation,
/// through the SDK's own HttpClientFactory hook.
/// </summary>
internal sealed class CountingHttpClientFactory : HttpClientFactory
{
    private readonly ConcurrentQueue<string> _targets = new();
    private readonly string _cacheKey = Guid.NewGuid().ToString();

    public int Count => _targets.Count;

    public int CountFor(string operation) => _targets.Count(t => t == "secretsmanager." + operation);

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new CountingHandler(_targets) { InnerHandler = new SocketsHttpHandler() });

    // A key of our own keeps the SDK's HttpClient cache from handing this client to other tests.
    public override string GetConfigUniqueString(IClientConfig clientConfig) => _cacheKey;

    private sealed class CountingHandler(ConcurrentQueue<string> targets) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            targets.Enqueue(request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : "");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
