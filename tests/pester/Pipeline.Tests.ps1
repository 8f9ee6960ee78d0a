# Objects flowing between the cmdlets reach the right secret: region, account and record shape.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Piped SecretInfo objects keep their region' {
    It 'reads and deletes in the region the secret was listed in, not the default one' {
        $name = New-TestName 'rg'
        Set-Secret "sm:$name" -Secret 'in-us-east-1' -Confirm:$false
        Set-Secret "sm:$name" -Secret 'in-eu-west-1' -Region eu-west-1 -Confirm:$false

        Get-SecretInfo "sm:$name" -Region eu-west-1 | Get-Secret -AsPlainText | Should -Be 'in-eu-west-1'
        Get-SecretInfo "sm:$name" -Region eu-west-1 | Remove-Secret -Force -WithoutRecovery

        Get-Secret "sm:$name" -AsPlainText | Should -Be 'in-us-east-1'
        Get-Secret "sm:$name" -Region eu-west-1 -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'SecretNotFound*'
    }

    It 'reads Parameter Store values listed in another region' {
        $path = "/$(New-TestName 'rg')"
        Set-Secret "ssm:$path/p" -Secret 'eu-value' -Region eu-west-1 -Confirm:$false
        Get-SecretInfo -Store ParameterStore -Path $path -Region eu-west-1 | Get-Secret -AsPlainText | Should -Be 'eu-value'
    }
}

Describe 'Parameter Store ARNs' {
    It 'reads by the ARN of a parameter in the caller''s account' {
        $name = "/$(New-TestName 'arn')/p"
        Set-Secret "ssm:$name" -Secret 'mine' -Confirm:$false
        $arn = (Invoke-AwsApi ssm GetParameter @{ Name = $name }).Parameter.ARN
        Get-Secret $arn -AsPlainText | Should -Be 'mine'
    }

    It 'does not read the caller''s parameter for an ARN of another account' {
        $name = "/$(New-TestName 'arn')/p"
        Set-Secret "ssm:$name" -Secret 'mine' -Confirm:$false
        $foreign = "arn:aws:ssm:us-east-1:999999999999:parameter$name"
        Get-Secret $foreign -AsPlainText -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'SecretNotFound*'
        $err[0].TargetObject | Should -Be $foreign
    }

    It 'refuses ARNs for changes and deletes, and changes nothing' {
        $name = "/$(New-TestName 'arn')/p"
        Set-Secret "ssm:$name" -Secret 'keep' -Confirm:$false
        $arn = "arn:aws:ssm:us-east-1:999999999999:parameter$name"
        Remove-Secret $arn -Force -ErrorAction SilentlyContinue -ErrorVariable removeErr
        Set-Secret $arn -Secret 'changed' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable setErr
        $removeErr[0].FullyQualifiedErrorId | Should -BeLike 'InvalidSecretReference*'
        $setErr[0].FullyQualifiedErrorId | Should -BeLike 'InvalidSecretReference*'
        (Get-SsmParameterFromServer $name)[$name].Value | Should -Be 'keep'
    }
}

Describe 'Records piped into Set-Secret' {
    It 'writes each record''s Secret under its Name (Import-Csv rows, pscustomobjects)' {
        $stem = "/$(New-TestName 'rec')"
        $csv = Join-Path $TestDrive 'secrets.csv'
        @([pscustomobject]@{ Name = "ssm:$stem/a"; Secret = 'value-a' }, [pscustomobject]@{ Name = "ssm:$stem/b"; Secret = 'value-b' }) |
            Export-Csv $csv
        Import-Csv $csv | Set-Secret -Confirm:$false
        Get-Secret "ssm:$stem/a", "ssm:$stem/b" -AsPlainText | Should -Be @('value-a', 'value-b')
    }

    It 'still stores a piped value under -Name' {
        $name = New-TestName 'rec'
        'piped-value' | Set-Secret "sm:$name" -Confirm:$false
        Get-Secret "sm:$name" -AsPlainText | Should -Be 'piped-value'
    }
}

Describe 'Robust batches and re-runs' {
    It 'keeps going past a value that cannot become a credential' {
        $stem = New-TestName 'cr'
        Set-Secret "sm:$stem-ok" -Secret @{ username = 'u'; password = 'p' } -Confirm:$false
        Set-Secret "sm:$stem-empty" -Secret @{ username = ''; password = 'p' } -Confirm:$false
        $creds = Get-Secret "sm:$stem-ok", "sm:$stem-empty", "sm:$stem-ok" -AsCredential -ErrorAction SilentlyContinue -ErrorVariable err
        @($creds).Count | Should -Be 2
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'SecretNotCredential*'
    }

    It 'refuses NaN in a hashtable with UnsupportedSecretType' {
        $name = New-TestName 'nan'
        Set-Secret "sm:$name" -Secret @{ a = [double]::NaN } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'UnsupportedSecretType*'
        (Get-SmValueFromServer $name).__type | Should -BeLike '*ResourceNotFound*'
    }

    It 'treats removing an already scheduled secret again as done' {
        $name = New-TestName 'rr'
        Set-Secret "sm:$name" -Secret x -Confirm:$false
        Remove-Secret "sm:$name" -Force
        Remove-Secret "sm:$name" -Force -ErrorVariable err
        $err | Should -BeNullOrEmpty
    }

    It 'does not call an existing secret missing when filters exclude it' {
        $name = New-TestName 'flt'
        Set-Secret "sm:$name" -Secret x -Description 'Alpha' -Confirm:$false
        Get-SecretInfo "sm:$name" -Description 'Beta' -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
        (Get-SecretInfo "sm:$name" -Description 'alp').Name | Should -Be $name
    }

    It 'matches descriptions the service filter cannot carry locally' {
        $stem = New-TestName 'apo'
        Set-Secret "sm:$stem-1" -Secret x -Description "App's DB" -Confirm:$false
        Set-Secret "sm:$stem-2" -Secret x -Description 'Other' -Confirm:$false
        (Get-SecretInfo "sm:$stem-*" -Description "App's").Name | Should -Be "$stem-1"
    }

    It 'stores JSON as other tools write it, without needless escapes' {
        $name = New-TestName 'js'
        Set-Secret "sm:$name" -Secret ([ordered]@{ p = "a+b<c'é" }) -Confirm:$false
        (Get-SmValueFromServer $name).SecretString | Should -BeExactly "{`"p`":`"a+b<c'é`"}"
    }
}
