#!/usr/bin/env -S dotnet pwsh -NoProfile
<#
.SYNOPSIS
    Builds, tests and demonstrates SecretsTools.
.DESCRIPTION
    Tasks:
      Build    compile the module into out/SecretsTools (manifest, dlls, format file)
      Install  Build, then copy the module into your PowerShell module folder (or -Destination),
               so that Import-Module SecretsTools finds it by name
      Test     Build, then run every xunit and Pester test against one local moto_server;
               prints "Tests: N passed, M failed" and exits non-zero on any failure
      Demo     Build, start moto_server, seed sample secrets and show the cmdlets at work
      Bench    Build, then run the benchmarks in bench/ against moto_server
      Package  Build, then write out/packages: the .nupkg (a folder repository), SecretsTools.zip
               (Azure Automation) and the Lambda layer zip; refuses a version already packaged there
      Clean    remove out/ and every bin/ and obj/
.PARAMETER Destination
    Install: the modules folder to install into, instead of the user's own module folder from
    PSModulePath. The module goes to <Destination>/SecretsTools/<version>.
.PARAMETER NoBuild
    Install: install the module already in out/SecretsTools (for example the one just tested)
    instead of building it again.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
.EXAMPLE
    ./build.ps1 Install
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Install', 'Test', 'Demo', 'Bench', 'Clean', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [string] $Destination,

    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'SecretsTools'
. (Join-Path $root 'tools/MotoServer.ps1')
. (Join-Path $root 'tools/Package.ps1')

function Invoke-Native {
    # Runs a native command and stops the build when it fails.
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    [xml] $props = Get-Content (Join-Path $root 'Directory.Build.props')
    return ($props.Project.PropertyGroup | Where-Object { $_['Version'] } | Select-Object -First 1).Version
}

function Invoke-Build {
    $publish = Join-Path $out 'publish'
    # The engine's publish brings the main assembly (its project reference) and the AWS SDK; a fresh
    # folder, so no file of an earlier layout can slip into the module.
    if (Test-Path $publish) { Remove-Item $publish -Recurse -Force }
    Invoke-Native dotnet @('publish', (Join-Path $root 'src/SecretsTools.Engine/SecretsTools.Engine.csproj'), '-c', $Configuration, '-o', $publish, '--nologo', '-v', 'quiet')
    if (Test-Path $moduleOut) { Remove-Item $moduleOut -Recurse -Force }
    $engineOut = Join-Path $moduleOut 'engine'
    New-Item -ItemType Directory -Path $engineOut | Out-Null
    # Explicit lists, nothing PowerShell provides itself. The main assembly (cmdlets, our types) sits at
    # the root and references no AWS SDK, so Import-Module loads none; the engine and the SDK go into
    # engine/, which the module loads into a private load context on the first AWS call.
    Copy-Item (Join-Path $publish 'SecretsTools.dll') $moduleOut
    $engineDlls = 'SecretsTools.Engine.dll', 'AWSSDK.Core.dll', 'AWSSDK.SimpleSystemsManagement.dll',
        'AWSSDK.SecurityToken.dll', 'AWSSDK.SSO.dll', 'AWSSDK.SSOOIDC.dll'
    foreach ($dll in $engineDlls) { Copy-Item (Join-Path $publish $dll) $engineOut }
    # A dependency the list does not name would be missing at run time: fail the build instead.
    $unlisted = Get-ChildItem $publish -Filter *.dll | Where-Object { $_.Name -notin $engineDlls -and $_.Name -ne 'SecretsTools.dll' }
    if ($unlisted) { throw "The engine's publish has dlls the module would not ship: $($unlisted.Name -join ', '). Add them to the list in Invoke-Build." }
    Copy-Item (Join-Path $root 'module/SecretsTools.format.ps1xml') $moduleOut
    # The SecretManagement vault extension, a nested module SecretManagement finds beside the manifest.
    Copy-Item (Join-Path $root 'module/SecretsTools.Extension') $moduleOut -Recurse
    $version = Get-ModuleVersion
    (Get-Content (Join-Path $root 'SecretsTools.psd1') -Raw) -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion        = '$version'" |
        Set-Content (Join-Path $moduleOut 'SecretsTools.psd1') -Encoding utf8NoBOM
    Build-Help
    Write-Host "Built SecretsTools $version in $([IO.Path]::GetRelativePath($root, $moduleOut))"
}

function Build-Help {
    # MAML from docs/en-US, generated in a separate process so this session never loads the dll.
    $docs = Join-Path $root 'docs/en-US'
    $helpOut = Join-Path $moduleOut 'en-US'
    New-Item -ItemType Directory -Path $helpOut -Force | Out-Null
    Invoke-Native dotnet @('pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $root 'tools/New-MamlHelp.ps1'),
        '-ModulePath', (Join-Path $moduleOut 'SecretsTools.psd1'), '-DocsPath', $docs, '-OutputFile', (Join-Path $helpOut 'SecretsTools.dll-Help.xml'))
    Copy-Item (Join-Path $docs 'about_*.help.txt') $helpOut
}

function Get-UserModuleFolder {
    # The user-scope entry of PSModulePath: where PowerShell itself puts the user's modules
    # (Documents/PowerShell/Modules on Windows, XDG_DATA_HOME or ~/.local/share/powershell/Modules
    # elsewhere), or else the first entry under the home folder.
    $default = if ($IsWindows) { Join-Path ([Environment]::GetFolderPath('MyDocuments')) 'PowerShell/Modules' }
        else { Join-Path ($env:XDG_DATA_HOME ? $env:XDG_DATA_HOME : (Join-Path $HOME '.local/share')) 'powershell/Modules' }
    $comparison = if ($IsWindows) { [StringComparison]::OrdinalIgnoreCase } else { [StringComparison]::Ordinal }
    $entries = @($env:PSModulePath -split [IO.Path]::PathSeparator | Where-Object { $_ } | ForEach-Object { $_.TrimEnd('/', '\') })
    $found = @($entries | Where-Object { [string]::Equals($_, $default, $comparison) }) +
        @($entries | Where-Object { $_.StartsWith($HOME, $comparison) })
    if ($found) { return $found[0] }
    Write-Warning "PSModulePath has no user module folder; installing into $default, which Import-Module searches only once it is in PSModulePath."
    return $default
}

function Invoke-Install {
    if (-not $NoBuild) { Invoke-Build }
    $manifest = Join-Path $moduleOut 'SecretsTools.psd1'
    if (-not (Test-Path $manifest)) { throw "Nothing to install in ${moduleOut}: run './build.ps1 Build' first." }
    $version = (Import-PowerShellDataFile $manifest).ModuleVersion
    $modules = if ($Destination) { $Destination } else { Get-UserModuleFolder }
    # Modules/<name>/<version>: the layout Import-Module and Get-Module -ListAvailable look for, so
    # several versions can sit side by side.
    $target = Join-Path $modules "SecretsTools/$version"
    if (Test-Path $target) { Remove-Item $target -Recurse -Force }
    New-Item -ItemType Directory -Path $target -Force | Out-Null
    Copy-Item (Join-Path $moduleOut '*') $target -Recurse
    Write-Host "Installed SecretsTools $version in $target"
    Write-Host "Use it from any PowerShell 7.4+ session: Import-Module SecretsTools"
}

function Get-PesterModulePath {
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $path = Join-Path $packages.Trim() 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $path)) { throw "Pester 5.7.1 was not restored to $path; run 'dotnet restore SecretsTools.sln'." }
    return $path
}

function Invoke-XunitTests {
    $results = Join-Path $out 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    & dotnet test (Join-Path $root 'tests/SecretsTools.Tests/SecretsTools.Tests.csproj') -c $Configuration --nologo `
        --logger 'trx;LogFileName=xunit.trx' --logger 'console;verbosity=minimal' --results-directory $results | Out-Host
    $exit = $LASTEXITCODE
    $trx = Get-ChildItem $results -Filter *.trx -Recurse -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $trx) { return [pscustomobject]@{ Passed = 0; Failed = 1; Note = "xunit produced no results (exit $exit)" } }
    [xml] $xml = Get-Content $trx.FullName
    $counters = $xml.TestRun.ResultSummary.Counters
    $failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    if ($exit -ne 0 -and $failed -eq 0) { $failed = 1 }
    return [pscustomobject]@{ Passed = [int]$counters.passed; Failed = $failed; Note = '' }
}

function Invoke-PesterTests {
    $pester = Get-PesterModulePath
    # Pester colours its report even when it goes to a file or a CI log; plain text there.
    $renderMode = if ([Console]::IsOutputRedirected) { 'Plaintext' } else { 'Auto' }
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$pester' -Force
`$config = New-PesterConfiguration
`$config.Run.Path = '$(Join-Path $root 'tests/pester')'
`$config.Run.PassThru = `$true
`$config.Output.Verbosity = 'Normal'
`$config.Output.RenderMode = '$renderMode'
`$result = Invoke-Pester -Configuration `$config
"PESTER-RESULT `$(`$result.PassedCount) `$(`$result.FailedCount + `$result.FailedBlocksCount + `$result.FailedContainersCount)"
"@
    $lines = & dotnet pwsh -NoProfile -NonInteractive -Command $script
    $lines | Where-Object { $_ -notmatch '^PESTER-RESULT' } | Out-Host
    $summary = $lines | Where-Object { $_ -match '^PESTER-RESULT (\d+) (\d+)' } | Select-Object -Last 1
    if (-not $summary) { return [pscustomobject]@{ Passed = 0; Failed = 1; Note = 'Pester did not finish' } }
    $null = $summary -match '^PESTER-RESULT (\d+) (\d+)'
    return [pscustomobject]@{ Passed = [int]$Matches[1]; Failed = [int]$Matches[2]; Note = '' }
}

function Install-NodeTestTools {
    # Test-only tools from the npm registry (policy evaluator, CloudFormation specification): one
    # folder each under tests/node with its package.json and lock file, installed exactly as locked.
    foreach ($package in Get-ChildItem (Join-Path $root 'tests/node') -Filter package.json -Recurse -Depth 1 -ErrorAction SilentlyContinue) {
        if ($package.FullName -match '[\\/]node_modules[\\/]') { continue }
        $folder = $package.Directory.FullName
        $stamp = Join-Path $folder 'node_modules/.package-lock.json'
        $lock = Join-Path $folder 'package-lock.json'
        if ((Test-Path $stamp) -and (Get-Item $stamp).LastWriteTimeUtc -ge (Get-Item $lock).LastWriteTimeUtc) { continue }
        Write-Host "npm ci in $([IO.Path]::GetRelativePath($root, $folder))"
        Push-Location $folder
        try { Invoke-Native npm @('ci', '--no-audit', '--no-fund', '--loglevel', 'error') } finally { Pop-Location }
    }
}

function Invoke-Test {
    Assert-MotoInstalled
    Invoke-Native dotnet @('restore', (Join-Path $root 'SecretsTools.sln'), '--nologo', '-v', 'quiet')
    Install-NodeTestTools
    Invoke-Build
    $server = Start-MotoServer
    $env:SECRETSTOOLS_TEST_ENDPOINT = $server.Endpoint
    try {
        $xunit = Invoke-XunitTests
        $pester = Invoke-PesterTests
    }
    finally {
        Stop-MotoServer $server
        Remove-Item Env:SECRETSTOOLS_TEST_ENDPOINT -ErrorAction SilentlyContinue
    }
    foreach ($r in $xunit, $pester) { if ($r.Note) { Write-Host $r.Note -ForegroundColor Red } }
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed; Pester: $($pester.Passed) passed, $($pester.Failed) failed"
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    Write-Host "Tests: $passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-WithMotoServer {
    # Builds the module, runs a script against a fresh moto_server, and always stops the server.
    param([string] $Script, [string] $What)
    Assert-MotoInstalled
    Invoke-Build
    $server = Start-MotoServer
    try {
        & dotnet pwsh -NoProfile -NonInteractive -File $Script -ModulePath (Join-Path $moduleOut 'SecretsTools.psd1') -Endpoint $server.Endpoint
        if ($LASTEXITCODE -ne 0) { throw "$What failed (exit $LASTEXITCODE)." }
    }
    finally {
        Stop-MotoServer $server
    }
}

function Invoke-Demo { Invoke-WithMotoServer (Join-Path $root 'tools/Demo.ps1') 'The demo' }

function Invoke-Bench { Invoke-WithMotoServer (Join-Path $root 'bench/Invoke-Benchmarks.ps1') 'The benchmarks' }

function Invoke-Clean {
    if (Test-Path $out) { Remove-Item $out -Recurse -Force }
    Get-ChildItem $root -Directory -Recurse -Include bin, obj | Remove-Item -Recurse -Force
}

switch ($Task) {
    'Build' { Invoke-Build }
    'Install' { Invoke-Install }
    'Test' { Invoke-Test }
    'Demo' { Invoke-Demo }
    'Bench' { Invoke-Bench }
    'Clean' { Invoke-Clean }
    'Package' { Invoke-Build; $null = Invoke-Package -ModulePath $moduleOut -PackageOutput (Join-Path $out 'packages') }
}
