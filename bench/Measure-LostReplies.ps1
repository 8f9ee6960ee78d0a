<#
.SYNOPSIS
    A fault run: writes and deletes on both stores through a proxy that drops a share of all
    replies after moto acted on the request (the reply is lost, the write is done). Prints the
    writes and deletes made, the replies dropped, the extra versions found on the server and the
    false errors (any error record: every operation here is valid). Both must be 0.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Endpoint,
    # Names per store: each is created, written twice more and deleted (4 operations).
    [int] $Names = 25,
    [double] $DropRate = 0.10,
    [int] $Seed = 2026,
    # DropAfterForward: the reply is lost. Status500AfterForward: moto acted, the client gets a 500.
    [ValidateSet('DropAfterForward', 'Status500AfterForward')] [string] $Fault = 'DropAfterForward'
)
$ErrorActionPreference = 'Stop'
$root = Resolve-Path (Join-Path $PSScriptRoot '..')
. (Join-Path $root 'tools/MotoServer.ps1')
Set-MotoEnvironment -Endpoint $Endpoint
Import-Module $ModulePath -Force

# The fault proxy is test code; the benchmark uses the same one the tests do.
. (Join-Path $PSScriptRoot 'Import-FaultProxy.ps1') -Root $root

$http = [System.Net.Http.HttpClient]::new()
function Invoke-Moto([string] $Service, [string] $Action, [hashtable] $Body) {
    # Straight to moto (not through the proxy or the module): the server's own view.
    $target = if ($Service -eq 'ssm') { "AmazonSSM.$Action" } else { "secretsmanager.$Action" }
    $request = [System.Net.Http.HttpRequestMessage]::new('Post', "$Endpoint/")
    $request.Content = [System.Net.Http.StringContent]::new(($Body | ConvertTo-Json -Compress), [Text.Encoding]::UTF8, 'application/x-amz-json-1.1')
    $null = $request.Headers.TryAddWithoutValidation('X-Amz-Target', $target)
    $null = $request.Headers.TryAddWithoutValidation('Authorization', "AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/$Service/aws4_request, SignedHeaders=host, Signature=0")
    $response = $http.SendAsync($request).GetAwaiter().GetResult()
    $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
    [pscustomobject]@{ Ok = $response.IsSuccessStatusCode; Body = if ($text) { $text | ConvertFrom-Json -AsHashtable } else { $null } }
}

$proxyType = [SecretsTools.Tests.Infrastructure.Proxy.FaultProxy]
$rule = [SecretsTools.Tests.Infrastructure.Proxy.FaultRule]::AnyOperation(
    [SecretsTools.Tests.Infrastructure.Proxy.CallSchedule]::Random($DropRate, $Seed),
    [SecretsTools.Tests.Infrastructure.Proxy.FaultKind]$Fault)
$options = [SecretsTools.Tests.Infrastructure.Proxy.FaultProxyOptions]@{ Faults = [SecretsTools.Tests.Infrastructure.Proxy.FaultRule[]] @($rule) }
$proxy = $proxyType::Start($Endpoint, $options)

$stem = "lost$([guid]::NewGuid().ToString('N').Substring(0, 8))"
$stores = @(
    @{ Store = 'Parameter Store'; Prefix = "ssm:/$stem/p" }
    @{ Store = 'Secrets Manager'; Prefix = "sm:$stem/s" }
)
$rows = foreach ($s in $stores) {
    $storeNames = 1..$Names | ForEach-Object { "$($s.Prefix)$_" }
    $falseErrors = 0; $writes = 0; $deletes = 0
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    foreach ($round in 1..3) {
        foreach ($name in $storeNames) {
            try { Set-Secret $name -Secret "round $round of $name" -EndpointUrl $proxy.Endpoint -Confirm:$false -ErrorAction Stop }
            catch { $falseErrors++; Write-Warning "$name : $_" }
            $writes++
        }
    }
    # Versions on the server, before the deletes: three per name, no more.
    $extra = 0
    foreach ($name in $storeNames) {
        $bare = $name -replace '^(ssm|sm):', ''
        $versions = if ($s.Store -eq 'Parameter Store') {
            (Invoke-Moto ssm GetParameter @{ Name = $bare }).Body.Parameter.Version
        } else {
            @((Invoke-Moto secretsmanager ListSecretVersionIds @{ SecretId = $bare; IncludeDeprecated = $true }).Body.Versions).Count
        }
        $extra += [Math]::Max(0, $versions - 3)
    }
    # Deletes: the first 60 % one name per call, the rest in one call (Parameter Store batches them).
    $single = [int][Math]::Ceiling($Names * 0.6)
    $removeArgs = if ($s.Store -eq 'Secrets Manager') { @{ WithoutRecovery = $true } } else { @{} }
    foreach ($name in $storeNames[0..($single - 1)]) {
        try { Remove-Secret $name @removeArgs -EndpointUrl $proxy.Endpoint -Force -Confirm:$false -ErrorAction Stop }
        catch { $falseErrors++; Write-Warning "$name : $_" }
        $deletes++
    }
    $failed = $null
    try { Remove-Secret $storeNames[$single..($Names - 1)] @removeArgs -EndpointUrl $proxy.Endpoint -Force -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed }
    catch { $falseErrors++; Write-Warning "batch delete: $_" }
    $falseErrors += @($failed).Count
    $deletes += $Names - $single
    $watch.Stop()
    $left = @($storeNames | Where-Object {
            $bare = $_ -replace '^(ssm|sm):', ''
            if ($s.Store -eq 'Parameter Store') { (Invoke-Moto ssm GetParameter @{ Name = $bare }).Ok }
            else { (Invoke-Moto secretsmanager DescribeSecret @{ SecretId = $bare }).Ok }
        }).Count
    [pscustomobject]@{
        Store            = $s.Store
        Writes           = $writes
        Deletes          = $deletes
        'Extra versions' = $extra
        'Not deleted'    = $left
        'False errors'   = $falseErrors
        Seconds          = [Math]::Round($watch.Elapsed.TotalSeconds, 1)
    }
}
$dropped = $proxy.Total.DroppedAfterForward + $proxy.Total.Status500
$seen = $proxy.Total.Seen
$proxy.Dispose()

$what = if ($Fault -eq 'DropAfterForward') { 'dropped' } else { 'replaced by HTTP 500' }
Write-Host "`nLost replies: $($Names * 8) operations, $([Math]::Round($DropRate * 100))% of all replies $what after the server acted (seed $Seed)" -ForegroundColor Cyan
$rows | Format-Table -AutoSize | Out-Host
Write-Host "Requests through the proxy: $seen; replies $($what): $dropped"
$bad = ($rows | Measure-Object 'Extra versions', 'Not deleted', 'False errors' -Sum | Measure-Object Sum -Sum).Sum
if ($bad -gt 0) { Write-Warning "The fault run found $bad extra versions, undeleted names or false errors." }
