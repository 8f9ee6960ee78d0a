using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsTools.Tests.Infrastructure;

/// <summary>
/// An HTTP forwarder on a free 127.0.0.1 port in front of a real server (moto_server): every request
/// goes through unchanged, but a test can run its own action right before a request of a given
/// X-Amz-Target is forwarded, e.g. another client's write landing between our read and our write.
/// (Requests are forwarded one at a time, so what the hook does is ordered before the request.)
/// </summary>
internal sealed class InterceptingProxy : IDisposable
{
    private static readonly string[] HopHeaders = { "Host", "Connection", "Content-Length", "Transfer-Encoding", "Expect" };
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new();
    private readonly string _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Runs before a request is forwarded, with its X-Amz-Target (e.g. "secretsmanager.PutSecretValue").</summary>
    public Func<string, Task>? BeforeForward { get; set; }

    public InterceptingProxy(string upstreamEndpoint)
    {
        _target = upstreamEndpoint.TrimEnd('/');
        int port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _ = Task.Run(AcceptLoopAsync);
    }

    public string Endpoint { get; }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
            catch (HttpListenerException) { return; }
            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        await _oneAtATime.WaitAsync().ConfigureAwait(false);
        try
        {
            var incoming = context.Request;
            using var body = new System.IO.MemoryStream();
            await incoming.InputStream.CopyToAsync(body).ConfigureAwait(false);
            string target = incoming.Headers["X-Amz-Target"] ?? "";
            if (BeforeForward is { } hook) await hook(target).ConfigureAwait(false);

            using var request = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), _target + incoming.RawUrl)
            {
                Content = new ByteArrayContent(body.ToArray()),
            };
            foreach (string name in incoming.Headers.AllKeys.Where(n => n is not null)!)
            {
                if (HopHeaders.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
                string? value = incoming.Headers[name];
                if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            using var response = await _upstream.SendAsync(request).ConfigureAwait(false);
            byte[] reply = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
            {
                if (HopHeaders.Contains(header.Key, StringComparer.OrdinalIgnoreCase)) continue;
                context.Response.Headers[header.Key] = string.Join(",", header.Value);
            }
            await context.Response.OutputStream.WriteAsync(reply).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception)
        {
            try { context.Response.Abort(); } catch (Exception) { /* the client is gone */ }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _upstream.Dispose();
    }
}
