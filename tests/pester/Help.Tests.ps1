# The help that Get-Help shows, built from docs/en-US by tools/New-MamlHelp.ps1: complete, in the
# types a user types, with a working -Online link.
BeforeDiscovery {
    $script:Cmdlets = 'Get-Secret', 'Set-Secret', 'Get-SecretInfo', 'Set-SecretInfo', 'Remove-Secret', 'Restore-Secret', 'New-SecretPassword', 'Copy-Secret', 'Move-Secret', 'Invoke-SecretMigration', 'Compare-Secret'
    $script:Cmdlets += 'New-SecretMigrationPlan'
    $script:Cmdlets += 'Get-SecretsToolsConfiguration', 'Set-SecretsToolsConfiguration'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:DocsPath = Join-Path $RepoRoot 'docs/en-US'
    $manifest = Import-PowerShellDataFile (Join-Path $RepoRoot 'SecretsTools.psd1')
    $script:ProjectUri = $manifest.PrivateData.PSData.ProjectUri

    function Get-MarkdownExample {
        # The examples of a cmdlet's markdown: title and code, in order.
        param([string] $Cmdlet)
        $text = Get-Content (Join-Path $DocsPath "$Cmdlet.md") -Raw
        $section = [regex]::Match($text, '(?s)\n## EXAMPLES\n(.*?)\n## ').Groups[1].Value
        foreach ($m in [regex]::Matches($section, '(?s)### ([^\n]+)\n```[a-z]*\n(.*?)\n```')) {
            [pscustomobject]@{ Title = $m.Groups[1].Value.Trim(); Code = $m.Groups[2].Value }
        }
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Help for <_>' -ForEach $Cmdlets {
    BeforeAll {
        $script:Name = $_
        $script:Help = Get-Help $_ -Full
        # Wide enough that no syntax line wraps (a wrapped "[-Store <SecretSto|reKind>]" would not match).
        $script:Text = $Help | Out-String -Width 1000
    }

    It 'shows parameter types as users write them, never Nullable' {
        $Text | Should -Not -Match 'Nullable'
        if ((Get-Command $Name).Parameters.ContainsKey('Store')) {
            $Text | Should -Match '\[-Store <SecretStoreKind>\]'
            ($Help.parameters.parameter | Where-Object name -EQ 'Store').parameterValue | Should -Be 'SecretStoreKind'
        }
    }

    It 'has INPUTS and OUTPUTS, each type with a description' {
        foreach ($list in @($Help.inputTypes.inputType), @($Help.returnValues.returnValue)) {
            $list | Should -Not -BeNullOrEmpty
            foreach ($item in $list) {
                "$($item.type.name)".Trim() | Should -Not -BeNullOrEmpty
                "$($item.description.Text)".Trim() | Should -Not -BeNullOrEmpty
            }
        }
        $Text | Should -Match '(?m)^INPUTS\s*$'
        $Text | Should -Match '(?m)^OUTPUTS\s*$'
    }

    It 'has every example of its markdown, with the same code' {
        $expected = @(Get-MarkdownExample $Name)
        $expected.Count | Should -BeGreaterThan 0
        $shown = @($Help.examples.example)
        $shown.Count | Should -Be $expected.Count
        for ($i = 0; $i -lt $expected.Count; $i++) {
            $shown[$i].title | Should -Match ([regex]::Escape($expected[$i].Title))
            $shown[$i].code | Should -BeExactly $expected[$i].Code
        }
    }

    It 'links -Online to its markdown in the project repository, which exists' {
        $uri = "$ProjectUri/blob/main/docs/en-US/$Name.md"
        (Get-Command $Name).HelpUri | Should -BeExactly $uri
        @($Help.relatedLinks.navigationLink)[0].uri | Should -BeExactly $uri
        Test-Path (Join-Path $DocsPath "$Name.md") | Should -BeTrue
    }
}

Describe 'The help generator' {
    BeforeAll {
        $script:Generator = Join-Path $RepoRoot 'tools/New-MamlHelp.ps1'
        $script:Module = Join-Path $RepoRoot 'out/SecretsTools/SecretsTools.psd1'
    }

    It 'fails the build when a cmdlet''s markdown lacks its <_> section' -ForEach 'INPUTS', 'OUTPUTS' {
        $docs = Join-Path $TestDrive "docs-$_"
        Copy-Item $DocsPath $docs -Recurse
        $file = Join-Path $docs 'Restore-Secret.md'
        $text = Get-Content $file -Raw
        $without = [regex]::Replace($text, "(?s)\n## $_\n.*?(?=\n## )", '')
        $without | Should -Not -Be $text
        Set-Content $file $without -NoNewline
        $result = Invoke-ChildPwsh -Arguments '-File', $Generator, '-ModulePath', $Module, '-DocsPath', $docs, '-OutputFile', (Join-Path $TestDrive "help-$_.xml")
        $result.ExitCode | Should -Not -Be 0
        # The error view wraps the message and draws a gutter; compare the words.
        $message = ($result.Error + $result.Output) -replace '\x1b\[[0-9;]*m', '' -replace '[\s|]+', ' '
        $message | Should -Match "Restore-Secret\.md has no '## $_' section"
    }
}
