# Shared set-up for the Pester tests: import the *built* module and point it at moto_server.
# build.ps1 Test starts one server for the whole run and passes it in SECRETSTOOLS_TEST_ENDPOINT;
# without it, the first test file of a PowerShell process starts a private server that every later
# file of the same process shares (the AWS SDK reads AWS_ENDPOINT_URL once per process, so files run
# together by one Invoke-Pester cannot each have their own), and the process stops it on exit.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
. (Join-Path $script:RepoRoot 'tools/MotoServer.ps1')

function Initialize-SecretsToolsTest {
    $modulePath = Join-Path $script:RepoRoot 'out/SecretsTools/SecretsTools.psd1'
    if (-not (Test-Path $modulePath)) { throw "Build the module first: dotnet pwsh ./build.ps1 Build" }
    Import-Module $modulePath -Force
    $script:OwnServer = $null
    $endpoint = $env:SECRETSTOOLS_TEST_ENDPOINT
    if (-not $endpoint) {
        $shared = $global:SecretsToolsPrivateTestServer
        if (-not $shared -or $shared.Process.HasExited) {
            $shared = Start-MotoServer
            $global:SecretsToolsPrivateTestServer = $shared
            if (-not $global:SecretsToolsPrivateTestServerStopOnExit) {
                $global:SecretsToolsPrivateTestServerStopOnExit = Register-EngineEvent -SourceIdentifier PowerShell.Exiting -Action {
                    $server = $global:SecretsToolsPrivateTestServer
                    if ($server -and -not $server.Process.HasExited) { $server.Process.Kill(); $null = $server.Process.WaitForExit(5000) }
                }
            }
        }
        $endpoint = $shared.Endpoint
    }
    Set-MotoEnvironment -Endpoint $endpoint
    Remove-Item Env:SECRETSTOOLS_DEFAULT_STORE, Env:SECRETSTOOLS_CACHE_TTL -ErrorAction SilentlyContinue
    # Our own configuration, as AWS_CONFIG_FILE keeps ~/.aws out: not the user's CurrentUser file
    # (XDG_CONFIG_HOME is where .NET finds it on Linux and macOS; this folder is never created),
    # and no Process settings left by an earlier file of this process.
    $env:XDG_CONFIG_HOME = Join-Path ([IO.Path]::GetTempPath()) "secretstools-test-config-$PID"
    Set-SecretsToolsConfiguration -Scope Process -Reset -Confirm:$false -WhatIf:$false
    return $endpoint
}

function Complete-SecretsToolsTest {
    if ($script:OwnServer) { Stop-MotoServer $script:OwnServer }
}

function New-TestName {
    # Unique per test, so tests never see each other's data and need no server reset.
    param([string] $Prefix = 'pt')
    return "$Prefix$([guid]::NewGuid().ToString('N').Substring(0, 12))"
}

function Invoke-AwsCli {
    # The official AWS CLI against the same endpoint; returns parsed JSON, throws on failure.
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    $output = & aws --endpoint-url $env:AWS_ENDPOINT_URL --output json @Arguments 2>&1
    if ($LASTEXITCODE -ne 0) { throw "aws $($Arguments -join ' ') failed: $output" }
    $text = ($output | Out-String).Trim()
    if ($text) { return $text | ConvertFrom-Json }
}

function ConvertTo-PlainText {
    param([securestring] $Secure)
    return [System.Net.NetworkCredential]::new('', $Secure).Password
}

function Invoke-AwsCliResult {
    # Like Invoke-AwsCli, but never throws: returns the exit code, the text and (on success) the parsed JSON,
    # for checks that expect the CLI to fail (e.g. "this secret does not exist").
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    $output = & aws --endpoint-url $env:AWS_ENDPOINT_URL --output json @Arguments 2>&1
    $exit = $LASTEXITCODE
    $text = ($output | Out-String).Trim()
    $json = if ($exit -eq 0 -and $text) { $text | ConvertFrom-Json } else { $null }
    return [pscustomobject]@{ ExitCode = $exit; Text = $text; Json = $json }
}

function Invoke-AwsApi {
    # Calls the test endpoint's JSON API directly, without the SDK or the CLI: a fast, independent view of
    # what the server holds (the AWS CLI takes a second or more per call). Returns the parsed response;
    # with -AllowError, an error response comes back as an object with __type instead of throwing.
    param(
        [Parameter(Mandatory)] [ValidateSet('ssm', 'secretsmanager')] [string] $Service,
        [Parameter(Mandatory)] [string] $Action,
        [hashtable] $Body = @{},
        [switch] $AllowError
    )
    if (-not $script:ApiClient) { $script:ApiClient = [System.Net.Http.HttpClient]::new() }
    $target = if ($Service -eq 'ssm') { "AmazonSSM.$Action" } else { "secretsmanager.$Action" }
    $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Post, "$($env:AWS_ENDPOINT_URL.TrimEnd('/'))/")
    $request.Content = [System.Net.Http.StringContent]::new(($Body | ConvertTo-Json -Depth 10 -Compress), [System.Text.Encoding]::UTF8)
    $request.Content.Headers.ContentType = [System.Net.Http.Headers.MediaTypeHeaderValue]::new('application/x-amz-json-1.1')
    $request.Headers.TryAddWithoutValidation('X-Amz-Target', $target) | Out-Null
    # The server scopes data by the region and access key of the credential scope.
    $scope = "$env:AWS_ACCESS_KEY_ID/20240101/$env:AWS_REGION/$Service/aws4_request"
    $request.Headers.TryAddWithoutValidation('Authorization', "AWS4-HMAC-SHA256 Credential=$scope, SignedHeaders=host, Signature=0") | Out-Null
    $response = $script:ApiClient.SendAsync($request).GetAwaiter().GetResult()
    $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
    $json = if ($text) { $text | ConvertFrom-Json } else { $null }
    if (-not $response.IsSuccessStatusCode -and -not $AllowError) { throw "$Service $Action failed ($([int]$response.StatusCode)): $text" }
    return $json
}

function Get-SsmParameterFromServer {
    # Reads parameters straight from the server (decrypted), 10 names per call; returns name -> Parameter.
    # Names the server does not have are simply absent from the result.
    param([Parameter(Mandatory)] [string[]] $Name)
    $found = @{}
    for ($i = 0; $i -lt $Name.Count; $i += 10) {
        $chunk = @($Name[$i..([Math]::Min($i + 9, $Name.Count - 1))])
        $response = Invoke-AwsApi ssm GetParameters @{ Names = $chunk; WithDecryption = $true }
        foreach ($p in $response.Parameters) { $found[$p.Name] = $p }
    }
    return $found
}

function Get-SsmNamesUnderPath {
    # Every parameter name under a path (recursively), as the server lists them.
    param([Parameter(Mandatory)] [string] $Path)
    $names = [System.Collections.Generic.List[string]]::new()
    $body = @{ ParameterFilters = @(@{ Key = 'Path'; Option = 'Recursive'; Values = @($Path) }); MaxResults = 50 }
    do {
        $page = Invoke-AwsApi ssm DescribeParameters $body
        foreach ($p in $page.Parameters) { $names.Add($p.Name) }
        $body.NextToken = $page.NextToken
    } while ($page.NextToken)
    return $names.ToArray()
}

function Get-SmNamesFromServer {
    # Names of Secrets Manager secrets that begin with a prefix, including those scheduled for deletion.
    param([Parameter(Mandatory)] [string] $Prefix)
    $names = [System.Collections.Generic.List[string]]::new()
    $body = @{ IncludePlannedDeletion = $true; Filters = @(@{ Key = 'name'; Values = @($Prefix) }); MaxResults = 100 }
    do {
        $page = Invoke-AwsApi secretsmanager ListSecrets $body
        foreach ($s in $page.SecretList) { if ($s.Name.StartsWith($Prefix, [StringComparison]::Ordinal)) { $names.Add($s.Name) } }
        $body.NextToken = $page.NextToken
    } while ($page.NextToken)
    return $names.ToArray()
}

function Get-SmSecretFromServer {
    # DescribeSecret straight from the server, or $null when there is no such secret.
    param([Parameter(Mandatory)] [string] $Name)
    $response = Invoke-AwsApi secretsmanager DescribeSecret @{ SecretId = $Name } -AllowError
    if ($response.__type) { return $null }
    return $response
}

function Get-SmValueFromServer {
    # GetSecretValue straight from the server (SecretString or base64 SecretBinary, VersionId), or the error.
    param([Parameter(Mandatory)] [string] $Name, [string] $VersionStage)
    $body = @{ SecretId = $Name }
    if ($VersionStage) { $body.VersionStage = $VersionStage }
    return Invoke-AwsApi secretsmanager GetSecretValue $body -AllowError
}

function New-TestFile {
    # Writes text (UTF-8, no BOM, no trailing newline) or bytes to a new file in $TestDrive and returns
    # its path, so values reach the AWS CLI through file:// or fileb:// instead of the command line.
    param([string] $Text, [byte[]] $Bytes)
    $path = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
    if ($PSBoundParameters.ContainsKey('Bytes')) { [System.IO.File]::WriteAllBytes($path, $Bytes) }
    else { [System.IO.File]::WriteAllText($path, $Text, [System.Text.UTF8Encoding]::new($false)) }
    return $path
}

function New-Utf8Text {
    # Text of exactly $ByteCount UTF-8 bytes that mixes 1-, 2-, 3- and 4-byte characters, so byte and
    # character counts differ.
    param([Parameter(Mandatory)] [int] $ByteCount)
    $builder = [System.Text.StringBuilder]::new()
    $pieces = 'ü', '密', '🔑', 'a'
    $bytes = 0
    $i = 0
    while ($true) {
        $piece = $pieces[$i++ % $pieces.Count]
        $size = [System.Text.Encoding]::UTF8.GetByteCount($piece)
        if ($bytes + $size + 4 -gt $ByteCount) { break }
        $null = $builder.Append($piece)
        $bytes += $size
    }
    $null = $builder.Append('x' * ($ByteCount - $bytes))
    return $builder.ToString()
}

function Get-ErrorIds {
    # The ErrorIds (FullyQualifiedErrorId up to the comma) of a list of ErrorRecords.
    param($ErrorRecords)
    return @($ErrorRecords | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
}

function Invoke-AwsCliParallel {
    # Runs several AWS CLI commands at once (each is an array of arguments) and returns their parsed
    # JSON outputs in order; throws if any failed. The CLI spends most of a call starting up, so a few
    # at a time finish much sooner than one after another.
    param([Parameter(Mandatory)] [object[]] $Commands, [int] $ThrottleLimit = 4)
    $endpoint = $env:AWS_ENDPOINT_URL
    $results = 0..($Commands.Count - 1) | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
        $arguments = [string[]]($using:Commands)[$_]
        $output = & aws --endpoint-url $using:endpoint --output json @arguments 2>&1
        [pscustomobject]@{ Index = $_; ExitCode = $LASTEXITCODE; Text = ($output | Out-String).Trim(); Arguments = $arguments }
    }
    $failed = @($results | Where-Object ExitCode -ne 0)
    if ($failed) { throw "aws $($failed[0].Arguments -join ' ') failed: $($failed[0].Text)" }
    return @($results | Sort-Object Index | ForEach-Object { if ($_.Text) { $_.Text | ConvertFrom-Json } else { $null } })
}

function Invoke-ChildPwsh {
    # Runs the PowerShell this test runs in (an installed pwsh or `dotnet pwsh`) as a child process
    # with stdout and stderr redirected, as a log or a pipe would, and returns its exit code and
    # text. -Environment sets (or, with $null, removes) variables for the child only.
    param([Parameter(Mandatory)] [string[]] $Arguments, [hashtable] $Environment = @{}, [int] $TimeoutSeconds = 120)
    $psi = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($a in @('-NoProfile', '-NonInteractive') + $Arguments) { $psi.ArgumentList.Add($a) }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    foreach ($key in $Environment.Keys) {
        if ($null -eq $Environment[$key]) { $null = $psi.Environment.Remove($key) } else { $psi.Environment[$key] = $Environment[$key] }
    }
    $process = [System.Diagnostics.Process]::Start($psi)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) { $process.Kill($true); throw "pwsh $($Arguments -join ' ') did not finish in $TimeoutSeconds s." }
    return [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.GetAwaiter().GetResult(); Error = $stderr.GetAwaiter().GetResult() }
}

function Invoke-WithCapturedHost {
    # Runs a script block in a runspace of its own, with the built module, whose host keeps what it
    # is given (the "What if:" lines of -WhatIf, which go to the host and not to any stream) instead
    # of printing it. The block sees no variables of the caller: pass them in -Parameters to its
    # param() block. Returns its output, the host's lines and every stream's records.
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock, [hashtable] $Parameters = @{})
    if (-not ('SecretsToolsTests.CapturingHost' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'CapturingHost.cs') }
    $capturingHost = [SecretsToolsTests.CapturingHost]::new()
    $runspace = [runspacefactory]::CreateRunspace($capturingHost)
    $runspace.Open()
    $ps = [powershell]::Create()
    $ps.Runspace = $runspace
    try {
        $null = $ps.AddCommand('Import-Module').AddParameter('Name', (Join-Path $script:RepoRoot 'out/SecretsTools/SecretsTools.psd1')).AddStatement()
        $null = $ps.AddScript($ScriptBlock.ToString()).AddParameters($Parameters)
        $output = $ps.Invoke()
        return [pscustomobject]@{
            Output    = @($output)
            HostLines = $capturingHost.Lines
            Errors    = @($ps.Streams.Error)
            Streams   = @($ps.Streams.Verbose) + @($ps.Streams.Warning) + @($ps.Streams.Debug) + @($ps.Streams.Information)
        }
    }
    finally {
        $ps.Dispose()
        $runspace.Dispose()
    }
}

function Get-ViewLines {
    # The non-blank lines of objects' default table or list view, formatted for an 80-column terminal.
    param([Parameter(ValueFromPipeline)] $InputObject, [ValidateSet('Table', 'List')] [string] $View = 'Table')
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { $items.Add($InputObject) }
    end {
        $text = if ($View -eq 'Table') { $items | Format-Table | Out-String -Width 80 } else { $items | Format-List | Out-String -Width 80 }
        return @($text -split '\r?\n' | ForEach-Object TrimEnd | Where-Object { $_ })
    }
}
