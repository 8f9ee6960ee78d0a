<#
.SYNOPSIS
    Benchmarks for SecretsTools against a local moto_server: each compares two ways of doing the
    same work in one run, side by side, with the API calls each made (ApiCallCounter).
    Timings against moto are relative only; the API call counts are what AWS bills and throttles.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Endpoint,
    [int] $Count = 100,
    [int] $Repeat = 3,
    [int] $MigrationCount = 1000
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../tools/MotoServer.ps1')
Set-MotoEnvironment -Endpoint $Endpoint
Import-Module $ModulePath -Force
$counter = [SecretsTools.Diagnostics.ApiCallCounter]

function Measure-Case([string] $Name, [scriptblock] $Body) {
    # Best of $Repeat runs (least disturbed by the machine), and the API calls of one run.
    $best = [double]::MaxValue
    $calls = 0
    for ($i = 0; $i -lt $Repeat; $i++) {
        $counter::Reset()
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $null = & $Body
        $watch.Stop()
        $best = [Math]::Min($best, $watch.Elapsed.TotalMilliseconds)
        $calls = $counter::Total
    }
    [pscustomobject]@{ Case = $Name; BestMs = [Math]::Round($best, 1); ApiCalls = $calls }
}

function Compare-Cases([string] $Title, $Baseline, $Candidate) {
    Write-Host "`n$Title" -ForegroundColor Cyan
    @($Baseline, $Candidate) | Format-Table Case, BestMs, ApiCalls -AutoSize | Out-Host
    $speedup = if ($Candidate.BestMs -gt 0) { [Math]::Round($Baseline.BestMs / $Candidate.BestMs, 2) } else { 'n/a' }
    $callRatio = if ($Candidate.ApiCalls -gt 0) { [Math]::Round($Baseline.ApiCalls / $Candidate.ApiCalls, 2) } else { 'n/a' }
    Write-Host "time ratio (baseline/candidate): $speedup x; API call ratio: $callRatio x"
}

$stem = "bench$([guid]::NewGuid().ToString('N').Substring(0, 8))"
$psNames = 1..$Count | ForEach-Object { "/$stem/p$_" }
$smNames = 1..$Count | ForEach-Object { "$stem/s$_" }
Write-Host "Seeding $Count parameters and $Count secrets..."
$psNames | ForEach-Object { Set-Secret -Store ParameterStore -Name $_ -Secret "value-$_" -Type String }
$smNames | ForEach-Object { Set-Secret -Store SecretsManager -Name $_ -Secret "value-$_" }

Compare-Cases "Parameter Store: read $Count values" `
    (Measure-Case 'one Get-Secret per name' { foreach ($n in $psNames) { Get-Secret -Store ParameterStore -Name $n -AsPlainText } }) `
    (Measure-Case 'one Get-Secret, all names (GetParameters x10)' { Get-Secret -Store ParameterStore -Name $psNames -AsPlainText })

Compare-Cases "Secrets Manager: read $Count values" `
    (Measure-Case 'one Get-Secret per name' { foreach ($n in $smNames) { Get-Secret -Name $n -AsPlainText } }) `
    (Measure-Case 'one Get-Secret, all names (BatchGetSecretValue x20)' { Get-Secret -Name $smNames -AsPlainText })

Compare-Cases "Parameter Store: list $Count parameters" `
    (Measure-Case 'Get-SecretInfo -Path -IncludeTags (a tag call per parameter)' { Get-SecretInfo -Store ParameterStore -Path "/$stem" -IncludeTags }) `
    (Measure-Case 'Get-SecretInfo -Path' { Get-SecretInfo -Store ParameterStore -Path "/$stem" })

Compare-Cases "Parameter Store: list and read $Count parameters" `
    (Measure-Case 'Get-SecretInfo -Path | ForEach-Object { Get-Secret $_.Name }' { Get-SecretInfo -Store ParameterStore -Path "/$stem" | ForEach-Object { Get-Secret -Store ParameterStore -Name $_.Name -AsPlainText } }) `
    (Measure-Case 'Get-SecretInfo -Path | Get-Secret' { Get-SecretInfo -Store ParameterStore -Path "/$stem" | Get-Secret -AsPlainText })

Compare-Cases "Secrets Manager: names from the pipeline are batched too" `
    (Measure-Case 'foreach { Get-Secret $_ }' { $smNames | ForEach-Object { Get-Secret -Name $_ -AsPlainText } }) `
    (Measure-Case '$names | Get-Secret' { $smNames | Get-Secret -AsPlainText })

# A runbook that reads the same secrets again and again: the session cache against none. Each run
# starts with an empty cache, so the cached case's one call is its first read.
$cachedName = $smNames[0]
Compare-Cases "Secrets Manager: one secret read 50 times" `
    (Measure-Case 'Get-Secret x50, no cache' { 1..50 | ForEach-Object { Get-Secret -Name $cachedName -AsPlainText } }) `
    (Measure-Case 'Get-Secret x50 -CacheTtl 00:05:00' { Clear-SecretCache; 1..50 | ForEach-Object { Get-Secret -Name $cachedName -CacheTtl 00:05:00 -AsPlainText } })

$runbookEnvironment = @{ ONE = "ssm:$($psNames[0])"; TWO = "ssm:$($psNames[1])"; THREE = "sm:$($smNames[1])" }
Compare-Cases "Invoke-WithSecret with 3 secrets (2 stores), 50 runs" `
    (Measure-Case 'no cache' { 1..50 | ForEach-Object { Invoke-WithSecret -Environment $runbookEnvironment { $env:ONE } } }) `
    (Measure-Case '-CacheTtl 00:05:00' { Clear-SecretCache; 1..50 | ForEach-Object { Invoke-WithSecret -Environment $runbookEnvironment -CacheTtl 00:05:00 { $env:ONE } } })

Remove-Secret -Store ParameterStore -Name $psNames -Force
Remove-Secret -Name $smNames -WithoutRecovery -Force

& (Join-Path $PSScriptRoot 'Measure-ColdStart.ps1') -ModulePath $ModulePath -Endpoint $Endpoint
& (Join-Path $PSScriptRoot 'Measure-Migration.ps1') -ModulePath $ModulePath -Endpoint $Endpoint -Count $MigrationCount
& (Join-Path $PSScriptRoot 'Measure-LostReplies.ps1') -ModulePath $ModulePath -Endpoint $Endpoint
& (Join-Path $PSScriptRoot 'Measure-LostReplies.ps1') -ModulePath $ModulePath -Endpoint $Endpoint -Fault Status500AfterForward
Write-Host "`nDone."
