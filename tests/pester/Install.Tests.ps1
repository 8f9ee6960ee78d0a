# Getting started: build.ps1 runs as the README says, and `./build.ps1 Install` puts the module where
# `Import-Module SecretsTools` finds it by name, from a fresh session outside the clone.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:Build = Join-Path $RepoRoot 'build.ps1'
    $script:Version = (Import-PowerShellDataFile (Join-Path $RepoRoot 'out/SecretsTools/SecretsTools.psd1')).ModuleVersion
    # Every cmdlet the manifest exports (Module.Tests checks which): new cmdlets need no edit here.
    $script:CmdletCount = @((Import-PowerShellDataFile (Join-Path $RepoRoot 'SecretsTools.psd1')).CmdletsToExport).Count
    # What a fresh session outside the clone reports once the module is found by name.
    $script:ProbeByName = 'Import-Module SecretsTools -ErrorAction Stop; $m = Get-Module SecretsTools; "$($m.Version)|$($m.ModuleBase)|$(@(Get-Command -Module SecretsTools).Count)"'
}
AfterAll { Complete-SecretsToolsTest }

Describe 'build.ps1' {
    It 'is committed executable and runs as ./build.ps1 through its shebang' -Skip:$IsWindows {
        (git -C $RepoRoot ls-files -s build.ps1) | Should -Match '^100755 '
        $output = & bash -c "cd '$RepoRoot' && ./build.ps1 -?" 2>&1
        $LASTEXITCODE | Should -Be 0
        "$output" | Should -Match 'build\.ps1 \[\[-Task\] <string>\]'
    }
}

Describe 'Using the built module by name' {
    It 'imports out/SecretsTools by name once out/ is in PSModulePath, as the README shows' {
        $out = Join-Path $RepoRoot 'out'
        $probe = Invoke-ChildPwsh -Arguments '-Command', $ProbeByName -Environment @{ PSModulePath = $out }
        $probe.ExitCode | Should -Be 0 -Because $probe.Error
        $probe.Output.Trim() | Should -Be "$Version|$(Join-Path $out 'SecretsTools')|$CmdletCount"
    }
}

Describe 'build.ps1 Install' {
    It 'installs into -Destination as SecretsTools/<version>, importable by name' {
        $modules = Join-Path $TestDrive 'modules'
        $install = Invoke-ChildPwsh -Arguments '-File', $Build, 'Install', '-NoBuild', '-Destination', $modules
        $install.ExitCode | Should -Be 0 -Because $install.Error
        $target = Join-Path $modules "SecretsTools/$Version"
        Test-Path (Join-Path $target 'SecretsTools.psd1') | Should -BeTrue
        Test-Path (Join-Path $target 'en-US/SecretsTools.dll-Help.xml') | Should -BeTrue
        # The SecretManagement vault extension, which Register-SecretVault looks for beside the manifest.
        Test-Path (Join-Path $target 'SecretsTools.Extension/SecretsTools.Extension.psd1') | Should -BeTrue
        Test-Path (Join-Path $target 'SecretsTools.Extension/SecretsTools.Extension.psm1') | Should -BeTrue

        $probe = Invoke-ChildPwsh -Arguments '-Command', $ProbeByName -Environment @{ PSModulePath = $modules }
        $probe.ExitCode | Should -Be 0 -Because $probe.Error
        $probe.Output.Trim() | Should -Be "$Version|$target|$CmdletCount"
    }

    It 'installs into the user module folder of PSModulePath by default, so a new session needs no set-up' -Skip:$IsWindows {
        # A home of its own: PowerShell derives the user module folder from it at start.
        $fresh = @{ HOME = (Join-Path $TestDrive 'home'); XDG_DATA_HOME = $null; PSModulePath = $null }
        $install = Invoke-ChildPwsh -Arguments '-File', $Build, 'Install', '-NoBuild' -Environment $fresh
        $install.ExitCode | Should -Be 0 -Because $install.Error
        $target = Join-Path $fresh.HOME ".local/share/powershell/Modules/SecretsTools/$Version"
        $install.Output | Should -Match ([regex]::Escape("Installed SecretsTools $Version in $target"))

        $probe = Invoke-ChildPwsh -Arguments '-Command', $ProbeByName -Environment $fresh
        $probe.ExitCode | Should -Be 0 -Because $probe.Error
        $probe.Output.Trim() | Should -Be "$Version|$target|$CmdletCount"
    }
}
