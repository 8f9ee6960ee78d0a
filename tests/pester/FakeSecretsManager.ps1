# A small local HTTP server that answers Secrets Manager calls moto 5.2.1 does not have
# (ValidateResourcePolicy, StopReplicationToReplica: moto answers them with an HTML 500). It answers
# each X-Amz-Target with a canned awsJson reply whose members are those of the operation's output
# shape in the API model (botocore data/secretsmanager/2017-10-17/service-2.json; a test checks
# that), and records every request, so tests see what went on the wire through our real HTTP stack.
function Start-FakeSecretsManager {
    param([hashtable] $Replies)
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $probe.Start()
    $port = $probe.LocalEndpoint.Port; $probe.Stop()
    $listener = [System.Net.HttpListener]::new(); $listener.Prefixes.Add("http://127.0.0.1:$port/"); $listener.Start()
    $requests = [System.Collections.Concurrent.ConcurrentQueue[object]]::new()
    $server = [powershell]::Create().AddScript({
        param($listener, $replies, $requests)
        while ($listener.IsListening) {
            try { $context = $listener.GetContext() } catch { break }
            $target = ($context.Request.Headers['X-Amz-Target'] -split '\.')[-1]
            $reader = [System.IO.StreamReader]::new($context.Request.InputStream)
            $requests.Enqueue([pscustomobject]@{ Target = $target; Body = $reader.ReadToEnd(); Authorization = $context.Request.Headers['Authorization'] })
            $reply = $replies[$target]
            if (-not $reply) { $reply = @{ Status = 400; Body = '{"__type":"UnknownOperationException"}' } }
            $body = [Text.Encoding]::UTF8.GetBytes($reply.Body)
            $context.Response.StatusCode = if ($reply.Status) { $reply.Status } else { 200 }
            $context.Response.ContentType = if ($reply.ContentType) { $reply.ContentType } else { 'application/x-amz-json-1.1' }
            $context.Response.Headers.Add('x-amzn-RequestId', 'fake-1')
            $context.Response.OutputStream.Write($body, 0, $body.Length)
            $context.Response.Close()
        }
    }).AddArgument($listener).AddArgument($Replies).AddArgument($requests)
    $handle = $server.BeginInvoke()
    [pscustomobject]@{ Endpoint = "http://127.0.0.1:$port"; Listener = $listener; Server = $server; Handle = $handle; Requests = $requests }
}

function Stop-FakeSecretsManager {
    param($Fake)
    $Fake.Listener.Stop(); $Fake.Listener.Close(); $null = $Fake.Handle.AsyncWaitHandle.WaitOne(5000); $Fake.Server.Dispose()
}

function Get-SecretsManagerModel {
    # The official API model, where botocore is installed; $null elsewhere (the shape test is skipped).
    $dir = & python3 -c 'import botocore,os;print(os.path.dirname(botocore.__file__))' 2>$null
    if (-not $dir) { return $null }
    $path = Join-Path $dir 'data/secretsmanager/2017-10-17/service-2.json'
    if (Test-Path $path) { return Get-Content $path -Raw | ConvertFrom-Json -AsHashtable }
    # Newer botocore ships its models gzipped.
    if (-not (Test-Path "$path.gz")) { return $null }
    $file = [System.IO.File]::OpenRead("$path.gz")
    try {
        $reader = [System.IO.StreamReader]::new([System.IO.Compression.GZipStream]::new($file, [System.IO.Compression.CompressionMode]::Decompress))
        $reader.ReadToEnd() | ConvertFrom-Json -AsHashtable
    } finally { $file.Dispose() }
}
