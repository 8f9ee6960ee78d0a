BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Get-Secret on Parameter Store' {
    It 'returns a SecureString by default and a string with -AsPlainText' {
        $name = "/$(New-TestName)/db"
        Set-Secret -Name "ssm:$name" -Secret 'pa55' -Confirm:$false
        $secure = Get-Secret "ssm:$name"
        $secure | Should -BeOfType [securestring]
        ConvertTo-PlainText $secure | Should -Be 'pa55'
        Get-Secret "ssm:$name" -AsPlainText | Should -Be 'pa55'
    }

    It 'returns a StringList as string[]' {
        $name = "/$(New-TestName)/hosts"
        Set-Secret -Name $name -Store ParameterStore -Secret @('a', 'b', 'c') -Confirm:$false
        $value = Get-Secret $name -Store ParameterStore
        ,$value | Should -BeOfType [string[]]
        $value | Should -Be @('a', 'b', 'c')
    }

    It 'reads many names in batches and reports each missing one' {
        $stem = "/$(New-TestName)"
        $names = 1..12 | ForEach-Object { "$stem/p$_" }
        foreach ($n in $names) { Set-Secret "ssm:$n" -Secret "v-$($n.Split('/')[-1])" -Confirm:$false }
        $errors = $null
        $values = Get-Secret -Name ($names + "$stem/missing") -Store ParameterStore -AsPlainText -ErrorVariable errors -ErrorAction SilentlyContinue
        $values | Should -Be ($names | ForEach-Object { "v-$($_.Split('/')[-1])" })
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'SecretNotFound*'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be "$stem/missing"
    }

    It 'selects versions and labels' {
        $name = "/$(New-TestName)/v"
        Set-Secret "ssm:$name" -Secret 'one' -Confirm:$false
        Set-Secret "ssm:$name" -Secret 'two' -Confirm:$false
        Get-Secret "ssm:$name" -Version 1 -AsPlainText | Should -Be 'one'
        Get-Secret "ssm:$name" -AsPlainText | Should -Be 'two'
        Invoke-AwsCli ssm label-parameter-version --name $name --parameter-version 1 --labels stable | Out-Null
        Get-Secret "ssm:$name" -Label stable -AsPlainText | Should -Be 'one'
        Get-Secret "ssm:$name" -Version 9 -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'SecretVersionNotFound*'
    }

    It 'reads JSON fields with -Key and #field, as a hashtable and as a credential' {
        $name = "/$(New-TestName)/json"
        Set-Secret "ssm:$name" -Secret @{ username = 'admin'; password = 's3cr3t'; port = 5432 } -Confirm:$false
        Get-Secret "ssm:$name" -Key username -AsPlainText | Should -Be 'admin'
        Get-Secret "ssm:$name#password" -AsPlainText | Should -Be 's3cr3t'
        ConvertTo-PlainText (Get-Secret "ssm:$name#port") | Should -Be '5432'
        $table = Get-Secret "ssm:$name" -AsHashtable
        $table | Should -BeOfType [hashtable]
        $table.username | Should -Be 'admin'
        $table.port | Should -Be 5432
        $cred = Get-Secret "ssm:$name" -AsCredential
        $cred | Should -BeOfType [pscredential]
        $cred.UserName | Should -Be 'admin'
        $cred.GetNetworkCredential().Password | Should -Be 's3cr3t'
    }

    It 'writes a specific error for a missing field or a non-JSON value' {
        $name = "/$(New-TestName)/plain"
        Set-Secret "ssm:$name" -Secret 'not json' -Confirm:$false
        Get-Secret "ssm:$name" -Key x -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'SecretNotJson*'
        Set-Secret "ssm:$name" -Secret @{ a = 1 } -Confirm:$false
        Get-Secret "ssm:$name" -Key b -ErrorAction SilentlyContinue -ErrorVariable err2 | Should -BeNullOrEmpty
        $err2[0].FullyQualifiedErrorId | Should -BeLike 'SecretKeyNotFound*'
    }

    It 'binds Get-SecretInfo output by property name' {
        $stem = "/$(New-TestName)"
        Set-Secret "ssm:$stem/a" -Secret 'A' -Confirm:$false
        Set-Secret "ssm:$stem/b" -Secret 'B' -Confirm:$false
        Get-SecretInfo -Store ParameterStore -Path $stem | Get-Secret -AsPlainText | Sort-Object | Should -Be @('A', 'B')
    }

    It 'accepts parameter ARNs' {
        $name = "/$(New-TestName)/arn"
        Set-Secret "ssm:$name" -Secret 'by-arn' -Confirm:$false
        $arn = (Invoke-AwsCli ssm get-parameter --name $name).Parameter.ARN
        $arn | Should -BeLike 'arn:aws:ssm:*:parameter/*'
        Get-Secret $arn -AsPlainText | Should -Be 'by-arn'
    }

    It 'reads AWS public and pass-through names that writes may not use' {
        $name = New-TestName 'ref'
        Set-Secret "sm:$name" -Secret 'through-ssm' -Confirm:$false
        Get-Secret "ssm:/aws/reference/secretsmanager/$name" -AsPlainText | Should -Be 'through-ssm'
        Set-Secret "ssm:/aws/reference/secretsmanager/$name" -Secret x -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'InvalidSecretName*'
        # A public parameter that AWS (and the test server) publishes. In a Region no other test uses:
        # the server then holds every public parameter there, which makes its listings slow.
        $public = '/aws/service/global-infrastructure/regions/us-east-1/longName'
        Get-Secret "ssm:$public" -AsPlainText -Region ap-southeast-2 | Should -Be 'US East (N. Virginia)'
        (Get-SecretInfo "ssm:$public" -Region ap-southeast-2).Name | Should -Be $public
    }

    It 'rejects an unknown store prefix with a specific error' {
        Get-Secret 'vault:/x' -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'UnknownStorePrefix*'
    }
}

Describe 'Get-Secret on Secrets Manager' {
    It 'returns a SecureString by default and a string with -AsPlainText' {
        $name = New-TestName 'gs'
        Set-Secret -Name $name -Secret 'sm-pa55' -Confirm:$false
        $secure = Get-Secret $name
        $secure | Should -BeOfType [securestring]
        ConvertTo-PlainText $secure | Should -Be 'sm-pa55'
        Get-Secret $name -AsPlainText | Should -Be 'sm-pa55'
        Get-Secret "sm:$name" -AsPlainText | Should -Be 'sm-pa55'
        Get-Secret $name -Store SecretsManager -AsPlainText | Should -Be 'sm-pa55'
    }

    It 'returns binary values as the identical byte[]' {
        $name = New-TestName 'gs'
        $bytes = [byte[]](@(0..255) + @(255..0) + @(0, 0, 13, 10, 0))
        Set-Secret $name -Secret $bytes -Confirm:$false
        $value = Get-Secret $name
        ,$value | Should -BeOfType [byte[]]
        $value.Length | Should -Be $bytes.Length
        [Convert]::ToBase64String($value) | Should -Be ([Convert]::ToBase64String($bytes))
    }

    It 'selects versions by -VersionId and -VersionStage' {
        $name = New-TestName 'gs'
        $first = Set-Secret $name -Secret 'one' -PassThru -Confirm:$false
        $second = Set-Secret $name -Secret 'two' -PassThru -Confirm:$false
        $first.Version | Should -Not -BeNullOrEmpty
        $second.Version | Should -Not -Be $first.Version
        Get-Secret $name -AsPlainText | Should -Be 'two'
        Get-Secret $name -VersionStage AWSPREVIOUS -AsPlainText | Should -Be 'one'
        Get-Secret $name -Label AWSCURRENT -AsPlainText | Should -Be 'two'
        Get-Secret $name -VersionId $first.Version -AsPlainText | Should -Be 'one'
        Get-Secret $name -Version $second.Version -AsPlainText | Should -Be 'two'
        Get-Secret $name -VersionStage NOSUCHSTAGE -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'SecretVersionNotFound'
    }

    It 'reads JSON fields with -Key and #field, as a hashtable and as a credential' {
        $name = New-TestName 'gs'
        Set-Secret $name -Secret @{ username = 'smadmin'; password = 'sm-s3cr3t'; port = 5432; nested = @{ a = 'b' } } -Confirm:$false
        Get-Secret $name -Key username -AsPlainText | Should -Be 'smadmin'
        Get-Secret "$name#password" -AsPlainText | Should -Be 'sm-s3cr3t'
        Get-Secret "sm:$name#port" -AsPlainText | Should -Be '5432'
        Get-Secret $name -Key nested -AsPlainText | ConvertFrom-Json | ForEach-Object a | Should -Be 'b'
        $key = Get-Secret $name -Key password
        $key | Should -BeOfType [securestring]
        ConvertTo-PlainText $key | Should -Be 'sm-s3cr3t'
        $table = Get-Secret $name -AsHashtable
        $table | Should -BeOfType [hashtable]
        $table.username | Should -Be 'smadmin'
        $table.port | Should -Be 5432
        $table.nested.a | Should -Be 'b'
        $cred = Get-Secret $name -AsCredential
        $cred | Should -BeOfType [pscredential]
        $cred.UserName | Should -Be 'smadmin'
        $cred.GetNetworkCredential().Password | Should -Be 'sm-s3cr3t'
    }

    It 'writes specific errors for JSON shapes the value cannot give' {
        $text = New-TestName 'gs'
        $bin = New-TestName 'gs'
        $json = New-TestName 'gs'
        Set-Secret $text -Secret 'plain words' -Confirm:$false
        Set-Secret $bin -Secret ([byte[]](1, 2, 3)) -Confirm:$false
        Set-Secret $json -Secret @{ user = 'u' } -Confirm:$false
        Get-Secret $text -AsHashtable -ErrorAction SilentlyContinue -ErrorVariable e1 | Should -BeNullOrEmpty
        Get-ErrorIds $e1 | Should -Be 'SecretNotJson'
        Get-Secret $bin -Key x -ErrorAction SilentlyContinue -ErrorVariable e2 | Should -BeNullOrEmpty
        Get-ErrorIds $e2 | Should -Be 'SecretNotJson'
        Get-Secret $json -Key nope -ErrorAction SilentlyContinue -ErrorVariable e3 | Should -BeNullOrEmpty
        Get-ErrorIds $e3 | Should -Be 'SecretKeyNotFound'
        $e3[0].TargetObject | Should -Be $json
        Get-Secret $json -AsCredential -ErrorAction SilentlyContinue -ErrorVariable e4 | Should -BeNullOrEmpty
        Get-ErrorIds $e4 | Should -Be 'SecretNotCredential'
    }

    It 'reads more than 20 names in one call, reporting the one missing name' {
        $stem = New-TestName 'gs'
        $names = 1..22 | ForEach-Object { "$stem-n$_" }
        foreach ($n in $names) { Set-Secret $n -Secret "value-of-$n" -Confirm:$false }
        $request = $names[0..9] + "$stem-missing" + $names[10..21]
        $errors = $null
        $values = Get-Secret -Name $request -AsPlainText -ErrorVariable errors -ErrorAction SilentlyContinue
        $values | Should -Be ($names | ForEach-Object { "value-of-$_" })
        $errors.Count | Should -Be 1
        Get-ErrorIds $errors | Should -Be 'SecretNotFound'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be "$stem-missing"
    }

    It 'takes names from the pipeline and reads by ARN' {
        $a = New-TestName 'gs'
        $b = New-TestName 'gs'
        Set-Secret $a -Secret 'A' -Confirm:$false
        $arn = (Set-Secret $b -Secret 'B' -PassThru -Confirm:$false).Arn
        $arn | Should -BeLike "arn:aws:secretsmanager:*:secret:$b-*"
        Get-Secret $arn -AsPlainText | Should -Be 'B'
        $a, $b | Get-Secret -AsPlainText | Should -Be @('A', 'B')
    }

    It 'reports a missing name as SecretNotFound with the name as target' {
        $name = New-TestName 'gs'
        Get-Secret $name -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'SecretNotFound'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $name
    }

    It 'refuses conflicting shape or version parameters' {
        $name = New-TestName 'gs'
        { Get-Secret $name -AsHashtable -AsCredential -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidParameterCombination*'
        { Get-Secret $name -VersionId v1 -VersionStage AWSCURRENT -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidParameterCombination*'
        { Get-Secret "ssm:/$name" -Store SecretsManager -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidParameterCombination*'
    }

    It 'reads and writes in the region -Region names' {
        $name = New-TestName 'gs'
        Set-Secret $name -Secret 'in-eu' -Region eu-west-1 -Confirm:$false
        Get-Secret $name -Region eu-west-1 -AsPlainText | Should -Be 'in-eu'
        (Get-SecretInfo $name -Region eu-west-1).Arn | Should -BeLike 'arn:aws:secretsmanager:eu-west-1:*'
        # Not in the default region (AWS_REGION is us-east-1).
        Get-Secret $name -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'SecretNotFound'
        Get-SmSecretFromServer $name | Should -BeNullOrEmpty
    }

    It 'sends plain names to Parameter Store when SECRETSTOOLS_DEFAULT_STORE says so' {
        $name = "/$(New-TestName 'gs')/default"
        Set-Secret "ssm:$name" -Secret 'from-ps' -Confirm:$false
        try {
            $env:SECRETSTOOLS_DEFAULT_STORE = 'ParameterStore'
            Get-Secret $name -AsPlainText | Should -Be 'from-ps'
        }
        finally { Remove-Item Env:SECRETSTOOLS_DEFAULT_STORE -ErrorAction SilentlyContinue }
        # Back on the default store, the same name is a Secrets Manager name that does not exist.
        Get-Secret $name -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'SecretNotFound'
    }
}

Describe 'Get-Secret and Set-Secret follow the AWS environment variables of the session' {
    # A script may change $env:AWS_REGION or $env:AWS_ENDPOINT_URL between calls; the next call must
    # go where they now point, not where the first call of the session went.
    It 'follows a change of AWS_REGION' {
        $name = New-TestName 'gs'
        Set-Secret $name -Secret 'first-region' -Confirm:$false
        $saved = $env:AWS_REGION, $env:AWS_DEFAULT_REGION
        try {
            $env:AWS_REGION = 'eu-west-2'
            $env:AWS_DEFAULT_REGION = 'eu-west-2'
            Set-Secret "$name-moved" -Secret 'second-region' -Confirm:$false
            (Get-SmSecretFromServer "$name-moved").ARN | Should -BeLike 'arn:aws:secretsmanager:eu-west-2:*'
            Get-Secret "$name-moved" -AsPlainText | Should -Be 'second-region'
        }
        finally { $env:AWS_REGION, $env:AWS_DEFAULT_REGION = $saved }
        Get-SmSecretFromServer "$name-moved" | Should -BeNullOrEmpty -Because 'it was written to eu-west-2, not us-east-1'
    }

    It 'follows a change of AWS_ENDPOINT_URL' {
        $name = New-TestName 'gs'
        Set-Secret $name -Secret 'first-endpoint' -Confirm:$false
        $saved = $env:AWS_ENDPOINT_URL
        $other = Start-MotoServer
        try {
            $env:AWS_ENDPOINT_URL = $other.Endpoint
            Set-Secret "$name-moved" -Secret 'second-endpoint' -Confirm:$false -ErrorAction SilentlyContinue
            Get-SmSecretFromServer "$name-moved" | Should -Not -BeNullOrEmpty -Because "it should have been written to $($other.Endpoint)"
        }
        finally {
            $env:AWS_ENDPOINT_URL = $saved
            Stop-MotoServer $other
        }
    }
}
