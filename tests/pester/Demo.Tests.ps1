# The demo (tools/Demo.ps1, run by build.ps1 Demo) as a newcomer sees it: every command shown
# before it runs, secret values starred out, plain text in 80 columns when redirected.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $demo = Join-Path $RepoRoot 'tools/Demo.ps1'
    $module = Join-Path $RepoRoot 'out/SecretsTools/SecretsTools.psd1'
    # As from a terminal that colours, with the output sent to a file; NO_COLOR would hide the problem.
    $script:Run = Invoke-ChildPwsh -Arguments '-File', $demo, '-ModulePath', $module, '-Endpoint', $endpoint -Environment @{ NO_COLOR = $null; TERM = 'xterm-256color' }
    $script:Lines = @($Run.Output -split '\r?\n')

    # The statements the demo runs through Invoke-Shown, with the values it masks.
    $ast = [System.Management.Automation.Language.Parser]::ParseFile($demo, [ref] $null, [ref] $null)
    $script:Shown = foreach ($call in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] -and $n.GetCommandName() -eq 'Invoke-Shown' }, $true)) {
        $block = $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.ScriptBlockExpressionAst] }
        $maskAt = [array]::FindIndex([object[]] $call.CommandElements, [Predicate[object]] { param($e) "$e" -eq '-Mask' })
        $mask = if ($maskAt -ge 0) { @($call.CommandElements[$maskAt + 1].SafeGetValue()) } else { @() }
        foreach ($statement in $block.ScriptBlock.EndBlock.Statements) {
            [pscustomobject]@{ FirstLine = ($statement.Extent.Text -split '\r?\n')[0]; Mask = $mask }
        }
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'The demo' {
    It 'runs to the end without errors' {
        $Run.ExitCode | Should -Be 0 -Because $Run.Error
        $Run.Error | Should -BeNullOrEmpty
        $Lines | Should -Contain 'Demo finished.'
        # The one error it shows on purpose, in order with the rest of its output.
        $missing = [array]::IndexOf($Lines, "Get-Secret: Secret 'demo/nope' was not found in Secrets Manager.")
        $missing | Should -BeGreaterThan 0
        $Lines[$missing + 1] | Should -Be 'PS> $Error[0].FullyQualifiedErrorId'
    }

    It 'shows every command before its output, with secret values starred out' {
        $Shown.Count | Should -BeGreaterThan 25
        foreach ($s in $Shown) {
            $expected = $s.FirstLine
            foreach ($m in $s.Mask) { $expected = $expected.Replace($m, '********') }
            @($Lines | Where-Object { $_.StartsWith("PS> $expected") }).Count | Should -BeGreaterThan 0 -Because "'$expected' runs"
        }
        $prompts = $Lines | Where-Object { $_ -match '^(PS|>)> ' }
        foreach ($m in $Shown.Mask | Select-Object -Unique) { $prompts -join "`n" | Should -Not -Match ([regex]::Escape($m)) }
    }

    It 'shows the tags it filters on' {
        $filter = [array]::IndexOf($Lines, ($Lines | Where-Object { $_ -match '^PS> Get-SecretInfo .*-Tag @\{ team = ''payments'' \}' }))
        $filter | Should -BeGreaterThan 0
        $rows = $Lines[($filter + 1)..($filter + 8)]
        @($rows | Where-Object { $_ -match '^/demo/app/\S+\s+\d+\s+\{.*\[team, payments\]' }).Count | Should -Be 2
    }

    It 'fits 80 columns and writes plain text when redirected' {
        $Lines | Where-Object { $_.Length -gt 80 } | Should -BeNullOrEmpty
        $Run.Output.Contains([char] 27) | Should -BeFalse
    }
}
