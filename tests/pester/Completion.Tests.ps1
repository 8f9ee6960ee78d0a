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

    # The counting proxy is test code in the xunit assembly, built by the same test run.
    $testAssembly = Join-Path $script:RepoRoot 'tests/SecretsTools.Tests/bin/Release/net10.0/SecretsTools.Tests.dll'
    if (-not ('SecretsTools.Tests.Infrastructure.Proxy.FaultProxy' -as [type])) { Add-Type -Path $testAssembly }

    function Start-CountingProxy {
        # Forwards to moto unchanged and counts each operation: how many calls completion made.
        # Each proxy is a new endpoint, so a new connection: nothing it sees was cached before.
        return [SecretsTools.Tests.Infrastructure.Proxy.FaultProxy]::Start($env:AWS_ENDPOINT_URL)
    }

    function Get-Forwarded {
        param($Proxy, [string] $Operation)
        return $Proxy.CountsFor($Operation).Forwarded
    }
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

    It 'completes the names of <_>' -ForEach 'Set-Secret', 'Get-SecretInfo', 'Set-SecretInfo', 'Remove-Secret', 'Copy-Secret', 'Move-Secret', 'Compare-Secret', 'New-SecretMigrationPlan' {
        (Get-Completion "$_ $Stem-al").CompletionText | Should -Be "$Stem-alpha"
    }

    It 'has a name completer on every parameter that takes secret names' {
        $nameParameters = @{
            'Get-Secret' = 'Name'; 'Set-Secret' = 'Name'; 'Get-SecretInfo' = 'Name'; 'Set-SecretInfo' = 'Name'
            'Remove-Secret' = 'Name'; 'Restore-Secret' = 'Name'; 'Copy-Secret' = 'Name', 'Destination'
            'Move-Secret' = 'Name', 'Destination'; 'Compare-Secret' = 'ReferenceName', 'DifferenceName'
            'New-SecretMigrationPlan' = 'Name'; 'Clear-SecretCache' = 'Name'
        }
        foreach ($command in $nameParameters.Keys) {
            foreach ($parameter in $nameParameters[$command]) {
                $completer = (Get-Command $command).Parameters[$parameter].Attributes |
                    Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
                # Restore-Secret's own completer offers the deleted names (chosen by attribute, so
                # it holds under -Prefix and aliases, where the command name differs).
                $expected = if ($command -eq 'Restore-Secret') { 'DeletedSecretNameCompleter' } else { 'SecretNameCompleter' }
                $completer.Type.Name | Should -Be $expected -Because "$command -$parameter takes secret names"
            }
        }
    }

    It 'completes the destination of a copy on the destination store' {
        (Get-Completion "Copy-Secret $Stem-alpha -DestinationStore ParameterStore -Destination /$Stem/o").CompletionText | Should -Be "/$Stem/one"
        (Get-Completion "Compare-Secret -ReferenceName ssm:/$Stem/one -DifferenceName /$Stem/t").CompletionText | Should -Be "/$Stem/two"
    }

    It 'completes only what is scheduled for deletion for Restore-Secret' {
        Set-Secret "$Stem-gone" -Secret 'v' -Confirm:$false
        Remove-Secret "$Stem-gone" -Confirm:$false
        (Get-Completion "Restore-Secret $Stem-").CompletionText | Should -Be "$Stem-gone"
    }

    It 'completes a bare sm: or ssm: prefix' {
        $texts = (Get-Completion "Get-Secret ssm:/$Stem").CompletionText
        $texts | Should -Contain "ssm:/$Stem/one"
        (Get-Completion "Get-Secret -Store ParameterStore /$Stem/").CompletionText | Sort-Object | Should -Be @("/$Stem/one", "/$Stem/two")
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

Describe 'Completion caches listings briefly' {
    It 'lists once for repeated Tabs and for a narrower prefix typed after' {
        $proxy = Start-CountingProxy
        try {
            $line = "Get-Secret -EndpointUrl $($proxy.Endpoint) $Stem"
            1..3 | ForEach-Object { (Get-Completion $line).CompletionText | Sort-Object | Should -Be @("$Stem-alpha", "$Stem-beta") }
            (Get-Completion "$line-al").CompletionText | Should -Be "$Stem-alpha"
            (Get-Completion "$line-b").CompletionText | Should -Be "$Stem-beta"
            Get-Forwarded $proxy 'secretsmanager.ListSecrets' | Should -Be 1
        }
        finally { $proxy.Dispose() }
    }

    It 'keeps stores, connections and the deleted apart' {
        $proxy = Start-CountingProxy
        try {
            $endpoint = $proxy.Endpoint
            (Get-Completion "Get-Secret -EndpointUrl $endpoint $Stem-al").CompletionText | Should -Be "$Stem-alpha"
            (Get-Completion "Get-Secret -EndpointUrl $endpoint ssm:/$Stem/o").CompletionText | Should -Be "ssm:/$Stem/one"
            (Get-Completion "Get-Secret -EndpointUrl $endpoint -Store ParameterStore /$Stem/o").CompletionText | Should -Be "/$Stem/one"
            # Another Region is another connection: its own listing, and moto's eu-west-1 has none of these.
            Get-Completion "Get-Secret -EndpointUrl $endpoint -Region eu-west-1 $Stem-al" | Should -BeNullOrEmpty
            Get-Completion "Restore-Secret -EndpointUrl $endpoint $Stem-al" | Should -BeNullOrEmpty
            Get-Forwarded $proxy 'secretsmanager.ListSecrets' | Should -Be 3
            Get-Forwarded $proxy 'AmazonSSM.DescribeParameters' | Should -Be 1
        }
        finally { $proxy.Dispose() }
    }

    It 'forgets what it listed when SecretsTools changes a secret' {
        $stem = New-TestName 'cpc'
        Set-Secret "$stem-a" -Secret 'v' -Confirm:$false
        $proxy = Start-CountingProxy
        try {
            $line = "Get-Secret -EndpointUrl $($proxy.Endpoint) $stem"
            (Get-Completion $line).CompletionText | Should -Be "$stem-a"
            (Get-Completion $line).CompletionText | Should -Be "$stem-a"
            Get-Forwarded $proxy 'secretsmanager.ListSecrets' | Should -Be 1
            # Through another connection (the default one): any change made through SecretsTools counts.
            Set-Secret "$stem-b" -Secret 'v' -Confirm:$false
            (Get-Completion $line).CompletionText | Should -Be @("$stem-a", "$stem-b")
            Remove-Secret "$stem-a" -Confirm:$false
            (Get-Completion $line).CompletionText | Should -Be "$stem-b"
            Get-Forwarded $proxy 'secretsmanager.ListSecrets' | Should -Be 3
        }
        finally { $proxy.Dispose() }
    }

    It 'reads a secret once for repeated Tabs on -Key, and lists labels once' {
        $name = New-TestName 'cpk'
        Set-Secret $name -Secret @{ user = 'u'; pass = 'p' } -Confirm:$false
        $proxy = Start-CountingProxy
        try {
            1..3 | ForEach-Object { (Get-Completion "Get-Secret $name -EndpointUrl $($proxy.Endpoint) -Key ").CompletionText | Should -Be @('pass', 'user') }
            1..2 | ForEach-Object { (Get-Completion "Get-Secret $name -EndpointUrl $($proxy.Endpoint) -Label ").CompletionText | Should -Be 'AWSCURRENT' }
            Get-Forwarded $proxy 'secretsmanager.GetSecretValue' | Should -Be 1
            Get-Forwarded $proxy 'secretsmanager.ListSecretVersionIds' | Should -Be 1
        }
        finally { $proxy.Dispose() }
    }
}

Describe 'Completion of -Key' {
    BeforeAll {
        $script:Sentinel = "SENTINEL-$(New-TestName 'v')"
        $script:JsonName = New-TestName 'cpj'
        Set-Secret $JsonName -Secret @{ user = 'app'; password = $Sentinel; 'db host' = 'h'; nested = @{ inner = $Sentinel } } -Confirm:$false
        Set-Secret $JsonName -Secret @{ user = 'app'; password = $Sentinel; token = $Sentinel } -Confirm:$false
        $script:TextName = New-TestName 'cpt'
        Set-Secret $TextName -Secret $Sentinel -Confirm:$false

        function Assert-NoSentinel {
            param($Matches)
            foreach ($m in $Matches) {
                foreach ($text in $m.CompletionText, $m.ListItemText, $m.ToolTip) { $text | Should -Not -BeLike "*$Sentinel*" }
            }
        }
    }

    It 'offers the keys of the JSON secret named, never its values' {
        $matches = Get-Completion "Get-Secret $JsonName -Key "
        $matches.CompletionText | Should -Be @('password', 'token', 'user')
        $matches | ForEach-Object { $_.ToolTip | Should -Be $_.ListItemText }
        Assert-NoSentinel $matches
        (Get-Completion "Get-Secret -Name $JsonName -AsPlainText -Key P").CompletionText | Should -Be 'password'
    }

    It 'reads the version -Label selects, and quotes a key with a space' {
        $matches = Get-Completion "Get-Secret $JsonName -Label AWSPREVIOUS -Key "
        $matches.CompletionText | Should -Be @("'db host'", 'nested', 'password', 'user')
        Assert-NoSentinel $matches
    }

    It 'completes NAME#field with the keys, for Get-Secret and Set-Secret' {
        $matches = Get-Completion "Get-Secret $JsonName#to"
        $matches.CompletionText | Should -Be "'$JsonName#token'"
        $matches.ListItemText | Should -Be 'token'
        Assert-NoSentinel $matches
        Assert-NoSentinel (Get-Completion "Set-Secret sm:$JsonName#")
        (Get-Completion "Set-Secret sm:$JsonName#").ListItemText | Should -Be @('password', 'token', 'user')
    }

    It 'offers the keys of a Parameter Store JSON value' {
        $name = "/$(New-TestName 'cpk')/json"
        Set-Secret "ssm:$name" -Secret @{ host = 'h'; port = 5432 } -Confirm:$false
        (Get-Completion "Get-Secret ssm:$name -Key ").CompletionText | Should -Be @('host', 'port')
    }

    It 'offers nothing for <Case>' -ForEach @(
        @{ Case = 'a value that is not JSON'; Line = { "Get-Secret $TextName -Key " } }
        @{ Case = 'a secret that does not exist'; Line = { "Get-Secret $(New-TestName 'cpn') -Key " } }
        @{ Case = 'no name'; Line = { 'Get-Secret -Key ' } }
        @{ Case = 'a wildcard name'; Line = { "Get-Secret $JsonName* -Key " } }
        @{ Case = 'a label no version has'; Line = { "Get-Secret $JsonName -Label NOSUCH -Key " } }
    ) {
        $matches = Get-Completion (& $Line)
        $matches | Should -BeNullOrEmpty
    }
}

Describe 'Completion of -Label' {
    It 'offers the staging labels of a Secrets Manager secret, custom ones included' {
        $name = New-TestName 'cpl'
        Set-Secret $name -Secret 'one' -Confirm:$false
        Set-Secret $name -Secret 'two' -Confirm:$false
        $current = (Invoke-AwsApi secretsmanager DescribeSecret @{ SecretId = $name }).VersionIdsToStages.PSObject.Properties |
            Where-Object { $_.Value -contains 'AWSCURRENT' } | Select-Object -ExpandProperty Name
        Invoke-AwsApi secretsmanager UpdateSecretVersionStage @{ SecretId = $name; VersionStage = 'blue'; MoveToVersionId = $current } | Out-Null
        (Get-Completion "Get-Secret $name -Label ").CompletionText | Should -Be @('AWSCURRENT', 'AWSPREVIOUS', 'blue')
        (Get-Completion "Get-Secret $name -VersionStage awsp").CompletionText | Should -Be 'AWSPREVIOUS'
    }

    It 'offers the labels of a Parameter Store parameter' {
        $name = "/$(New-TestName 'cpl')/p"
        Set-Secret "ssm:$name" -Secret 'one' -Confirm:$false
        Set-Secret "ssm:$name" -Secret 'two' -Confirm:$false
        Invoke-AwsApi ssm LabelParameterVersion @{ Name = $name; ParameterVersion = 1; Labels = @('stable', 'blue') } | Out-Null
        Invoke-AwsApi ssm LabelParameterVersion @{ Name = $name; ParameterVersion = 2; Labels = @('canary') } | Out-Null
        (Get-Completion "Get-Secret ssm:$name -Label ").CompletionText | Should -Be @('blue', 'canary', 'stable')
        (Get-Completion "Get-Secret -Store ParameterStore -Name $name -Label s").CompletionText | Should -Be 'stable'
    }

    It 'falls back to the standard stages when Secrets Manager cannot say' {
        $standard = @('AWSCURRENT', 'AWSPENDING', 'AWSPREVIOUS')
        # No name to ask about yet (an unreachable store: see 'Completion never hangs'). A missing
        # secret is not tested here: moto answers ListSecretVersionIds for one with a 500, not
        # ResourceNotFoundException, so it would only wait out the retries.
        (Get-Completion 'Get-Secret -Label ').CompletionText | Should -Be $standard
    }

    It 'offers nothing for a Parameter Store name without labels, or that does not exist' {
        Get-Completion "Get-Secret ssm:/$Stem/one -Label " | Should -BeNullOrEmpty
        Get-Completion "Get-Secret ssm:/$(New-TestName 'cpn') -Label " | Should -BeNullOrEmpty
        Get-Completion 'Get-Secret -Store ParameterStore -Label ' | Should -BeNullOrEmpty
    }
}

Describe 'Completion of -ProfileName' {
    BeforeAll {
        $script:SavedConfig = $env:AWS_CONFIG_FILE
        $script:SavedCredentials = $env:AWS_SHARED_CREDENTIALS_FILE
        $script:ConfigFile = Join-Path $TestDrive 'config'
        $script:CredentialsFile = Join-Path $TestDrive 'credentials'
        Set-Content $ConfigFile @(
            '[default]', 'region = us-east-1'
            '[profile dev]', 'region = eu-west-1'
            '[ profile   qa team ]  # spaced out', 'region = eu-west-2'
            '[profile default]'
            '[sso-session corp]', 'sso_start_url = https://example.awsapps.com/start'
            '[services local]', 'secretsmanager =', '  endpoint_url = http://127.0.0.1:4566'
            '; [profile commented]'
        )
        Set-Content $CredentialsFile @(
            '[default]', 'aws_access_key_id = AKIDEXAMPLE', 'aws_secret_access_key = SENTINELSECRETKEY'
            '[ci]', 'aws_access_key_id = AKIDEXAMPLE2'
            '[dev]'
        )
    }
    AfterEach {
        $env:AWS_CONFIG_FILE = $SavedConfig
        $env:AWS_SHARED_CREDENTIALS_FILE = $SavedCredentials
    }

    It 'offers the profiles of both files, distinct and sorted, and no other section' {
        $env:AWS_CONFIG_FILE = $ConfigFile
        $env:AWS_SHARED_CREDENTIALS_FILE = $CredentialsFile
        $matches = Get-Completion 'Get-Secret -ProfileName '
        $matches.ListItemText | Should -Be @('ci', 'default', 'dev', 'qa team')
        ($matches | Where-Object ListItemText -eq 'qa team').CompletionText | Should -Be "'qa team'"
        $matches | ForEach-Object { $_.ToolTip | Should -Not -BeLike '*SENTINEL*' }
    }

    It 'matches a typed prefix or wildcard, for <_>' -ForEach 'Get-Secret', 'Set-SecretInfo', 'New-SecretPassword' {
        $env:AWS_CONFIG_FILE = $ConfigFile
        $env:AWS_SHARED_CREDENTIALS_FILE = $CredentialsFile
        (Get-Completion "$_ -ProfileName D").CompletionText | Should -Be @('default', 'dev')
        (Get-Completion "$_ -ProfileName *t").CompletionText | Should -Be @('default', "'qa team'")
    }

    It 'completes -DestinationProfileName and the AWS.Tools alias' {
        $env:AWS_CONFIG_FILE = $ConfigFile
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $TestDrive 'missing'
        (Get-Completion 'Copy-Secret x -DestinationProfileName q').CompletionText | Should -Be "'qa team'"
        (Get-Completion 'Get-SecretInfo -AWSProfileName ').CompletionText | Should -Be @('default', 'dev', "'qa team'")
    }

    It 'reads ~/.aws when the variables are not set, and offers nothing when there are no files' {
        Remove-Item Env:AWS_CONFIG_FILE, Env:AWS_SHARED_CREDENTIALS_FILE
        $savedHome = $env:HOME
        try {
            $env:HOME = Join-Path $TestDrive 'home'
            $null = New-Item -ItemType Directory (Join-Path $env:HOME '.aws') -Force
            Copy-Item $CredentialsFile (Join-Path $env:HOME '.aws/credentials')
            (Get-Completion 'Get-Secret -ProfileName ').CompletionText | Should -Be @('ci', 'default', 'dev')
            Remove-Item (Join-Path $env:HOME '.aws') -Recurse -Force
            Get-Completion 'Get-Secret -ProfileName ' | Should -BeNullOrEmpty
        }
        finally { $env:HOME = $savedHome }
    }
}

Describe 'Completion never hangs' {
    It 'offers nothing within the bound when the endpoint accepts and never answers' {
        $hanging = [SecretsTools.Tests.Infrastructure.HangingServer]::new()
        try {
            $elapsed = Measure-Command { $script:result = Get-Completion "Get-Secret -EndpointUrl $($hanging.Endpoint) $Stem" }
            $script:result | Should -BeNullOrEmpty
            $elapsed.TotalSeconds | Should -BeLessThan 4.5
            # Labels still offer the standard stages when the store cannot be asked in time.
            $elapsed = Measure-Command { $script:result = Get-Completion "Get-Secret $Stem-alpha -EndpointUrl $($hanging.Endpoint) -Label AWSC" }
            $script:result.CompletionText | Should -Be 'AWSCURRENT'
            $elapsed.TotalSeconds | Should -BeLessThan 4.5
        }
        finally { $hanging.Dispose() }
    }

    It 'offers nothing, without an error, for input the cmdlet would refuse' {
        foreach ($line in 'Get-Secret bogus:x', 'Get-Secret sm:a:b', 'Get-Secret -Store ParameterStore sm:x', "Get-Secret $Stem[", 'Get-Secret x -Key [') {
            $Error.Clear()
            Get-Completion $line | Should -BeNullOrEmpty -Because $line
            $Error.Count | Should -Be 0 -Because $line
        }
    }
}
