using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsTools.Tests.Infrastructure;

/// <summary>One HTTP request as a test server received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The client asked to close the connection after this request.</summary>
    public bool WantsClose => string.Equals(Header("Connection"), "close", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Reads HTTP/1.1 requests (Content-Length bodies, as the AWS SDKs send) one after another from a
/// connection. The test servers sit on raw sockets, not HttpListener, because they must be able to
/// drop a connection without answering: HttpListener on Linux answers 200 when a response is aborted.
/// </summary>
internal sealed class Http1Reader(Stream stream)
{
    private const int MaxHeaderBytes = 64 * 1024;
    private byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    /// <summary>The next request, or null when the client closed the connection (or hung up mid-request).</summary>
    public async Task<RecordedRequest?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        int headerEnd;
        while ((headerEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (!await FillAsync(cancellationToken).ConfigureAwait(false)) return null;
        }
        string[] lines = Encoding.ASCII.GetString(_buffer, _start, headerEnd).Split("\r\n");
        _start += headerEnd + 4;
        string[] requestLine = lines[0].Split(' ');
        if (requestLine.Length < 2) throw new InvalidDataException($"Not an HTTP request line: '{lines[0]}'.");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines[1..])
        {
            int colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        if (headers.TryGetValue("Expect", out var expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length) : 0];
        int copied = Math.Min(body.Length, _end - _start);
        Array.Copy(_buffer, _start, body, 0, copied);
        _start += copied;
        while (copied < body.Length)
        {
            int read = await stream.ReadAsync(body.AsMemory(copied), cancellationToken).ConfigureAwait(false);
            if (read == 0) return null;
            copied += read;
        }
        return new RecordedRequest(requestLine[0], requestLine[1], headers, body);
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxHeaderBytes) throw new InvalidDataException("The request's headers are too long.");
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        int read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read > 0;
    }
}

/// <summary>Writes HTTP/1.1 responses.</summary>
internal static class Http1
{
    /// <summary>
    /// A whole response: status line, a Date unless given, the headers, Content-Length and Connection
    /// (keep-alive or close), then the body.
    /// </summary>
    public static byte[] Response(int status, IEnumerable<KeyValuePair<string, string>> headers, byte[] body, bool keepAlive)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {ReasonPhrase(status)}\r\n");
        bool dated = false;
        foreach (var (name, value) in headers)
        {
            dated |= name.Equals("Date", StringComparison.OrdinalIgnoreCase);
            head.Append($"{name}: {value}\r\n");
        }
        if (!dated) head.Append($"Date: {DateTime.UtcNow:R}\r\n");
        head.Append($"Content-Length: {body.Length}\r\n");
        head.Append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
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
