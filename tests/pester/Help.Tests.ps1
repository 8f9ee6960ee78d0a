# The help that Get-Help shows, built from docs/en-US by tools/New-MamlHelp.ps1: complete, in the
# types a user types, with a working -Online link; and the about topics.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../../out/SecretsTools/SecretsTools.psd1') -Force
    # Every command of the module, so a new cmdlet's help is checked without a change here.
    $script:Cmdlets = @((Get-Command -Module SecretsTools).Name)
    $script:AboutTopics = @(Get-ChildItem (Join-Path $PSScriptRoot '../../docs/en-US') -Filter 'about_*.help.txt' | ForEach-Object { $_.Name -replace '\.help\.txt$', '' })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:DocsPath = Join-Path $RepoRoot 'docs/en-US'
    $manifest = Import-PowerShellDataFile (Join-Path $RepoRoot 'SecretsTools.psd1')
    $script:ProjectUri = $manifest.PrivateData.PSData.ProjectUri
    # Each cmdlet's parameter names and aliases, for checking the examples' calls.
    $script:ParameterNames = @{}
    foreach ($command in Get-Command -Module SecretsTools) {
        $ParameterNames[$command.Name] = @($command.Parameters.Values | ForEach-Object { $_.Name; $_.Aliases })
    }

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

Describe 'The commands whose help is checked' -ForEach @(@{ Discovered = $Cmdlets }) {
    It 'are every cmdlet the manifest exports' {
        $manifest = Import-PowerShellDataFile (Join-Path $RepoRoot 'SecretsTools.psd1')
        $Discovered | Sort-Object | Should -Be (@($manifest.CmdletsToExport) | Sort-Object)
    }
}

Describe 'Help for <_>' -ForEach $Cmdlets {
    BeforeAll {
        $script:Name = $_
        $script:Help = Get-Help $_ -Full
        # Wide enough that no syntax line wraps (a wrapped "[-Store <SecretSto|reKind>]" would not match).
        $script:Text = $Help | Out-String -Width 1000
    }

    It 'has a synopsis and a description' {
        "$($Help.Synopsis)".Trim() | Should -Not -BeNullOrEmpty
        # Without help of its own, Get-Help makes a synopsis of the syntax.
        "$($Help.Synopsis)" | Should -Not -Match "^\s*$([regex]::Escape($Name))\s+\["
        (@($Help.description.Text) -join ' ').Trim() | Should -Not -BeNullOrEmpty
        $Text | Should -Match '(?m)^SYNOPSIS\s*$'
    }

    It 'describes every parameter, those of the base classes (-Region, -Store, ...) included' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        $own = @((Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common })
        $own | Should -Not -BeNullOrEmpty
        $described = @{}
        foreach ($entry in @($Help.parameters.parameter)) { $described[$entry.name] = (@($entry.description.Text) -join ' ').Trim() }
        @($own | Where-Object { -not $described[$_] } | ForEach-Object { "-$_" }) | Should -BeNullOrEmpty -Because 'Get-Help -Full describes every parameter'
    }

    It 'has at least two examples, each with a title and code' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            # Titles are "---------- Example 1: What it shows ----------": more than the number.
            ("$($example.title)".Trim('- ') -replace '^Example \d+:?', '').Trim() | Should -Not -BeNullOrEmpty -Because $example.title
            "$($example.code)".Trim() | Should -Not -BeNullOrEmpty -Because $example.title
        }
    }

    It 'has examples that would work against AWS: PowerShell that calls the cmdlet, with parameters it has, and no test server' {
        $problems = foreach ($example in @($Help.examples.example)) {
            $code = "$($example.code)"
            $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref] $null, [ref] $errors)
            if ($errors) { "$($example.title) does not parse: $($errors[0].Message)" }
            if ($code -match '127\.0\.0\.1|localhost|-EndpointUrl') { "$($example.title) calls a test server, not AWS" }
            $calls = @($ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true))
            if (@($calls | ForEach-Object { $_.GetCommandName() }) -notcontains $Name) { "$($example.title) does not call $Name" }
            foreach ($call in $calls) {
                $names = $ParameterNames["$($call.GetCommandName())"]
                if (-not $names) { continue } # not one of ours
                foreach ($given in @($call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] } | ForEach-Object ParameterName)) {
                    # As PowerShell binds: a name or alias, or the start of exactly one.
                    if ($names -notcontains $given -and @($names | Where-Object { $_ -like "$given*" }).Count -ne 1) {
                        "$($example.title): $($call.GetCommandName()) has no parameter -$given"
                    }
                }
            }
        }
        @($problems) | Should -BeNullOrEmpty
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

Describe 'The about topic <_>' -ForEach $AboutTopics {
    BeforeAll {
        $script:Topic = $_
        $script:Source = @(Get-Content (Join-Path $DocsPath "$_.help.txt"))
    }

    It 'is found by Get-Help, from the built module' {
        Test-Path (Join-Path $RepoRoot "out/SecretsTools/en-US/$Topic.help.txt") | Should -BeTrue
        $shown = (Get-Help $Topic -ErrorAction Stop | Out-String) -split '\r?\n' | ForEach-Object TrimEnd
        $shown | Should -Contain ($Source | Where-Object { $_ -match '\S' } | Select-Object -Last 1)
        $shown | Should -Contain $Source[1]
    }

    It 'has the sections of an about topic, its TOPIC naming itself' {
        $Source[0] | Should -BeExactly 'TOPIC'
        $Source[1].Trim() | Should -BeExactly $Topic
        foreach ($heading in 'SHORT DESCRIPTION', 'LONG DESCRIPTION', 'SEE ALSO') { $Source | Should -Contain $heading }
    }

    It 'fits 80 columns' {
        @($Source | Where-Object Length -GT 80) | Should -BeNullOrEmpty
    }
}

Describe 'about_SecretsTools' {
    BeforeAll {
        $script:Source = @(Get-Content (Join-Path $DocsPath 'about_SecretsTools.help.txt'))
        # Section headings: top-level ones at the margin, those of LONG DESCRIPTION indented by two.
        $script:Sections = [ordered]@{}
        $current = $null
        foreach ($line in $Source) {
            if ($line -cmatch '^(  )?[A-Z][A-Z0-9 ,:#./-]+$') { $current = $line.Trim(); $Sections[$current] = [System.Collections.Generic.List[string]]::new() }
            elseif ($current) { $Sections[$current].Add($line) }
        }
    }

    It 'has a section <Heading> that covers <Terms>' -ForEach @(
        @{ Heading = 'THE TWO STORES'; Terms = 'Secrets Manager', 'Parameter Store', 'recovery window', 'SecureString', 'tier' }
        @{ Heading = 'NAMES AND REFERENCES'; Terms = 'ssm:', 'sm:', 'arn:aws:secretsmanager:', 'arn:aws:ssm:', '#password', ':3', ':stable' }
        @{ Heading = 'DEFAULTS'; Terms = 'plain name', 'SECRETSTOOLS_DEFAULT_STORE', '$PSDefaultParameterValues', 'Otherwise Secrets Manager' }
        @{ Heading = 'CREDENTIALS, REGION AND ENDPOINT'; Terms = '-ProfileName', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SESSION_TOKEN', '-Credential', 'Roles', 'role_arn' }
        @{ Heading = 'THE NAME CLASH WITH SECRETMANAGEMENT'; Terms = 'Microsoft.PowerShell.SecretManagement', 'Get-Secret', 'Set-Secret', 'Get-SecretInfo', 'Remove-Secret', 'Set-SecretInfo', 'Register-SecretVault -Name aws-prod -ModuleName SecretsTools', 'Microsoft.PowerShell.SecretManagement\Get-Secret db -Vault aws-prod', 'Import-Module SecretsTools -Prefix Aws', 'SecretsTools\Get-Secret', "'*-Secret*:Store' reaches" }
        @{ Heading = 'CONFIRMATION AND UNATTENDED USE'; Terms = '-Force', '-Confirm:$false', '$ConfirmPreference', '-NonInteractive', 'ConfirmationRequired' }
    ) {
        $Sections.Contains($Heading) | Should -BeTrue -Because "about_SecretsTools has a '$Heading' section"
        $body = $Sections[$Heading] -join "`n"
        foreach ($term in $Terms) { $body | Should -Match ([regex]::Escape($term)) -Because "'$Heading' covers $term" }
    }

    It 'names every cmdlet of the module' {
        $text = $Source -join "`n"
        foreach ($command in Get-Command -Module SecretsTools) { $text | Should -Match "\b$([regex]::Escape($command.Name))\b" }
    }

    It 'explains every ErrorId the module writes' {
        $ids = [SecretsTools.Model.SecretInfo].Assembly.GetType('SecretsTools.Stores.ErrorIds', $true).GetFields() | ForEach-Object { $_.GetValue($null) }
        $ids.Count | Should -BeGreaterThan 20
        $explained = $Sections['ERRORS'] | Where-Object { $_ -match '^    [A-Za-z]+$' } | ForEach-Object Trim
        foreach ($id in $ids) { $explained | Should -Contain $id }
    }

    It 'gives advice on the name clash that works: module-qualified names and -Prefix Aws reach SecretsTools' {
        $name = New-TestName 'ab'
        Set-Secret $name -Secret 'from-aws' -Confirm:$false
        $ps = [powershell]::Create([System.Management.Automation.RunspaceMode]::NewRunspace)
        try {
            $null = $ps.AddScript({
                    param($Module, $Name)
                    # A stand-in for Microsoft.PowerShell.SecretManagement (not installable here) with
                    # its four names; functions, which take precedence over any cmdlet of that name.
                    $vault = New-Module -Name Microsoft.PowerShell.SecretManagement -ScriptBlock {
                        function Get-Secret { param($Name) 'from-vault' }
                        function Set-Secret { }
                        function Get-SecretInfo { }
                        function Remove-Secret { }
                    }
                    Import-Module $Module
                    Import-Module $vault
                    $plain = Get-Secret -Name $Name
                    $qualified = SecretsTools\Get-Secret $Name -AsPlainText
                    Remove-Module SecretsTools
                    Import-Module $Module -Prefix Aws
                    [pscustomobject]@{
                        Plain     = $plain
                        Qualified = $qualified
                        Prefixed  = Get-AwsSecret $Name -AsPlainText
                        Both      = SecretsTools\Get-AwsSecret $Name -AsPlainText
                        Commands  = @((Get-Command -Module SecretsTools).Name)
                        Help      = (Get-Help Get-AwsSecret).Synopsis
                    }
                }).AddArgument((Join-Path $RepoRoot 'out/SecretsTools/SecretsTools.psd1')).AddArgument($name)
            $result = $ps.Invoke()[0]
            $ps.Streams.Error | Should -BeNullOrEmpty
        }
        finally { $ps.Dispose() }
        $result.Plain | Should -BeExactly 'from-vault'
        $result.Qualified | Should -BeExactly 'from-aws'
        $result.Prefixed | Should -BeExactly 'from-aws'
        $result.Both | Should -BeExactly 'from-aws'
        foreach ($clash in 'Get-AwsSecret', 'Set-AwsSecret', 'Get-AwsSecretInfo', 'Remove-AwsSecret') { $result.Commands | Should -Contain $clash }
        $result.Help | Should -BeExactly (Get-Help Get-Secret).Synopsis
    }
}
