using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsTools.Tests.Infrastructure.Proxy;

/// <summary>An upstream (or made-up) HTTP reply: status, headers and body.</summary>
internal sealed record UpstreamReply(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);

/// <summary>
/// One request passing through an <see cref="HttpForwarder"/>. Its handler ends it one way:
/// <see cref="ReplyAsync"/> (with what <see cref="ForwardAsync"/> brought back, or its own answer) or
/// <see cref="Drop"/>. A handler that does neither drops the connection too.
/// </summary>
internal sealed class ProxyExchange
{
    private readonly HttpForwarder _forwarder;
    private readonly TcpClient _client;
    private readonly RecordedRequest _request;
    private readonly bool _keepAlive;

    internal ProxyExchange(HttpForwarder forwarder, TcpClient client, RecordedRequest request, bool keepAlive, CancellationToken stopping)
    {
        _forwarder = forwarder;
        _client = client;
        _request = request;
        _keepAlive = keepAlive;
        Stopping = stopping;
        Target = request.Header("X-Amz-Target") ?? "";
    }

    /// <summary>The AWS operation, e.g. "secretsmanager.PutSecretValue" or "AmazonSSM.GetParameters"; "" if none.</summary>
    public string Target { get; }

    /// <summary>Cancelled when the proxy stops.</summary>
    public CancellationToken Stopping { get; }

    internal bool IsFinished { get; private set; }

    internal bool KeepsConnection { get; private set; }

    /// <summary>Sends the request to the upstream server and reads its whole reply (nothing goes back yet).</summary>
    public Task<UpstreamReply> ForwardAsync() => _forwarder.ForwardAsync(_request, Stopping);

    public async Task ReplyAsync(UpstreamReply reply)
    {
        await HttpForwarder.ReplyAsync(_client, reply, _keepAlive, Stopping).ConfigureAwait(false);
        IsFinished = true;
        KeepsConnection = _keepAlive;
    }

    /// <summary>Closes the connection without an answer: the client sees it dropped.</summary>
    public void Drop()
    {
        HttpForwarder.Drop(_client);
        IsFinished = true;
    }
}
