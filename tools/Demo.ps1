<#
.SYNOPSIS
    The SecretsTools demo: seeds a local AWS-compatible endpoint and shows the nouns at work.
    build.ps1 Demo starts moto_server, runs this, and stops the server.
.DESCRIPTION
    Every command is shown as typed at a prompt before it runs, and what is shown is what runs
    (secret values starred out). The output reads in an 80-column terminal, and is plain text when
    it goes to a file or a pipe.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Endpoint
)
$ErrorActionPreference = 'Stop'
# PowerShell's command line keeps colour codes in redirected output (PowerShell#20170).
if ([Console]::IsOutputRedirected) { $PSStyle.OutputRendering = 'PlainText' }
. (Join-Path $PSScriptRoot 'MotoServer.ps1')
Set-MotoEnvironment -Endpoint $Endpoint
Import-Module $ModulePath -Force

function Show-Step([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

function Invoke-Shown {
    # Shows each statement of the block as typed at a prompt (with a comment at the end of its last
    # line), then runs it in this function's scope, so later statements of the same block see its
    # variables. The strings in -Mask are starred out in the shown text only.
    param([Parameter(Mandatory)] [scriptblock] $Block, [string[]] $Mask = @(), [switch] $AllowError)
    foreach ($statement in $Block.Ast.EndBlock.Statements) {
        $extent = $statement.Extent
        $comment = $extent.EndScriptPosition.Line.Substring($extent.EndColumnNumber - 1)
        $indent = ' ' * ($extent.StartColumnNumber - 1)
        $lines = @(($extent.Text + $comment.TrimEnd()) -split '\r?\n' | ForEach-Object { $_ -replace "^$indent", '' })
        $shown = for ($i = 0; $i -lt $lines.Count; $i++) { $(if ($i) { '>> ' } else { 'PS> ' }) + $lines[$i] }
        foreach ($secret in $Mask) { $shown = $shown.Replace($secret, '********') }
        $shown | ForEach-Object { Write-Host $_ -ForegroundColor Yellow }
        $ErrorActionPreference = if ($AllowError) { 'Continue' } else { 'Stop' }
        # Errors as PowerShell shows them, but on stdout, in order with the rest.
        . ([scriptblock]::Create($extent.Text)) 2>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { "$($_.InvocationInfo.MyCommand.Name): $($_.Exception.Message)" } else { $_ }
        } | Out-Host
    }
}

Write-Host 'SecretsTools demo against a local AWS-compatible endpoint' -ForegroundColor Green
Write-Host "($Endpoint)." -ForegroundColor Green

Show-Step 'Parameter Store: seed a hierarchy (SecureString, String, StringList)'
Invoke-Shown -Mask 'k-1234', 'k-5678' {
    $login = @{ username = 'app'; password = New-SecretPassword -AsPlainText }
    Set-Secret ssm:/demo/app/db $login -Description 'Database login' -Tag @{
        team = 'payments'; env = 'prod' }
    Set-Secret ssm:/demo/app/url 'https://app.example.com' -Type String
    Set-Secret ssm:/demo/app/hosts 'web-1', 'web-2' -Description 'Web tier'
    Set-Secret ssm:/demo/app/api-key 'k-1234' -Description 'API key' -Tag @{
        team = 'payments' }
    Set-Secret ssm:/demo/app/api-key 'k-5678'   # a second version
}

Show-Step 'List what is there: metadata only, never values'
Invoke-Shown {
    Get-SecretInfo -Store ParameterStore -Path /demo -Recurse
    Get-SecretInfo ssm:/demo/app/db | Format-List
}

Show-Step 'Filter by tag: the results carry their tags'
Invoke-Shown {
    Get-SecretInfo ssm:/demo/* -Tag @{ team = 'payments' } |
        Format-Table Name, Version, Tags
}

Show-Step 'Read values: SecureString by default, plain text on request'
Invoke-Shown {
    Get-Secret ssm:/demo/app/api-key
    Get-Secret ssm:/demo/app/api-key -AsPlainText
    Get-Secret ssm:/demo/app/api-key -Version 1 -AsPlainText
    Get-Secret ssm:/demo/app/hosts   # a StringList comes back as string[]
    Get-Secret ssm:/demo/app/db#username -AsPlainText
    (Get-Secret ssm:/demo/app/db -AsCredential).UserName
    (Get-SecretInfo ssm:/demo/app/* | Get-Secret -AsPlainText).Count   # batched
}

Show-Step 'Secrets Manager (the default store): JSON, text, binary, versions'
Invoke-Shown -Mask 'k-9999' {
    Get-Secret ssm:/demo/app/db -AsCredential |
        Set-Secret demo/payments/db -Tag @{ team = 'payments' } -PassThru
    Set-Secret demo/payments/api-key (Get-Secret ssm:/demo/app/api-key)
    Set-Secret demo/payments/api-key 'k-9999'   # a second version
    Set-Secret demo/payments/cert ([byte[]](0x30, 0x82, 0x01, 0x0a)) -PassThru
    Get-SecretInfo demo/*
    Get-Secret demo/payments/api-key -AsPlainText
    Get-Secret demo/payments/api-key -VersionStage AWSPREVIOUS -AsPlainText
    (Get-Secret demo/payments/cert).Length   # binary comes back as byte[]
    (Get-Secret demo/payments/db -AsHashtable).Keys | Sort-Object
}

Show-Step 'A missing name is one error; the rest still come back'
Invoke-Shown -AllowError {
    Get-Secret demo/payments/api-key, demo/nope -AsPlainText
    $Error[0].FullyQualifiedErrorId
}

Show-Step 'Delete with a recovery window, then restore'
Invoke-Shown {
    Remove-Secret demo/payments/cert -Force
    Get-SecretInfo demo/payments/cert -IncludeDeleted | Format-List
    Restore-Secret demo/payments/cert -PassThru
}

Show-Step 'A whole hierarchy as configuration, values with their names'
Invoke-Shown {
    $config = Get-Secret -Path /demo/app   # relative name -> SecureString
    $config.Keys
    Get-Secret ssm:/demo/app/* -IncludeName | Format-Table Name, Version
    Get-Secret ssm:/demo/app/api-key:1 -AsPlainText   # name:version
}

Show-Step 'Migrate Parameter Store into Secrets Manager: plan, run, verify'
Invoke-Shown {
    $plan = New-SecretMigrationPlan -Path /demo/app -GroupByDepth 2 `
        -DestinationStore SecretsManager -DestinationPrefix migrated
    $plan | Format-Table
    $plan | Invoke-SecretMigration -Confirm:$false
    $plan | Compare-Secret
    $plan | Invoke-SecretMigration -Confirm:$false   # again: nothing to do
}

Show-Step 'API calls this demo made (batching shows here)'
Invoke-Shown {
    [SecretsTools.Diagnostics.ApiCallCounter]::Snapshot()
}
Write-Host "`nDemo finished." -ForegroundColor Green
