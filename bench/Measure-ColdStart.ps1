<#
.SYNOPSIS
    Cold start, as automation hosts pay it on every run: a fresh pwsh that imports SecretsTools and
    asks for a command, against a bare pwsh, run in pairs (median of 7), and the first Get-Secret
    of a fresh session against the second one (the first loads the engine and the AWS SDK).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Endpoint,
    [int] $Pairs = 7
)
$ErrorActionPreference = 'Stop'

function Measure-Process([string] $Command) {
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $null = & dotnet pwsh -NoProfile -NonInteractive -Command $Command
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "pwsh -Command '$Command' failed ($LASTEXITCODE)" }
    return $watch.Elapsed.TotalMilliseconds
}

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    return [Math]::Round($sorted[[int][Math]::Floor($sorted.Count / 2)], 0)
}

# Pairs, so both sides see the same machine load; one warm-up pair first (disk cache).
$import = "Import-Module '$ModulePath'; `$null = Get-Command Get-Secret"
$null = Measure-Process '1'; $null = Measure-Process $import
$bare = [System.Collections.Generic.List[double]]::new()
$withModule = [System.Collections.Generic.List[double]]::new()
$differences = [System.Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Pairs; $i++) {
    $b = Measure-Process '1'
    $m = Measure-Process $import
    $bare.Add($b); $withModule.Add($m); $differences.Add($m - $b)
}
$bareMs = Get-Median $bare
$moduleMs = Get-Median $withModule
# The median of each pair's own difference: both halves of a pair saw the same machine load.
$importMs = Get-Median $differences

# The first call inside a fresh session, timed in that session.
$firstCall = @"
. '$(Join-Path $PSScriptRoot '../tools/MotoServer.ps1')'; Set-MotoEnvironment -Endpoint '$Endpoint'
Import-Module '$ModulePath'
Set-Secret 'ssm:/bench-cold/p' -Secret 'v' -Type String -Confirm:`$false -ErrorAction SilentlyContinue
"@
$probe = @"
. '$(Join-Path $PSScriptRoot '../tools/MotoServer.ps1')'; Set-MotoEnvironment -Endpoint '$Endpoint'
Import-Module '$ModulePath'
`$w = [Diagnostics.Stopwatch]::StartNew(); `$null = Get-Secret 'ssm:/bench-cold/p' -AsPlainText; `$first = `$w.Elapsed.TotalMilliseconds
`$w.Restart(); `$null = Get-Secret 'ssm:/bench-cold/p' -AsPlainText; `$second = `$w.Elapsed.TotalMilliseconds
"`$first `$second"
"@
$null = & dotnet pwsh -NoProfile -NonInteractive -Command $firstCall
$firsts = [System.Collections.Generic.List[double]]::new()
$seconds = [System.Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Pairs; $i++) {
    $parts = ((& dotnet pwsh -NoProfile -NonInteractive -Command $probe) | Select-Object -Last 1) -split ' '
    $firsts.Add([double]$parts[0]); $seconds.Add([double]$parts[1])
}

Write-Host "`nCold start (median of $Pairs, fresh 'dotnet pwsh' processes)" -ForegroundColor Cyan
@(
    [pscustomobject]@{ Case = "pwsh -c 1"; Ms = $bareMs }
    [pscustomobject]@{ Case = "pwsh -c 'Import-Module SecretsTools; Get-Command Get-Secret'"; Ms = $moduleMs }
    [pscustomobject]@{ Case = 'import cost (median of the pairs'' differences)'; Ms = $importMs }
    [pscustomobject]@{ Case = 'first Get-Secret in a session (loads engine + SDK)'; Ms = Get-Median $firsts }
    [pscustomobject]@{ Case = 'second Get-Secret in that session'; Ms = Get-Median $seconds }
) | Format-Table -AutoSize | Out-Host
Write-Host "import / bare: $([Math]::Round($moduleMs / $bareMs, 2)) x"
$cleanup = ". '$(Join-Path $PSScriptRoot '../tools/MotoServer.ps1')'; Set-MotoEnvironment -Endpoint '$Endpoint'; Import-Module '$ModulePath'; Remove-Secret ssm:/bench-cold/p -Force -Confirm:`$false"
$null = & dotnet pwsh -NoProfile -NonInteractive -Command $cleanup
