using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;

namespace SecretsTools.Tests.Infrastructure;

/// <summary>
/// One moto_server for the whole test run. build.ps1 starts one and passes its URL in
/// SECRETSTOOLS_TEST_ENDPOINT so xunit and Pester share it; run alone (dotnet test), the
/// fixture starts its own on a free loopback port and stops it by PID when the process exits.
/// Tests isolate themselves with unique names rather than resetting, so they can run in parallel.
/// </summary>
public sealed class MotoServer
{
    private static readonly Lazy<MotoServer> LazyInstance = new(() => new MotoServer(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Process? _process;

    public static MotoServer Instance => LazyInstance.Value;

    public string Endpoint { get; }

    private MotoServer()
    {
        var shared = Environment.GetEnvironmentVariable("SECRETSTOOLS_TEST_ENDPOINT");
        if (!string.IsNullOrEmpty(shared))
        {
            Endpoint = shared.TrimEnd('/');
        }
        else
        {
            int port = FreePort();
            Endpoint = $"http://127.0.0.1:{port}";
            _process = StartProcess(port, null);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(_process);
        }
        WaitUntilReady(Endpoint, _process);
        ApplyEnvironment(Endpoint);
    }

    /// <summary>The standard AWS variables both the .NET SDK and the AWS CLI read.</summary>
    public static void ApplyEnvironment(string endpoint)
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", "us-east-1");
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", endpoint);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        // Keep tests independent of whatever the machine's ~/.aws holds.
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", "/dev/null");
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        // Nor whatever SecretsTools configuration the machine's user saved (the CurrentUser file).
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"secretstools-test-config-{Environment.ProcessId}"));
        Environment.SetEnvironmentVariable("SECRETSTOOLS_DEFAULT_STORE", null);
        Environment.SetEnvironmentVariable("SECRETSTOOLS_CACHE_TTL", null);
    }

    /// <summary>
    /// Starts a private server (for tests that change server-wide behaviour, such as signature
    /// checking). The caller disposes it.
    /// </summary>
    public static PrivateMotoServer StartPrivate(int? initialNoAuthActionCount = null)
    {
        int port = FreePort();
        var process = StartProcess(port, initialNoAuthActionCount);
        var endpoint = $"http://127.0.0.1:{port}";
        WaitUntilReady(endpoint, process);
        return new PrivateMotoServer(endpoint, process);
    }

    public sealed class PrivateMotoServer : IDisposable
    {
        private readonly Process _process;
        public string Endpoint { get; }
        internal PrivateMotoServer(string endpoint, Process process) { Endpoint = endpoint; _process = process; }
        public void Dispose() => Stop(_process);
    }

    private static Process StartProcess(int port, int? initialNoAuthActionCount)
    {
        var psi = new ProcessStartInfo("python3")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString() }) psi.ArgumentList.Add(a);
        if (initialNoAuthActionCount is int n) psi.Environment["INITIAL_NO_AUTH_ACTION_COUNT"] = n.ToString();
        var process = Process.Start(psi) ?? throw new InvalidOperationException("python3 -m moto.server did not start; install it with: pip install 'moto[server]'");
        // Drain output so the server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void WaitUntilReady(string endpoint, Process? process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process is { HasExited: true })
                throw new InvalidOperationException($"moto_server exited with code {process.ExitCode}; is moto[server] installed (pip install 'moto[server]')?");
            try
            {
                var response = http.GetAsync(endpoint + "/moto-api/").GetAwaiter().GetResult();
                if ((int)response.StatusCode < 500) return;
            }
            catch (HttpRequestException) { }
            catch (System.Threading.Tasks.TaskCanceledException) { }
            Thread.Sleep(200);
        }
        throw new TimeoutException($"moto_server at {endpoint} did not answer within 60 s.");
    }

    private static void Stop(Process? process)
    {
        if (process is null) return;
        try { if (!process.HasExited) { process.Kill(); process.WaitForExit(5000); } }
        catch (InvalidOperationException) { }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Unique name stem, so parallel tests never see each other's data.</summary>
    public static string UniqueName(string prefix = "t") => $"{prefix}{Guid.NewGuid():N}".Substring(0, Math.Min(prefix.Length + 16, prefix.Length + 32));
}
