# Packages the built module (out/SecretsTools, whatever files the build put there) for the places it
# runs: a .nupkg in a folder repository for PSResourceGet, a zip for Azure Automation and a layer
# zip for the AWS Lambda PowerShell runtime. Dot-sourced by build.ps1 (task Package) and the tests.

. (Join-Path $PSScriptRoot 'IsolatedPwsh.ps1')

# Azure Automation cannot import a module file whose path is longer than this.
$script:AzureAutomationMaxPath = 140

function Get-ChangelogSection {
    # The body of CHANGELOG.md's "## [<version>]" section, without the link definitions that close
    # the file; it becomes the package's release notes, so a version without notes is refused.
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [string] $Version)
    if (-not (Test-Path $Path)) { throw "There is no changelog at $Path." }
    $body = $null
    foreach ($line in Get-Content $Path) {
        if ($line -match '^##\s+\[?([^\]\s]+)\]?') {
            if ($null -ne $body) { break }
            if ($Matches[1] -eq $Version) { $body = [System.Collections.Generic.List[string]]::new() }
            continue
        }
        if ($null -ne $body -and $line -notmatch '^\[[^\]]+\]:\s') { $body.Add($line) }
    }
    if ($null -eq $body) { throw "$Path has no section '## [$Version]': add the release notes for $Version before packaging it." }
    $text = ($body -join "`n").Trim()
    if (-not $text) { throw "The section '## [$Version]' of $Path is empty: write the release notes for $Version before packaging it." }
    return $text
}

function Set-ManifestReleaseNotes {
    # Stamps ReleaseNotes into a manifest's PSData as text, as the build stamps ModuleVersion, so
    # comments and layout stay as written; then reads it back to prove the manifest still parses.
    param([Parameter(Mandatory)] [string] $ManifestPath, [Parameter(Mandatory)] [string] $ReleaseNotes)
    $text = Get-Content $ManifestPath -Raw
    $pattern = '(?m)^(?<indent>\s*)PSData\s*=\s*@\{[^\r\n]*\r?\n'
    if ([regex]::Matches($text, $pattern).Count -ne 1) { throw "$ManifestPath has no single 'PSData = @{' line to add ReleaseNotes to." }
    $literal = ConvertTo-SingleQuotedLiteral $ReleaseNotes
    $stamped = [regex]::Replace($text, $pattern, { param($m) "$($m.Value)$($m.Groups['indent'].Value)    ReleaseNotes = $literal`n" })
    Set-Content $ManifestPath $stamped -Encoding utf8NoBOM -NoNewline
    $read = (Import-PowerShellDataFile $ManifestPath).PrivateData.PSData.ReleaseNotes
    if ($read -ne $ReleaseNotes) { throw "The release notes stamped into $ManifestPath do not read back as written." }
}

function Get-PackageFileNames {
    param([Parameter(Mandatory)] [string] $Version)
    return [pscustomobject]@{
        Nupkg           = "SecretsTools.$Version.nupkg"
        AzureAutomation = 'SecretsTools.zip'
        LambdaLayer     = "SecretsTools-lambda-layer-$Version.zip"
    }
}

function Assert-AzureAutomationPaths {
    # Azure Automation puts the zip's files in a folder named after the module; count that folder too.
    param([Parameter(Mandatory)] [string] $ModuleFolder)
    $base = (Resolve-Path $ModuleFolder).Path
    $tooLong = Get-ChildItem $base -Recurse -File | ForEach-Object { 'SecretsTools/' + [IO.Path]::GetRelativePath($base, $_.FullName).Replace('\', '/') } |
        Where-Object { $_.Length -ge $script:AzureAutomationMaxPath }
    if ($tooLong) { throw "Azure Automation imports no path of $script:AzureAutomationMaxPath characters or more: $($tooLong -join ', ')." }
}

function Publish-ToFolderRepository {
    # Publish-PSResource into a folder repository, registered in a throw-away HOME so the caller's
    # PSResourceGet configuration is never changed.
    param([Parameter(Mandatory)] [string] $ModuleFolder, [Parameter(Mandatory)] [string] $RepositoryFolder, [Parameter(Mandatory)] [string] $HomePath)
    $result = Invoke-IsolatedPwsh -HomePath $HomePath -Parameters @{ Module = $ModuleFolder; Repository = $RepositoryFolder } -ScriptBlock {
        param([string] $Module, [string] $Repository)
        $ErrorActionPreference = 'Stop'
        $WarningPreference = 'Stop'
        Register-PSResourceRepository -Name SecretsToolsPackage -Uri $Repository -Trusted
        Publish-PSResource -Path $Module -Repository SecretsToolsPackage
    }
    if ($result.ExitCode -ne 0) { throw "Publish-PSResource failed (exit $($result.ExitCode)): $($result.ErrorText) $($result.Output -join ' ')" }
}

function New-ZipFromFolder {
    param([Parameter(Mandatory)] [string] $Folder, [Parameter(Mandatory)] [string] $Destination)
    [System.IO.Compression.ZipFile]::CreateFromDirectory($Folder, $Destination, [System.IO.Compression.CompressionLevel]::Optimal, $false)
}

function Invoke-Package {
    <#
    .SYNOPSIS
        Packages the built module folder into PackageOutput: SecretsTools.<version>.nupkg (a folder
        repository for PSResourceGet), SecretsTools.zip (Azure Automation: the module's files at the
        root) and SecretsTools-lambda-layer-<version>.zip (modules/SecretsTools/<version>/...).
        Refuses, writing nothing, when that version is already packaged there. Returns the paths.
    #>
    param(
        [Parameter(Mandatory)] [string] $ModulePath,
        [Parameter(Mandatory)] [string] $PackageOutput,
        [string] $ChangelogPath = (Join-Path $PSScriptRoot '../CHANGELOG.md'),
        [string] $LicensePath = (Join-Path $PSScriptRoot '../LICENSE')
    )
    $manifest = Join-Path $ModulePath 'SecretsTools.psd1'
    if (-not (Test-Path $manifest)) { throw "There is no built module at $ModulePath; run ./build.ps1 Build first." }
    $version = (Import-PowerShellDataFile $manifest).ModuleVersion
    $names = Get-PackageFileNames $version
    $targets = [pscustomobject]@{
        Nupkg           = Join-Path $PackageOutput $names.Nupkg
        AzureAutomation = Join-Path $PackageOutput $names.AzureAutomation
        LambdaLayer     = Join-Path $PackageOutput $names.LambdaLayer
    }
    foreach ($existing in $targets.Nupkg, $targets.LambdaLayer) {
        if (Test-Path $existing) {
            throw "SecretsTools $version is already packaged ($existing). Raise <Version> in Directory.Build.props and add its CHANGELOG.md section, or run ./build.ps1 Clean to package $version again."
        }
    }
    $releaseNotes = Get-ChangelogSection -Path $ChangelogPath -Version $version
    if (-not (Test-Path $LicensePath)) { throw "There is no licence file at $LicensePath." }

    $work = Join-Path ([IO.Path]::GetTempPath()) "secretstools-package-$([guid]::NewGuid().ToString('N'))"
    try {
        # Everything is made in a work folder first, so a failure leaves PackageOutput as it was.
        # Staging is a copy of the module as built, plus the release notes and the licence.
        $staged = Join-Path $work 'stage/SecretsTools'
        New-Item -ItemType Directory -Path (Split-Path $staged) -Force | Out-Null
        Copy-Item $ModulePath $staged -Recurse -Force
        Copy-Item $LicensePath (Join-Path $staged 'LICENSE')
        Set-ManifestReleaseNotes -ManifestPath (Join-Path $staged 'SecretsTools.psd1') -ReleaseNotes $releaseNotes
        Assert-AzureAutomationPaths $staged

        $azureZip = Join-Path $work $names.AzureAutomation
        New-ZipFromFolder $staged $azureZip
        $layer = Join-Path $work 'layer'
        New-Item -ItemType Directory -Path (Join-Path $layer 'modules/SecretsTools') -Force | Out-Null
        Copy-Item $staged (Join-Path $layer "modules/SecretsTools/$version") -Recurse -Force
        $layerZip = Join-Path $work $names.LambdaLayer
        New-ZipFromFolder $layer $layerZip

        New-Item -ItemType Directory -Path $PackageOutput -Force | Out-Null
        $repository = (Resolve-Path $PackageOutput).Path
        Publish-ToFolderRepository -ModuleFolder $staged -RepositoryFolder $repository -HomePath (Join-Path $work 'home')
        if (-not (Test-Path $targets.Nupkg)) { throw "Publish-PSResource reported success but wrote no $($names.Nupkg) in $repository." }
        Move-Item $azureZip $targets.AzureAutomation -Force
        Move-Item $layerZip $targets.LambdaLayer
    }
    finally {
        Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    }
    Write-Host "Packaged SecretsTools $version in $PackageOutput"
    return $targets
}
