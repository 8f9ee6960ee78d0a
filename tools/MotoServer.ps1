# Starting and stopping a local moto_server (an AWS-compatible endpoint) for tests, the demo and
# benchmarks. Dot-sourced by build.ps1 and by the Pester tests when they run on their own.

function Assert-MotoInstalled {
    & python3 -c 'import moto.server' 2>$null
    if ($LASTEXITCODE -ne 0) {
        throw "moto_server is not installed. Install it with: python3 -m pip install 'moto[server]'"
    }
}

function Get-FreeLoopbackPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { return $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

function Start-MotoServer {
    param([int] $InitialNoAuthActionCount = -1)
    $port = Get-FreeLoopbackPort
    $psi = [System.Diagnostics.ProcessStartInfo]::new('python3')
    foreach ($a in '-m', 'moto.server', '-H', '127.0.0.1', '-p', "$port") { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    if ($InitialNoAuthActionCount -ge 0) { $psi.Environment['INITIAL_NO_AUTH_ACTION_COUNT'] = "$InitialNoAuthActionCount" }
    $process = [System.Diagnostics.Process]::Start($psi)
    # Drain the server's output so it never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()
    $endpoint = "http://127.0.0.1:$port"
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    $client = [System.Net.Http.HttpClient]::new()
    $client.Timeout = [TimeSpan]::FromSeconds(2)
    try {
        while ([DateTime]::UtcNow -lt $deadline) {
            if ($process.HasExited) { throw "moto_server exited with code $($process.ExitCode)." }
            try {
                $response = $client.GetAsync("$endpoint/moto-api/").GetAwaiter().GetResult()
                if ([int]$response.StatusCode -lt 500) {
                    return [pscustomobject]@{ Endpoint = $endpoint; Process = $process; Pid = $process.Id }
                }
            }
            catch { Start-Sleep -Milliseconds 200 }
        }
    }
    finally { $client.Dispose() }
    $process.Kill()
    throw "moto_server did not answer on $endpoint within 60 seconds."
}

function Stop-MotoServer {
    param($Server)
    if ($Server -and -not $Server.Process.HasExited) {
        $Server.Process.Kill()
        $null = $Server.Process.WaitForExit(5000)
    }
}

function Set-MotoEnvironment {
    # The standard variables: AWS_REGION for the .NET SDK, AWS_DEFAULT_REGION for the AWS CLI.
    param([string] $Endpoint)
    $env:AWS_ACCESS_KEY_ID = 'testing'
    $env:AWS_SECRET_ACCESS_KEY = 'testing'
    $env:AWS_REGION = 'us-east-1'
    $env:AWS_DEFAULT_REGION = 'us-east-1'
    $env:AWS_ENDPOINT_URL = $Endpoint
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    $env:AWS_CONFIG_FILE = '/dev/null'
    $env:AWS_SHARED_CREDENTIALS_FILE = '/dev/null'
    Remove-Item Env:AWS_PROFILE, Env:AWS_SESSION_TOKEN -ErrorAction SilentlyContinue
}
