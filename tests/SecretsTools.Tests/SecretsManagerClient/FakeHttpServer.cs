using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>One HTTP request as the fake server received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

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
                var request = await ReadRequestAsync(stream, timeout.Token);
                if (request is null) return;
                _requests.Enqueue(request);
                var reply = _reply(request);
                if (reply.Drop) return; // disposing the client closes the socket with no response
                await stream.WriteAsync(Serialize(reply), timeout.Token);
                await stream.FlushAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
            }
        }
    }

    private static async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken token)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            int read = await stream.ReadAsync(chunk, token);
            if (read == 0) return null;
            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }

        var headerText = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray());
        var lines = headerText.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[1..])
        {
            int colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        int contentLength = headers.TryGetValue("Content-Length", out var length) ? int.Parse(length) : 0;
        int bodyStart = headerEnd + 4;
        while (buffer.Count - bodyStart < contentLength)
        {
            int read = await stream.ReadAsync(chunk, token);
            if (read == 0) break;
            buffer.AddRange(chunk.AsSpan(0, read).ToArray());
        }
        var body = buffer.GetRange(bodyStart, Math.Min(contentLength, buffer.Count - bodyStart)).ToArray();
        return new RecordedRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (int i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') return i;
        }
        return -1;
    }

    private static byte[] Serialize(FakeReply reply)
    {
        var body = Encoding.UTF8.GetBytes(reply.Body);
        var head = new StringBuilder();
        head.Append($"HTTP/1.1 {reply.Status} {ReasonPhrase(reply.Status)}\r\n");
        head.Append($"Date: {DateTime.UtcNow:R}\r\n");
        if (reply.ContentType is not null) head.Append($"Content-Type: {reply.ContentType}\r\n");
        head.Append($"Content-Length: {body.Length}\r\n");
        head.Append("Connection: close\r\n");
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) head.Append($"{name}: {value}\r\n");
        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
