# Set-Secret NAME#field and -Merge (read, change some keys, write a new version), the prompt for a
# missing value, and per-item errors that name their secret.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Set-Secret NAME#field and -Merge on Secrets Manager' {
    It 'changes one field, keeps the others, and writes one new version' {
        $name = New-TestName
        $first = Set-Secret $name -Secret @{ username = 'app'; password = 'old-pw'; port = 5432 } -PassThru -Confirm:$false
        Set-Secret "$name#password" -Secret 'new-pw' -Confirm:$false -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
        $current = Get-SmValueFromServer $name
        $json = $current.SecretString | ConvertFrom-Json -AsHashtable
        $json.password | Should -Be 'new-pw'
        $json.username | Should -Be 'app'
        $json.port | Should -Be 5432
        # The previous version is the one that was read: nothing came in between.
        (Get-SmValueFromServer $name -VersionStage AWSPREVIOUS).VersionId | Should -Be $first.Version
        $described = Get-SmSecretFromServer $name
        @($described.VersionIdsToStages.PSObject.Properties).Count | Should -Be 2
    }

    It 'sets, adds and removes keys with -Merge, keeping the stored spelling of a key' {
        $name = New-TestName
        Set-Secret $name -Secret @{ Host = 'a'; port = 1; legacy = 'x' } -Confirm:$false
        Set-Secret $name -Merge @{ host = 'b'; port = 5433; extra = $true; legacy = $null } -Confirm:$false
        $json = (Get-SmValueFromServer $name).SecretString | ConvertFrom-Json -AsHashtable
        $json.Keys | Sort-Object | Should -Be @('extra', 'Host', 'port')
        $json.Host | Should -Be 'b'
        $json.port | Should -Be 5433
        $json.extra | Should -BeTrue
    }

    It 'takes a SecureString for a field and writes nothing with -WhatIf' {
        $name = New-TestName
        Set-Secret $name -Secret @{ token = 't1' } -Confirm:$false
        $before = (Get-SmValueFromServer $name).VersionId
        $run = Invoke-WithCapturedHost -Parameters @{ name = $name } {
            param($name) Set-Secret "$name#token" -Secret (ConvertTo-SecureString 't2' -AsPlainText -Force) -WhatIf
        }
        $run.HostLines | Should -Contain "What if: Performing the operation ""Change key 'token' (new version)"" on target ""$name (Secrets Manager)""."
        (Get-SmValueFromServer $name).VersionId | Should -Be $before
        Set-Secret "$name#token" -Secret (ConvertTo-SecureString 't2' -AsPlainText -Force) -Confirm:$false
        Get-Secret "$name#token" -AsPlainText | Should -Be 't2'
    }

    It 'refuses a value that is not a JSON object, a missing secret, binary and -NoClobber, writing nothing' {
        $name = New-TestName
        Set-Secret $name -Secret 'plain text' -Confirm:$false
        $before = (Get-SmValueFromServer $name).VersionId
        Set-Secret "$name#k" -Secret 'v' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e1
        Get-ErrorIds $e1 | Should -Be 'SecretNotJson'
        $e1[0].Exception.Message | Should -BeLike "*'$name'*nothing was written*"
        Set-Secret $name -Merge @{ k = 'v' } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e2
        Get-ErrorIds $e2 | Should -Be 'SecretNotJson'
        (Get-SmValueFromServer $name).VersionId | Should -Be $before
        (Get-SmValueFromServer $name).SecretString | Should -Be 'plain text'

        $missing = New-TestName
        Set-Secret "$missing#k" -Secret 'v' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e3
        Get-ErrorIds $e3 | Should -Be 'SecretNotFound'
        Get-SmSecretFromServer $missing | Should -BeNullOrEmpty

        $json = New-TestName
        Set-Secret $json -Secret @{ a = 1 } -Confirm:$false
        Set-Secret "$json#a" -Secret ([byte[]](1, 2)) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e4
        Get-ErrorIds $e4 | Should -Be 'UnsupportedSecretType'
        Set-Secret "$json#a" -Secret 'x' -NoClobber -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e5
        Get-ErrorIds $e5 | Should -Be 'InvalidParameterCombination'
        (Get-SmValueFromServer $json).SecretString | Should -Be '{"a":1}'
    }

    It 'takes -SecureStringSecret for a field, without prompting' {
        $name = New-TestName
        Set-Secret $name -Secret @{ token = 't1'; keep = 'k' } -Confirm:$false
        Set-Secret "$name#token" -SecureStringSecret (ConvertTo-SecureString 't3' -AsPlainText -Force) -Confirm:$false -ErrorVariable err
        $err | Should -BeNullOrEmpty
        (Get-SmValueFromServer $name).SecretString | ConvertFrom-Json | ForEach-Object { $_.token; $_.keep } | Should -Be @('t3', 'k')
    }

    It 'says SecretNotJson for a JSON value with duplicate keys, for reads and field writes alike' {
        $name = New-TestName
        Invoke-AwsApi secretsmanager CreateSecret @{ Name = $name; SecretString = '{"a":1,"a":2}' } | Out-Null
        Get-Secret "$name#a" -ErrorAction SilentlyContinue -ErrorVariable e1 | Should -BeNullOrEmpty
        Get-ErrorIds $e1 | Should -Be 'SecretNotJson'
        Set-Secret "$name#b" -Secret 'x' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e2
        Get-ErrorIds $e2 | Should -Be 'SecretNotJson'
        (Get-SmValueFromServer $name).SecretString | Should -Be '{"a":1,"a":2}'
    }

    It 'refuses a #field together with -Merge' {
        $name = New-TestName
        Set-Secret $name -Secret @{ a = 1 } -Confirm:$false
        Set-Secret "$name#a" -Merge @{ b = 2 } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'InvalidParameterCombination'
        (Get-SmValueFromServer $name).SecretString | Should -Be '{"a":1}'
    }
}

Describe 'Set-Secret NAME#field and -Merge on Parameter Store' {
    It 'changes a field of a JSON SecureString parameter and keeps its type' {
        $name = "/$(New-TestName)/db"
        Set-Secret "ssm:$name" -Secret @{ user = 'u'; password = 'p1' } -Confirm:$false
        Set-Secret "ssm:$name#password" -Secret 'p2' -Confirm:$false -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
        $server = (Get-SsmParameterFromServer $name)[$name]
        $server.Type | Should -Be 'SecureString'
        $server.Version | Should -Be 2
        $json = $server.Value | ConvertFrom-Json -AsHashtable
        $json.user | Should -Be 'u'
        $json.password | Should -Be 'p2'
    }

    It 'merges into a String parameter with -Merge' {
        $name = "/$(New-TestName)/cfg"
        Set-Secret "ssm:$name" -Secret '{"a":"1","b":"2"}' -Type String -Confirm:$false
        Set-Secret "ssm:$name" -Merge @{ b = '3'; c = '4' } -Confirm:$false
        $server = (Get-SsmParameterFromServer $name)[$name]
        $server.Type | Should -Be 'String'
        $server.Value | Should -Be '{"a":"1","b":"3","c":"4"}'
    }
}

Describe 'Set-Secret without a value' {
    It 'refuses with SecretValueRequired in a session that cannot prompt, and writes nothing' {
        $name = New-TestName
        $module = Join-Path $script:RepoRoot 'out/SecretsTools/SecretsTools.psd1'
        $script = "Import-Module '$module'; Set-Secret '$name' -ErrorAction SilentlyContinue -ErrorVariable e; `$e | ForEach-Object { `$_.FullyQualifiedErrorId; `$_.Exception.Message }"
        $output = & dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1
        ($output -join "`n") | Should -BeLike "SecretValueRequired*No -Secret was given for '$name'*cannot prompt*nothing was written*"
        Get-SmSecretFromServer $name | Should -BeNullOrEmpty
    }
}

Describe 'Set-Secret prompting in a real terminal' {
    # tmux gives pwsh a real terminal, so this is the console host's own prompt, as a user sees it.
    # tmux is part of the machine image (Debian's package): without it this test fails, it does not skip.
    It 'reads the value masked: what is typed never shows on the screen' {
        $name = New-TestName
        $sentinel = "TYPED$(New-TestName)"
        $script = Join-Path $TestDrive 'prompt.ps1'
        $module = Join-Path $script:RepoRoot 'out/SecretsTools/SecretsTools.psd1'
        Set-Content $script @"
. '$(Join-Path $script:RepoRoot 'tools/MotoServer.ps1')'
Set-MotoEnvironment -Endpoint '$env:AWS_ENDPOINT_URL'
Import-Module '$module'
Set-Secret '$name'
'PROMPT-TEST-DONE'
"@
        $session = "st-$(New-TestName)"
        & tmux new-session -d -s $session -x 160 -y 40 -c $script:RepoRoot "dotnet pwsh -NoProfile -NoExit -File '$script'"
        try {
            function Get-Screen { (& tmux capture-pane -p -t $session) -join "`n" }
            function Wait-Screen([string] $Like) {
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while ([DateTime]::UtcNow -lt $deadline) { $screen = Get-Screen; if ($screen -like $Like) { return $screen }; Start-Sleep -Milliseconds 200 }
                throw "The terminal never showed '$Like'; it shows:`n$(Get-Screen)"
            }
            $null = Wait-Screen '*Secret:*'
            & tmux send-keys -t $session -l $sentinel
            & tmux send-keys -t $session Enter
            $screen = Wait-Screen '*PROMPT-TEST-DONE*'
            $screen | Should -Not -BeLike "*$sentinel*"
            $screen | Should -BeLike "*Secret: $('*' * $sentinel.Length)*"
        }
        finally { & tmux kill-session -t $session 2>$null }
        (Get-SmValueFromServer $name).SecretString | Should -Be $sentinel
    }
}

Describe 'Per-item errors name their secret' {
    It 'names the row of an Import-Csv batch whose value is too large' {
        $stem = "/$(New-TestName)"
        $csv = Join-Path $TestDrive 'secrets.csv'
        @(
            [pscustomobject]@{ Name = "ssm:$stem/ok"; Secret = 'fine' }
            [pscustomobject]@{ Name = "ssm:$stem/big"; Secret = ('x' * 5000) }
            [pscustomobject]@{ Name = "ssm:$stem/also-ok"; Secret = 'fine too' }
        ) | Export-Csv $csv
        Import-Csv $csv | Set-Secret -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'SecretValueTooLarge'
        $err[0].Exception.Message | Should -BeLike "Secret '$stem/big': *5000 bytes*"
        $err[0].TargetObject | Should -Be "$stem/big"
        (Get-SsmParameterFromServer "$stem/ok", "$stem/also-ok", "$stem/big").Keys | Sort-Object | Should -Be @("$stem/also-ok", "$stem/ok")
    }

    It 'names both ARNs, the right way round, for another account''s parameter' {
        $name = "/$(New-TestName)/mine"
        Set-Secret "ssm:$name" -Secret 'own' -Confirm:$false
        $foreign = "arn:aws:ssm:us-east-1:999999999999:parameter$name"
        Get-Secret $foreign -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $message = $err[0].Exception.Message
        $message | Should -BeLike "'$foreign' is in account 999999999999, but the credentials in use are for account 123456789012:*"
        $message | Should -BeLike "*they reach 'arn:aws:ssm:us-east-1:123456789012:parameter$name', which is not the parameter asked for*"
    }
}
