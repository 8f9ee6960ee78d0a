using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace SecretsTools.Tests.Infrastructure;

/// <summary>Accepts connections on a loopback port and never answers: a stuck AWS endpoint.</summary>
public sealed class HangingServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _clients = new();

    public HangingServer()
    {
        _listener.Start();
        _ = AcceptLoop();
    }

    public string Endpoint => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task AcceptLoop()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                lock (_clients) _clients.Add(client);
            }
        }
        catch (ObjectDisposedException) { }
        catch (SocketException) { }
    }

    public void Dispose()
    {
        _listener.Stop();
        lock (_clients) foreach (var c in _clients) c.Dispose();
    }
}
