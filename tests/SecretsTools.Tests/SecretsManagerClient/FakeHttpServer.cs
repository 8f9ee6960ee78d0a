using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Tests.Infrastructure;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>What the fake server does with a request: answer with these bytes, or hang up.</summary>
internal sealed record FakeReply(int Status, string? ContentType, string Body, IReadOnlyDictionary<string, string>? Headers = null, bool Drop = false)
{
    public static FakeReply Json(int status, string json, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, "application/x-amz-json-1.1", json, headers);

    public static FakeReply Html(int status, string html) => new(status, "text/html; charset=utf-8", html);

    public static FakeReply Xml(int status, string xml, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, "text/xml", xml, headers);

    /// <summary>Read the request, then close the connection without answering.</summary>
    public static FakeReply HangUp() => new(0, null, "", Drop: true);
}

/// <summary>
/// A minimal HTTP/1.1 server on a free 127.0.0.1 port, for responses moto cannot produce (HTML
/// errors, dropped connections, hand-made error documents). Every reply closes the connection, so
/// each request the client sends is one accepted connection and one recorded request.
/// </summary>
internal sealed class FakeHttpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RecordedRequest, FakeReply> _reply;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();

    public FakeHttpServer(Func<RecordedRequest, FakeReply> reply)
    {
        _reply = reply;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    public FakeHttpServer(FakeReply always) : this(_ => always) { }

    public string Endpoint => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int RequestCount => _requests.Count;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                var stream = client.GetStream();
                var request = await new Http1Reader(stream).ReadRequestAsync(timeout.Token);
                if (request is null) return;
                _requests.Enqueue(request);
                var reply = _reply(request);
                if (reply.Drop) return; // disposing the client closes the socket with no response
                await stream.WriteAsync(Serialize(reply), timeout.Token);
                await stream.FlushAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or InvalidDataException)
            {
            }
        }
    }

    private static byte[] Serialize(FakeReply reply)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (reply.ContentType is not null) headers.Add(new("Content-Type", reply.ContentType));
        foreach (var header in reply.Headers ?? new Dictionary<string, string>()) headers.Add(header);
        return Http1.Response(reply.Status, headers, Encoding.UTF8.GetBytes(reply.Body), keepAlive: false);
    }
}
