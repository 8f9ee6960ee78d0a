using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsTools.Tests.Infrastructure.Proxy;

/// <summary>
/// The forwarding core the test proxies share: an HTTP/1.1 server on a free 127.0.0.1 port in front of
/// a real server (moto_server). Each request becomes a <see cref="ProxyExchange"/> handed to a handler,
/// which forwards it, answers it itself or drops the connection. At most
/// <c>maxConcurrentRequests</c> handlers run at once; the rest wait for a slot.
/// </summary>
internal sealed class HttpForwarder : IDisposable
{
    private static readonly string[] HopHeaders = { "Host", "Connection", "Content-Length", "Transfer-Encoding", "Expect", "Keep-Alive" };
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private readonly HttpClient _upstream;
    private readonly string _target;
    private readonly Func<ProxyExchange, Task> _handle;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _inFlight;
    private int _running;
    private int _peakRunning;
    private int _disposed;

    /// <param name="keepAlive">
    /// Whether clients may send further requests on a connection. Without it every request arrives on a
    /// fresh connection, so a dropped one reaches the client as a failure: HttpClient silently re-sends
    /// a request whose reused connection closes before any reply.
    /// </param>
    public HttpForwarder(string upstreamEndpoint, Func<ProxyExchange, Task> handle, int maxConcurrentRequests, bool keepAlive = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrentRequests, 1);
        _target = upstreamEndpoint.TrimEnd('/');
        _handle = handle;
        KeepAlive = keepAlive;
        _slots = new SemaphoreSlim(maxConcurrentRequests, maxConcurrentRequests);
        // No pooled-connection cap: the proxy must not become the bottleneck it is meant to measure.
        _upstream = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        _listener.Start(backlog: 512);
        Endpoint = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public string Endpoint { get; }

    internal bool KeepAlive { get; }

    /// <summary>Requests being handled now (waiting for a slot, delayed, forwarding or answering).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most handlers that ever ran at the same time (never above the concurrency limit).</summary>
    public int PeakRunning => Volatile.Read(ref _peakRunning);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false); }
            catch (Exception) { return; } // the listener was stopped
            client.NoDelay = true;
            _connections[client] = 0;
            _ = ServeConnectionAsync(client);
        }
    }

    private async Task ServeConnectionAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            var reader = new Http1Reader(stream);
            bool open = true;
            while (open && !_stop.IsCancellationRequested)
            {
                var request = await reader.ReadRequestAsync(_stop.Token).ConfigureAwait(false);
                if (request is null) return;
                open = await ServeRequestAsync(client, request, KeepAlive && !request.WantsClose).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // The client hung up, sent something that is not HTTP, or the proxy is stopping.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
        }
    }

    /// <summary>Runs the handler on one request; true when the connection stays open for another.</summary>
    private async Task<bool> ServeRequestAsync(TcpClient client, RecordedRequest request, bool keepAlive)
    {
        Interlocked.Increment(ref _inFlight);
        bool slot = false;
        ProxyExchange? exchange = null;
        try
        {
            await _slots.WaitAsync(_stop.Token).ConfigureAwait(false);
            slot = true;
            int running = Interlocked.Increment(ref _running);
            for (int peak = PeakRunning; running > peak; peak = PeakRunning)
                Interlocked.CompareExchange(ref _peakRunning, running, peak);
            exchange = new ProxyExchange(this, client, request, keepAlive, _stop.Token);
            await _handle(exchange).ConfigureAwait(false);
            return exchange.KeepsConnection;
        }
        catch (Exception)
        {
            // A handler failure, the upstream gone, or the proxy stopping: the client sees a dropped connection.
            return false;
        }
        finally
        {
            if (exchange is null || !exchange.IsFinished) Drop(client);
            if (slot)
            {
                Interlocked.Decrement(ref _running);
                _slots.Release();
            }
            Interlocked.Decrement(ref _inFlight);
        }
    }

    internal async Task<UpstreamReply> ForwardAsync(RecordedRequest incoming, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), _target + incoming.Path)
        {
            Content = new ByteArrayContent(incoming.Body),
        };
        foreach (var (name, value) in incoming.Headers)
        {
            if (HopHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await _upstream.SendAsync(request, cancellationToken).ConfigureAwait(false);
        byte[] reply = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !HopHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(",", h.Value)))
            .ToList();
        return new UpstreamReply((int)response.StatusCode, headers, reply);
    }

    internal static async Task ReplyAsync(TcpClient client, UpstreamReply reply, bool keepAlive, CancellationToken cancellationToken)
    {
        var stream = client.GetStream();
        await stream.WriteAsync(Http1.Response(reply.Status, reply.Headers, reply.Body, keepAlive), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (!keepAlive) client.Client.Shutdown(SocketShutdown.Send);
    }

    /// <summary>Closes the connection with nothing (more) sent: the client sees it end before a reply.</summary>
    internal static void Drop(TcpClient client)
    {
        try { client.Client.Shutdown(SocketShutdown.Both); } catch (Exception) { /* the client is gone already */ }
        client.Dispose();
    }

    /// <summary>
    /// Stops accepting, cancels what is in flight (delays and upstream calls end at once; their clients
    /// see dropped connections), closes idle connections and waits for the handlers to finish, so no
    /// work outlives the proxy.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _connections.Keys) Drop(client);
        _acceptLoop.Wait(DrainTimeout);
        var waited = Stopwatch.StartNew();
        while (InFlight > 0 && waited.Elapsed < DrainTimeout) Thread.Sleep(5);
        _upstream.Dispose();
    }
}
