<#
.SYNOPSIS
    The SecretsTools demo: seeds a local AWS-compatible endpoint and shows the nouns at work.
    build.ps1 Demo starts moto_server, runs this, and stops the server.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Endpoint
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'MotoServer.ps1')
Set-MotoEnvironment -Endpoint $Endpoint
Import-Module $ModulePath -Force

function Show-Step([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }
function Show-Command([string] $Text) { Write-Host "PS> $Text" -ForegroundColor Yellow }

Write-Host "SecretsTools demo against a local AWS-compatible endpoint ($Endpoint)." -ForegroundColor Green

Show-Step 'Parameter Store: seed a small hierarchy (String, StringList, SecureString, JSON)'
Show-Command "Set-Secret ssm:/demo/app/db -Secret @{ username = 'app'; password = '…' } -Description 'App database login'"
Set-Secret ssm:/demo/app/db -Secret @{ username = 'app'; password = (New-SecretPassword -Length 20 -AsPlainText) } -Description 'App database login' -Tag @{ team = 'payments' }
Set-Secret ssm:/demo/app/url -Secret 'https://app.example.com' -Type String -Description 'Public URL'
Set-Secret ssm:/demo/app/hosts -Secret @('web-1', 'web-2', 'web-3') -Description 'Web tier'
Set-Secret ssm:/demo/app/api-key -Secret 'k-1234' -Description 'Partner API key' -Tag @{ team = 'payments' }
Set-Secret ssm:/demo/app/api-key -Secret 'k-5678'   # a second version

Show-Step 'List what is there: metadata only, never values'
Show-Command 'Get-SecretInfo -Store ParameterStore -Path /demo -Recurse'
Get-SecretInfo -Store ParameterStore -Path /demo -Recurse | Format-Table | Out-Host
Show-Command "Get-SecretInfo -Store ParameterStore -Tag @{ team = 'payments' } | Select-Object Name, Version, Tags"
Get-SecretInfo -Store ParameterStore -Tag @{ team = 'payments' } | Select-Object Name, Version, @{ n = 'Tags'; e = { ($_.Tags.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ';' } } | Format-Table | Out-Host

Show-Step 'Read values: SecureString by default, plain text on request'
Show-Command 'Get-Secret ssm:/demo/app/api-key'
Get-Secret ssm:/demo/app/api-key | Out-Host
Show-Command 'Get-Secret ssm:/demo/app/api-key -AsPlainText; Get-Secret ssm:/demo/app/api-key -Version 1 -AsPlainText'
Get-Secret ssm:/demo/app/api-key -AsPlainText | Out-Host
Get-Secret ssm:/demo/app/api-key -Version 1 -AsPlainText | Out-Host
Show-Command 'Get-Secret ssm:/demo/app/hosts            # a StringList comes back as string[]'
Get-Secret ssm:/demo/app/hosts | Out-Host
Show-Command 'Get-Secret ssm:/demo/app/db#username -AsPlainText; (Get-Secret ssm:/demo/app/db -AsCredential).UserName'
Get-Secret ssm:/demo/app/db#username -AsPlainText | Out-Host
(Get-Secret ssm:/demo/app/db -AsCredential).UserName | Out-Host
Show-Command "Get-SecretInfo -Store ParameterStore -Path /demo/app | Get-Secret -AsPlainText -ErrorAction SilentlyContinue | Measure-Object"
Get-SecretInfo -Store ParameterStore -Path /demo/app | Get-Secret -AsPlainText | Measure-Object | Select-Object Count | Out-Host

Show-Step 'Secrets Manager (the default store): text, JSON, binary, versions'
Show-Command "Set-Secret prod/payments/db -Secret (Get-Secret ssm:/demo/app/db -AsCredential) -Tag @{ team = 'payments' }"
Set-Secret prod/payments/db -Secret (Get-Secret ssm:/demo/app/db -AsCredential) -Tag @{ team = 'payments' } -Description 'Moved from Parameter Store'
Set-Secret prod/payments/api-key -Secret (Get-Secret ssm:/demo/app/api-key)
Set-Secret prod/payments/cert -Secret ([byte[]](0x30, 0x82, 0x01, 0x0a))
Set-Secret prod/payments/api-key -Secret 'k-9999'
Show-Command 'Get-SecretInfo prod/*'
Get-SecretInfo prod/* | Format-Table | Out-Host
Show-Command 'Get-Secret prod/payments/api-key -AsPlainText; Get-Secret prod/payments/api-key -VersionStage AWSPREVIOUS -AsPlainText'
Get-Secret prod/payments/api-key -AsPlainText | Out-Host
Get-Secret prod/payments/api-key -VersionStage AWSPREVIOUS -AsPlainText | Out-Host
Show-Command "(Get-Secret prod/payments/cert).Length     # binary comes back as byte[]"
(Get-Secret prod/payments/cert).Length | Out-Host
Show-Command 'Get-Secret prod/payments/db -AsHashtable | Select-Object -ExpandProperty Keys'
(Get-Secret prod/payments/db -AsHashtable).Keys | Sort-Object | Out-Host

Show-Step 'A missing name is one error; the rest still come back'
Show-Command 'Get-Secret prod/payments/api-key, prod/nope -AsPlainText'
Get-Secret prod/payments/api-key, prod/nope -AsPlainText -ErrorAction Continue -ErrorVariable missing 2>$null | Out-Host
Write-Host "error: $($missing[0].FullyQualifiedErrorId) - $($missing[0].Exception.Message)"

Show-Step 'Delete with a recovery window, then restore'
Show-Command 'Remove-Secret prod/payments/cert -Force; Get-SecretInfo prod/payments/cert -IncludeDeleted | Select Name, DeletedDate'
Remove-Secret prod/payments/cert -Force
Get-SecretInfo prod/payments/cert -IncludeDeleted | Select-Object Name, DeletedDate | Format-Table | Out-Host
Show-Command 'Restore-Secret prod/payments/cert -PassThru | Select Name, DeletedDate'
Restore-Secret prod/payments/cert -PassThru | Select-Object Name, DeletedDate | Format-Table | Out-Host

Show-Step 'API calls this demo made (batching shows here)'
[SecretsTools.Diagnostics.ApiCallCounter]::Snapshot().GetEnumerator() | Format-Table Key, Value -AutoSize | Out-Host
Write-Host 'Demo finished.' -ForegroundColor Green
