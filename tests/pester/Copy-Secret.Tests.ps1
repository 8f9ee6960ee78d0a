# Copy-Secret against moto: every direction, metadata kept, secrets kept secret, safe re-runs,
# and values checked on the server itself (not through SecretsTools).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Copy-Secret from Parameter Store to Secrets Manager' {
    BeforeAll {
        $stem = "/$(New-TestName 'cp')"
        Set-Secret "ssm:$stem/db/host" -Secret 'db.internal' -Type String -Description 'DB host' -Tag @{ team = 'payments' } -Confirm:$false
        Set-Secret "ssm:$stem/db/password" -Secret 'pw-1' -Confirm:$false
        Set-Secret "ssm:$stem/hosts" -Secret @('web-1', 'web-2') -Confirm:$false
        foreach ($i in 1..20) { Set-Secret "ssm:$stem/many/p$i" -Secret "v$i" -Type String -Confirm:$false }
        $smStem = $stem.TrimStart('/')
    }

    It 'copies a whole hierarchy, one secret per parameter named without the leading /' {
        $results = @(Get-SecretInfo -Path $stem -Recurse | Copy-Secret -DestinationStore SecretsManager -TagSource -Confirm:$false)
        $results.Count | Should -Be 23
        $results | ForEach-Object { $_ | Should -BeOfType ([SecretsTools.Model.SecretCopyResult]) }
        @($results | Where-Object Status -NE 'Created') | Should -BeNullOrEmpty
        (Get-SmValueFromServer "$smStem/db/password").SecretString | Should -Be 'pw-1'
        (Get-SmValueFromServer "$smStem/many/p17").SecretString | Should -Be 'v17'
        # A StringList is kept as Parameter Store stores it.
        (Get-SmValueFromServer "$smStem/hosts").SecretString | Should -Be 'web-1,web-2'
    }

    It 'keeps description and tags, and adds provenance tags with -TagSource' {
        $described = Get-SmSecretFromServer "$smStem/db/host"
        $described.Description | Should -Be 'DB host'
        $tags = @{}; foreach ($t in $described.Tags) { $tags[$t.Key] = $t.Value }
        $tags.team | Should -Be 'payments'
        $tags['secretstools:source'] | Should -BeLike "*$stem/db/host"
        $tags['secretstools:source-version'] | Should -Be '1'
    }

    It 'skips everything on a re-run and writes no version' {
        $before = (Get-SmSecretFromServer "$smStem/db/password").VersionIdsToStages.PSObject.Properties.Name
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $results = @(Get-SecretInfo -Path $stem -Recurse | Copy-Secret -DestinationStore SecretsManager -Confirm:$false)
        @($results | Where-Object Status -NE 'Skipped') | Should -BeNullOrEmpty
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'CreateSecret') | Should -Be 0
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'PutSecretValue') | Should -Be 0
        (Get-SmSecretFromServer "$smStem/db/password").VersionIdsToStages.PSObject.Properties.Name | Should -Be $before
    }

    It 'refuses to overwrite another value unless -Force, then writes one new version' {
        Set-Secret "ssm:$stem/db/password" -Secret 'pw-2' -Confirm:$false
        $result = Copy-Secret "ssm:$stem/db/password" -DestinationStore SecretsManager -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $result.Status | Should -Be 'Failed'
        Get-ErrorIds $err | Should -Be 'DestinationDiffers'
        $err[0].TargetObject | Should -Be "ssm:$stem/db/password"
        (Get-SmValueFromServer "$smStem/db/password").SecretString | Should -Be 'pw-1'

        $forced = Copy-Secret "ssm:$stem/db/password" -DestinationStore SecretsManager -Force -Confirm:$false
        $forced.Status | Should -Be 'Updated'
        $forced.SourceVersion | Should -Be '2'
        (Get-SmValueFromServer "$smStem/db/password").SecretString | Should -Be 'pw-2'
        @((Get-SmSecretFromServer "$smStem/db/password").VersionIdsToStages.PSObject.Properties).Count | Should -Be 2
    }

    It 'copies nothing with -WhatIf' {
        $name = "/$(New-TestName 'cpw')/x"
        Set-Secret "ssm:$name" -Secret 'v' -Confirm:$false
        $run = Invoke-WithCapturedHost -Parameters @{ name = $name } { param($name) Copy-Secret "ssm:$name" -DestinationStore SecretsManager -WhatIf }
        $run.HostLines | Should -Contain "What if: Performing the operation ""Copy secret"" on target ""ssm:$name (Parameter Store) to $($name.TrimStart('/')) (Secrets Manager, us-east-1)""."
        $run.Output | Should -BeNullOrEmpty
        Get-SmSecretFromServer $name.TrimStart('/') | Should -BeNullOrEmpty
    }
}

Describe 'Copy-Secret from Secrets Manager to Parameter Store' {
    It 'writes SecureString parameters by default, String with -Type, under -DestinationPrefix' {
        $stem = New-TestName 'cps'
        Set-Secret "sm:$stem/api" -Secret 'k-1' -Description 'API key' -Confirm:$false
        Set-Secret "sm:$stem/url" -Secret 'svc.internal' -Confirm:$false
        $results = @(Copy-Secret "sm:$stem/api" -DestinationStore ParameterStore -DestinationPrefix /backup -Confirm:$false)
        $results[0].DestinationName | Should -Be "/backup/$stem/api"
        $server = Get-SsmParameterFromServer "/backup/$stem/api"
        $server["/backup/$stem/api"].Type | Should -Be 'SecureString'
        $server["/backup/$stem/api"].Value | Should -Be 'k-1'
        (Invoke-AwsApi ssm DescribeParameters @{ ParameterFilters = @(@{ Key = 'Name'; Values = @("/backup/$stem/api") }) }).Parameters[0].Description | Should -Be 'API key'

        Copy-Secret "sm:$stem/url" -Destination "ssm:/$stem/url" -Type String -Confirm:$false | Out-Null
        (Get-SsmParameterFromServer "/$stem/url")["/$stem/url"].Type | Should -Be 'String'
    }

    It 'refuses a binary secret by name and writes nothing' {
        $name = New-TestName 'cpb'
        Set-Secret "sm:$name" -Secret ([byte[]](1, 2, 3)) -Confirm:$false
        Copy-Secret "sm:$name" -DestinationStore ParameterStore -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err | Out-Null
        Get-ErrorIds $err | Should -Be 'UnsupportedSecretType'
        $err[0].Exception.Message | Should -BeLike "*'sm:$name' holds binary data*Parameter Store holds text only*"
        (Get-SsmParameterFromServer $name).Count | Should -Be 0
    }
}

Describe 'Copy-Secret within a store, across prefixes and Regions' {
    It 'copies Parameter Store to another Region, keeping the type' {
        $name = "/$(New-TestName 'cpr')/db"
        Set-Secret "ssm:$name" -Secret 'regional' -Type String -Confirm:$false
        $result = Copy-Secret "ssm:$name" -DestinationRegion us-west-2 -Confirm:$false
        $result.DestinationRegion | Should -Be 'us-west-2'
        $result.Status | Should -Be 'Created'
        Get-Secret "ssm:$name" -Region us-west-2 -AsPlainText | Should -Be 'regional'
        (Get-SecretInfo "ssm:$name" -Region us-west-2).Type | Should -Be 'String'
    }

    It 'copies Secrets Manager to another name and refuses a copy onto itself' {
        $name = New-TestName 'cpn'
        Set-Secret $name -Secret @{ a = 1 } -Confirm:$false
        (Copy-Secret $name -Destination "$name-copy" -Confirm:$false).Status | Should -Be 'Created'
        (Get-SmValueFromServer "$name-copy").SecretString | Should -Be '{"a":1}'
        Copy-Secret $name -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'InvalidParameterCombination'
    }

    It 'refuses -Destination for several sources before copying anything' {
        $a = New-TestName 'cpa'; $b = New-TestName 'cpb'
        Set-Secret $a -Secret 'A' -Confirm:$false; Set-Secret $b -Secret 'B' -Confirm:$false
        { Copy-Secret $a, $b -Destination 'one-place' -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidParameterCombination*'
        Get-SmSecretFromServer 'one-place' | Should -BeNullOrEmpty
    }
}

Describe 'Copy-Secret keeps values out of every stream and view' {
    It 'shows the sentinel nowhere but on the server' {
        $sentinel = "SENTINEL-$(New-TestName)"
        $name = "/$(New-TestName 'cpl')/v"
        Set-Secret "ssm:$name" -Secret $sentinel -Confirm:$false
        $records = & { Copy-Secret "ssm:$name" -DestinationStore SecretsManager -Verbose -Confirm:$false; Copy-Secret "ssm:$name" -DestinationStore SecretsManager -Verbose -Confirm:$false } *>&1
        $records.Count | Should -BeGreaterThan 1
        foreach ($record in $records) {
            ($record | Out-String) + ($record | Format-List * | Out-String) | Should -Not -BeLike "*$sentinel*"
        }
        (Get-SmValueFromServer $name.TrimStart('/')).SecretString | Should -Be $sentinel
    }
}

Describe 'Copy-Secret across accounts' {
    It 'copies into another account with -DestinationProfileName (a role assumed there)' {
        # moto's STS gives a role in account 111111111111 its own keys; a profile holds them.
        $assumed = Invoke-AwsCli sts assume-role --role-arn 'arn:aws:iam::111111111111:role/migration' --role-session-name pester
        $key = $assumed.Credentials
        $awsDir = Join-Path $TestDrive 'aws-other'
        New-Item -ItemType Directory $awsDir | Out-Null
        Set-Content (Join-Path $awsDir 'config') "[profile other]`nregion = us-east-1`n"
        Set-Content (Join-Path $awsDir 'credentials') "[other]`naws_access_key_id = $($key.AccessKeyId)`naws_secret_access_key = $($key.SecretAccessKey)`naws_session_token = $($key.SessionToken)`n"
        $name = New-TestName 'cpx'
        Set-Secret "sm:$name" -Secret 'cross-account' -Confirm:$false
        $module = Join-Path $script:RepoRoot 'out/SecretsTools/SecretsTools.psd1'
        $script = "`$env:AWS_CONFIG_FILE = '$(Join-Path $awsDir 'config')'; `$env:AWS_SHARED_CREDENTIALS_FILE = '$(Join-Path $awsDir 'credentials')'; " +
            "Import-Module '$module'; `$r = Copy-Secret 'sm:$name' -DestinationProfileName other -Confirm:`$false; `"`$(`$r.Status)|`$(`$r.DestinationArn)`""
        $output = (& dotnet pwsh -NoProfile -NonInteractive -Command $script 2>&1) -join "`n"
        $output | Should -BeLike 'Created|arn:aws:secretsmanager:us-east-1:111111111111:secret:*'

        # The other account, as the AWS CLI sees it with the role's keys, holds the copy.
        $saved = $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY, $env:AWS_SESSION_TOKEN
        try {
            $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY, $env:AWS_SESSION_TOKEN = $key.AccessKeyId, $key.SecretAccessKey, $key.SessionToken
            $copy = Invoke-AwsCli secretsmanager get-secret-value --secret-id $name
            $copy.SecretString | Should -Be 'cross-account'
            $copy.ARN | Should -BeLike '*:111111111111:*'
        }
        finally { $env:AWS_ACCESS_KEY_ID, $env:AWS_SECRET_ACCESS_KEY, $env:AWS_SESSION_TOKEN = $saved }
    }
}
