# The packages of ./build.ps1 Package, made from the built module into $TestDrive (never out/packages,
# whose refusal of a packaged version must not break a test run): each is installed or unpacked the
# way its host does it and imported by name in a fresh pwsh that sees only it, then used on both
# stores against moto_server.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $script:RepoRoot 'tools/Package.ps1')
    $null = Initialize-SecretsToolsTest
    $script:Built = Join-Path $script:RepoRoot 'out/SecretsTools'
    $script:BuiltManifest = Join-Path $script:Built 'SecretsTools.psd1'
    $script:BuiltManifestHash = (Get-FileHash $script:BuiltManifest).Hash
    $script:Version = (Import-PowerShellDataFile $script:BuiltManifest).ModuleVersion
    # Every cmdlet the manifest exports (Module.Tests checks which): new cmdlets need no edit here.
    $script:CmdletCount = @((Import-PowerShellDataFile (Join-Path $script:RepoRoot 'SecretsTools.psd1')).CmdletsToExport).Count

    # Our own changelog, so the expected release notes are known here rather than read by the code
    # under test; quotes of both kinds and non-ASCII text prove the manifest literal is escaped.
    $script:ExpectedNotes = "Notes for $($script:Version): it's `"quoted`", ‘curly’ and ü.`n`n### Added`n`n- One thing."
    $script:Changelog = New-TestFile -Text (
        "# Changelog`n`n## [Unreleased]`n`n- Not this.`n`n## [$script:Version] - 2026-01-01`n`n$script:ExpectedNotes`n`n" +
        "## [0.0.1] - 2020-01-01`n`n- Nor this.`n`n[Unreleased]: https://example.invalid/compare`n")
    $script:Output = Join-Path $TestDrive 'packages'
    $script:Packages = Invoke-Package -ModulePath $script:Built -PackageOutput $script:Output -ChangelogPath $script:Changelog 6>$null

    function Get-ZipEntryNames {
        param([string] $Path)
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Path)
        try { return @($zip.Entries | Where-Object { $_.Name } | ForEach-Object FullName) } finally { $zip.Dispose() }
    }

    function Expand-TestZip {
        param([string] $Path, [string] $Destination)
        [System.IO.Compression.ZipFile]::ExtractToDirectory($Path, $Destination)
        return (Resolve-Path $Destination).Path
    }

    function Get-FolderHashes {
        # Relative path -> SHA-256 of every file below a folder.
        param([string] $Path)
        $base = (Resolve-Path $Path).Path
        $hashes = @{}
        foreach ($file in Get-ChildItem $base -Recurse -File -Force) {
            $hashes[[IO.Path]::GetRelativePath($base, $file.FullName).Replace('\', '/')] = (Get-FileHash $file.FullName).Hash
        }
        return $hashes
    }

    function Assert-HoldsBuiltModule {
        # A package folder holds every file of the built module byte for byte, the manifest with the
        # release notes added, the licence, and nothing else but what its installer adds.
        param([string] $Path, [string[]] $AddedByInstaller = @())
        $built = Get-FolderHashes $script:Built
        $packaged = Get-FolderHashes $Path
        $expectedNames = @($built.Keys) + 'LICENSE' + $AddedByInstaller
        # The SecretManagement vault extension is part of the module (Register-SecretVault finds it there).
        $built.Keys | Should -Contain 'SecretsTools.Extension/SecretsTools.Extension.psd1'
        $built.Keys | Should -Contain 'SecretsTools.Extension/SecretsTools.Extension.psm1'
        $packaged.Keys | Sort-Object | Should -Be ($expectedNames | Sort-Object)
        foreach ($name in $built.Keys | Where-Object { $_ -ne 'SecretsTools.psd1' }) { $packaged[$name] | Should -Be $built[$name] -Because $name }
        $packaged['LICENSE'] | Should -Be (Get-FileHash (Join-Path $script:RepoRoot 'LICENSE')).Hash
        $manifest = Import-PowerShellDataFile (Join-Path $Path 'SecretsTools.psd1')
        $builtManifest = Import-PowerShellDataFile $script:BuiltManifest
        $manifest.PrivateData.PSData.ReleaseNotes | Should -BeExactly $script:ExpectedNotes
        $manifest.PrivateData.PSData.Remove('ReleaseNotes')
        ConvertTo-ComparableText $manifest | Should -BeExactly (ConvertTo-ComparableText $builtManifest)
    }

    function ConvertTo-ComparableText {
        # A manifest's data as text with keys sorted at every level, so two can be compared.
        param($Value)
        if ($Value -is [hashtable]) {
            return '{' + (($Value.Keys | Sort-Object | ForEach-Object { "$_=$(ConvertTo-ComparableText $Value[$_])" }) -join ';') + '}'
        }
        return ConvertTo-Json -InputObject $Value -Compress
    }

    function Invoke-PackageSmokeTest {
        # Imports SecretsTools by name in a fresh pwsh whose module path is ModulePath (plus pwsh's own
        # modules and the empty user folder of a new HOME), writes a value to each store and reads
        # it back; checks the module came from ExpectedBase and the server holds what was written.
        param([string] $HomePath, [string] $ModulePath, [string] $ExpectedBase)
        $prefix = New-TestName 'pkg'
        $result = Invoke-IsolatedPwsh -HomePath $HomePath -ModulePath $ModulePath -Parameters @{ Prefix = $prefix } -ScriptBlock {
            param([string] $Prefix)
            $ErrorActionPreference = 'Stop'
            Import-Module SecretsTools
            Set-Secret "ssm:/$Prefix/smoke" -Secret "$Prefix-ssm" -Confirm:$false
            Set-Secret "sm:$Prefix/smoke" -Secret "$Prefix-sm" -Confirm:$false
            $module = Get-Module SecretsTools
            [pscustomobject]@{
                ModuleBase = $module.ModuleBase
                Version    = "$($module.Version)"
                Cmdlets    = @($module.ExportedCmdlets.Keys).Count
                Ssm        = Get-Secret "ssm:/$Prefix/smoke" -AsPlainText
                Sm         = Get-Secret "sm:$Prefix/smoke" -AsPlainText
            } | ConvertTo-Json -Compress
        }
        $result.ExitCode | Should -Be 0 -Because $result.ErrorText
        $smoke = $result.Output[-1] | ConvertFrom-Json
        $smoke.ModuleBase | Should -Be $ExpectedBase
        $smoke.Version | Should -Be $script:Version
        $smoke.Cmdlets | Should -Be $script:CmdletCount
        $smoke.Ssm | Should -BeExactly "$prefix-ssm"
        $smoke.Sm | Should -BeExactly "$prefix-sm"
        (Get-SsmParameterFromServer "/$prefix/smoke")["/$prefix/smoke"].Value | Should -BeExactly "$prefix-ssm"
        (Get-SmValueFromServer "$prefix/smoke").SecretString | Should -BeExactly "$prefix-sm"
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Package output' {
    It 'writes the nupkg, the Azure Automation zip and the Lambda layer zip, named after the version' {
        Get-ChildItem $Output -Name | Sort-Object | Should -Be (@("SecretsTools.$Version.nupkg", 'SecretsTools.zip', "SecretsTools-lambda-layer-$Version.zip") | Sort-Object)
        $Packages.Nupkg | Should -Be (Join-Path $Output "SecretsTools.$Version.nupkg")
    }

    It 'leaves the built module as it was' {
        (Get-FileHash $BuiltManifest).Hash | Should -Be $BuiltManifestHash
        (Import-PowerShellDataFile $BuiltManifest).PrivateData.PSData.ContainsKey('ReleaseNotes') | Should -BeFalse
    }

    It 'gives the nupkg the metadata a gallery shows, release notes from the changelog' {
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Packages.Nupkg)
        try {
            $reader = [IO.StreamReader]::new($zip.GetEntry('SecretsTools.nuspec').Open())
            [xml] $nuspec = $reader.ReadToEnd()
            $reader.Dispose()
        }
        finally { $zip.Dispose() }
        $metadata = $nuspec.package.metadata
        $metadata.id | Should -Be 'SecretsTools'
        $metadata.version | Should -Be $Version
        $metadata.description | Should -Not -BeNullOrEmpty
        $metadata.projectUrl | Should -Be 'https://github.com/secretstools/SecretsTools'
        $metadata.licenseUrl | Should -Be 'https://github.com/secretstools/SecretsTools/blob/main/LICENSE'
        $metadata.releaseNotes | Should -BeExactly $ExpectedNotes
        foreach ($tag in 'AWS', 'SecretsManager', 'ParameterStore') { $metadata.tags -split ' ' | Should -Contain $tag }
    }

    It 'refuses a version already packaged there, with a clear error, and overwrites nothing' {
        $before = Get-ChildItem $Output | ForEach-Object { "$($_.Name) $($_.LastWriteTimeUtc.Ticks) $((Get-FileHash $_.FullName).Hash)" }
        { Invoke-Package -ModulePath $Built -PackageOutput $Output -ChangelogPath $Changelog } |
            Should -Throw ([WildcardPattern]::Escape("SecretsTools $Version is already packaged ($($Packages.Nupkg))") + '*')
        Get-ChildItem $Output | ForEach-Object { "$($_.Name) $($_.LastWriteTimeUtc.Ticks) $((Get-FileHash $_.FullName).Hash)" } | Should -Be $before
    }

    It 'refuses a version whose changelog section is <Case>, writing nothing' -ForEach @(
        @{ Case = 'missing'; Text = "# Changelog`n`n## [Unreleased]`n`n- Next.`n`n## [0.0.1]`n`n- Old.`n"; Message = 'has no section' }
        @{ Case = 'empty'; Text = "# Changelog`n`n## [{0}]`n`n## [0.0.1]`n`n- Old.`n"; Message = 'is empty' }
    ) {
        $changelog = New-TestFile -Text ($Text -f $Version)
        $target = Join-Path $TestDrive "no-notes-$Case"
        $thrown = { Invoke-Package -ModulePath $Built -PackageOutput $target -ChangelogPath $changelog } | Should -Throw -PassThru
        $thrown.Exception.Message | Should -Match ([regex]::Escape($Message))
        $thrown.Exception.Message | Should -Match ([regex]::Escape("'## [$Version]'"))
        Test-Path $target | Should -BeFalse
    }

    It 'finds release notes in CHANGELOG.md for the version being built' {
        Get-ChangelogSection -Path (Join-Path $RepoRoot 'CHANGELOG.md') -Version $Version | Should -Match '^\S'
    }
}

Describe 'The nupkg, installed with Install-PSResource from the folder repository' {
    BeforeAll {
        $script:InstallHome = Join-Path $TestDrive 'install-home'
        $script:Install = Invoke-IsolatedPwsh -HomePath $InstallHome -Parameters @{ Repository = $Output } -ScriptBlock {
            param([string] $Repository)
            $ErrorActionPreference = 'Stop'
            Register-PSResourceRepository -Name SecretsToolsTest -Uri $Repository -Trusted
            Install-PSResource -Name SecretsTools -Repository SecretsToolsTest -TrustRepository -Scope CurrentUser -Quiet
        }
        $script:UserModules = Join-Path $InstallHome '.local/share/powershell/Modules'
        $script:Installed = Join-Path $UserModules "SecretsTools/$Version"
    }

    It 'installs into the temporary HOME, whose PSResourceGet configuration alone gains the repository' {
        $Install.ExitCode | Should -Be 0 -Because $Install.ErrorText
        Test-Path (Join-Path $Installed 'SecretsTools.psd1') | Should -BeTrue
        Get-Content (Join-Path $InstallHome '.local/share/PSResourceGet/PSResourceRepository.xml') -Raw | Should -Match 'Name="SecretsToolsTest"'
        $ownConfig = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
        if (Test-Path $ownConfig) { Get-Content $ownConfig -Raw | Should -Not -Match 'Name="SecretsTools(Test|Package)"' }
    }

    It 'holds the built module' {
        Assert-HoldsBuiltModule $Installed -AddedByInstaller 'PSGetModuleInfo.xml'
    }

    It 'imports by name in a fresh pwsh and works on both stores' {
        Invoke-PackageSmokeTest -HomePath $InstallHome -ModulePath $UserModules -ExpectedBase $Installed
    }
}

Describe 'The Azure Automation zip' {
    BeforeAll {
        # Azure Automation unpacks the zip into a folder named after it (the module's name).
        $script:AzureModules = Join-Path $TestDrive 'azure-modules'
        $script:AzureModule = Expand-TestZip $Packages.AzureAutomation (Join-Path $AzureModules 'SecretsTools')
    }

    It "holds the module's files at its root, with paths under 140 characters" {
        $names = Get-ZipEntryNames $Packages.AzureAutomation
        $names | Should -Contain 'SecretsTools.psd1'
        $names | Should -Contain 'SecretsTools.dll'
        foreach ($name in $names) { "SecretsTools/$name".Length | Should -BeLessThan 140 -Because $name }
        Assert-HoldsBuiltModule $AzureModule
    }

    It 'imports by name in a fresh pwsh and works on both stores' {
        Invoke-PackageSmokeTest -HomePath (Join-Path $TestDrive 'azure-home') -ModulePath $AzureModules -ExpectedBase $AzureModule
    }

    It 'is refused when a file path would reach 140 characters' {
        $module = Join-Path $TestDrive 'long/SecretsTools'
        New-Item -ItemType Directory -Path $module -Force | Out-Null
        $name = 'x' * (140 - 'SecretsTools/'.Length)
        Set-Content (Join-Path $module $name) 'long'
        { Assert-AzureAutomationPaths $module } | Should -Throw "*140 characters or more: SecretsTools/$name*"
        Remove-Item (Join-Path $module $name)
        Set-Content (Join-Path $module $name.Substring(1)) 'shorter'
        { Assert-AzureAutomationPaths $module } | Should -Not -Throw
    }
}

Describe 'The Lambda layer zip' {
    BeforeAll {
        # A layer is unpacked into /opt, and the Lambda PowerShell runtime puts /opt/modules on PSModulePath.
        $script:Opt = Expand-TestZip $Packages.LambdaLayer (Join-Path $TestDrive 'lambda-opt')
        $script:LayerModule = Join-Path $Opt "modules/SecretsTools/$Version"
    }

    It 'holds the module under modules/SecretsTools/<version>' {
        $names = Get-ZipEntryNames $Packages.LambdaLayer
        $names | Should -Contain "modules/SecretsTools/$Version/SecretsTools.psd1"
        $names | Where-Object { -not $_.StartsWith("modules/SecretsTools/$Version/", [StringComparison]::Ordinal) } | Should -BeNullOrEmpty
        Assert-HoldsBuiltModule $LayerModule
    }

    It 'imports by name in a fresh pwsh and works on both stores' {
        Invoke-PackageSmokeTest -HomePath (Join-Path $TestDrive 'lambda-home') -ModulePath (Join-Path $Opt 'modules') -ExpectedBase $LayerModule
    }
}
