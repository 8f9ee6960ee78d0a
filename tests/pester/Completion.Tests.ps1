BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest

    function Get-Completion {
        # What TabExpansion2 offers with the cursor at the end of the line.
        param([string] $Line)
        return (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches
    }

    $script:Stem = New-TestName 'cp'
    Set-Secret "$Stem-alpha" -Secret 'v' -Confirm:$false
    Set-Secret "$Stem-beta" -Secret 'v' -Confirm:$false
    Set-Secret "@$Stem-team" -Secret 'v' -Confirm:$false
    Set-Secret "ssm:/$Stem/one" -Secret 'v' -Confirm:$false
    Set-Secret "ssm:/$Stem/two" -Secret 'v' -Confirm:$false
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Completion of -Region' {
    It 'completes -Region of <_>' -ForEach 'Get-Secret', 'Set-Secret', 'Get-SecretInfo', 'Remove-Secret', 'New-SecretPassword' {
        $texts = (Get-Completion "$_ -Region us-ea").CompletionText
        $texts | Should -Contain 'us-east-1'
        $texts | Should -Contain 'us-east-2'
        $texts | ForEach-Object { $_ | Should -BeLike 'us-ea*' }
    }

    It 'completes a partly typed region case-insensitively and describes it' {
        $matches = Get-Completion 'Get-Secret -Region EU-WEST-'
        $matches.CompletionText | Should -Contain 'eu-west-1'
        ($matches | Where-Object CompletionText -eq 'eu-west-1').ToolTip | Should -Not -BeNullOrEmpty
    }

    It 'offers only real region names' {
        $texts = (Get-Completion 'Get-Secret -Region ').CompletionText
        $texts.Count | Should -BeGreaterThan 20
        $texts | ForEach-Object { $_ | Should -Match '^[a-z]{2,4}(-[a-z]+)+-\d+$' -Because "'$_' should be a region Secrets Manager and Parameter Store serve" }
    }
}

Describe 'Completion of secret names' {
    It 'completes Secrets Manager names from a prefix' {
        (Get-Completion "Get-Secret $Stem").CompletionText | Sort-Object | Should -Be @("$Stem-alpha", "$Stem-beta")
        (Get-Completion "Get-Secret -Name $Stem-al").CompletionText | Should -Be "$Stem-alpha"
    }

    It 'keeps the sm: and ssm: prefixes the user typed' {
        (Get-Completion "Get-Secret sm:$Stem-b").CompletionText | Should -Be "sm:$Stem-beta"
        (Get-Completion "Get-Secret ssm:/$Stem/").CompletionText | Sort-Object | Should -Be @("ssm:/$Stem/one", "ssm:/$Stem/two")
    }

    It 'lists Parameter Store names with -Store ParameterStore' {
        (Get-Completion "Get-SecretInfo -Store ParameterStore /$Stem/t").CompletionText | Should -Be "/$Stem/two"
    }

    It 'completes the names of <_>' -ForEach 'Set-Secret', 'Get-SecretInfo', 'Set-SecretInfo', 'Remove-Secret' {
        (Get-Completion "$_ $Stem-al").CompletionText | Should -Be "$Stem-alpha"
    }

    It 'completes after an opening quote, and quotes a name PowerShell would misread' {
        (Get-Completion "Get-Secret '$Stem-al").CompletionText | Should -Be "$Stem-alpha"
        # A bare @name is splatting: the completion must be quoted to stay a name.
        $match = Get-Completion "Get-Secret '@$Stem"
        $match.CompletionText | Should -Be "'@$Stem-team'"
        $match.ListItemText | Should -Be "@$Stem-team"
        $ast = [System.Management.Automation.Language.Parser]::ParseInput("Get-Secret $($match.CompletionText)", [ref] $null, [ref] $null)
        $ast.EndBlock.Statements[0].PipelineElements[0].CommandElements[1].Value | Should -Be "@$Stem-team"
    }

    It 'offers nothing, quickly and without an error, when the endpoint does not answer' {
        $dead = "http://127.0.0.1:$(Get-FreeLoopbackPort)"
        $elapsed = Measure-Command { $script:result = Get-Completion "Get-Secret -EndpointUrl $dead $Stem" }
        $script:result | Should -BeNullOrEmpty
        $elapsed.TotalSeconds | Should -BeLessThan 6
    }
}
