<#
.SYNOPSIS
    Migrates N Parameter Store parameters into Secrets Manager through a proxy that enforces the
    AWS default quotas (CreateSecret 50 a second, GetParameters 40, ...) and adds 30 ms to every
    request, then does the same migration as a plain sequential boto3 loop, and prints both side
    by side: writes per second against the quota bound (N / 50 s), API calls per item, throttled
    replies and failures.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Endpoint,
    [int] $Count = 1000,
    [int] $LatencyMs = 30
)
$ErrorActionPreference = 'Stop'
$root = Resolve-Path (Join-Path $PSScriptRoot '..')
. (Join-Path $root 'tools/MotoServer.ps1')
Set-MotoEnvironment -Endpoint $Endpoint
Import-Module $ModulePath -Force

# The fault proxy is test code; the benchmark uses the same one the tests do.
. (Join-Path $PSScriptRoot 'Import-FaultProxy.ps1') -Root $root

function Send-Seed([string[]] $Names) {
    # Straight to moto, many at a time: seeding is not what is measured.
    $client = [System.Net.Http.HttpClient]::new()
    $tasks = foreach ($name in $Names) {
        $request = [System.Net.Http.HttpRequestMessage]::new('Post', "$Endpoint/")
        $body = @{ Name = $name; Value = "value-of-$name"; Type = 'SecureString' } | ConvertTo-Json -Compress
        $request.Content = [System.Net.Http.StringContent]::new($body, [Text.Encoding]::UTF8, 'application/x-amz-json-1.1')
        $null = $request.Headers.TryAddWithoutValidation('X-Amz-Target', 'AmazonSSM.PutParameter')
        $null = $request.Headers.TryAddWithoutValidation('Authorization', 'AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=0')
        $client.SendAsync($request)
    }
    [System.Threading.Tasks.Task]::WaitAll([System.Threading.Tasks.Task[]] @($tasks))
}

function New-QuotaProxy {
    [SecretsTools.Tests.Infrastructure.Proxy.FaultProxy]::Start($Endpoint,
        [SecretsTools.Tests.Infrastructure.Proxy.FaultProxyOptions]::AtAwsQuotas([timespan]::FromMilliseconds($LatencyMs)))
}

function Show-Run([string] $Case, $Proxy, [double] $Seconds, [int] $Failed) {
    $total = $Proxy.Total
    $creates = $Proxy.CountsFor('secretsmanager.CreateSecret').Forwarded
    [pscustomobject]@{
        Case            = $Case
        Seconds         = [Math]::Round($Seconds, 1)
        'Writes/s'      = [Math]::Round($creates / $Seconds, 1)
        'Of quota bound' = [Math]::Round(($creates / $Seconds) / 50, 2)
        'Calls/item'    = [Math]::Round($total.Forwarded / $Count, 2)
        Throttled       = $total.Throttled
        Failed          = $Failed
    }
}

$stem = "mig$([guid]::NewGuid().ToString('N').Substring(0, 8))"
Write-Host "Seeding $Count parameters..."
Send-Seed (1..$Count | ForEach-Object { "/$stem/ours/p$_" })
Send-Seed (1..$Count | ForEach-Object { "/$stem/loop/p$_" })

# SecretsTools: plan items made by hand (one secret per parameter), run through the proxy.
$plan = 1..$Count | ForEach-Object {
    [SecretsTools.Model.SecretMigrationPlanItem]@{ SourceStore = 'ParameterStore'; SourceNames = "/$stem/ours/p$_"; DestinationStore = 'SecretsManager'; DestinationName = "$stem/ours/p$_"; Action = 'Create' }
}
$proxy = New-QuotaProxy
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$results = @($plan | Invoke-SecretMigration -EndpointUrl $proxy.Endpoint -DestinationEndpointUrl $proxy.Endpoint -Confirm:$false -ErrorAction SilentlyContinue -ProgressAction SilentlyContinue 6>$null)
$watch.Stop()
$ours = Show-Run 'Invoke-SecretMigration' $proxy $watch.Elapsed.TotalSeconds @($results | Where-Object Status -EQ 'Failed').Count
$proxy.Dispose()

# The plain loop: boto3, one parameter after another: read it, create the secret.
$proxy = New-QuotaProxy
$loop = @"
import boto3, sys
ssm = boto3.client('ssm', endpoint_url='$($proxy.Endpoint)', region_name='us-east-1')
sm = boto3.client('secretsmanager', endpoint_url='$($proxy.Endpoint)', region_name='us-east-1')
failed = 0
for i in range(1, $Count + 1):
    try:
        value = ssm.get_parameter(Name='/$stem/loop/p%d' % i, WithDecryption=True)['Parameter']['Value']
        sm.create_secret(Name='$stem/loop/p%d' % i, SecretString=value)
    except Exception:
        failed += 1
print(failed)
"@
$watch = [System.Diagnostics.Stopwatch]::StartNew()
$failed = [int]($loop | python3 - | Select-Object -Last 1)
$watch.Stop()
$baseline = Show-Run 'sequential boto3 loop' $proxy $watch.Elapsed.TotalSeconds $failed
$proxy.Dispose()

Write-Host "`nMigration: $Count parameters to Secrets Manager through the AWS quotas, $LatencyMs ms added per request" -ForegroundColor Cyan
Write-Host "Quota bound: $Count / 50 = $($Count / 50) s"
@($baseline, $ours) | Format-Table -AutoSize | Out-Host
Write-Host "speed-up: $([Math]::Round($baseline.Seconds / $ours.Seconds, 1)) x"
