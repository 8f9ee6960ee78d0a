# Values written by SecretsTools read identically by the official AWS CLI, and the other way round.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    # The CLI reads file:// values and writes its JSON in UTF-8 whatever the machine's locale is.
    $env:PYTHONUTF8 = '1'
    $env:PYTHONIOENCODING = 'utf-8'
    $previousEncoding = [Console]::OutputEncoding
    [Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false)

    $script:Unicode = 'päss-wörd-密码-🔑'
    $script:Text4096 = New-Utf8Text -ByteCount 4096
    $script:Text65536 = New-Utf8Text -ByteCount 65536
    $script:Binary = [byte[]](@(0..255) + @(255..0) + [byte[]][System.Text.Encoding]::UTF8.GetBytes('🔑') + @(0, 0, 0))
}
AfterAll {
    [Console]::OutputEncoding = $previousEncoding
    Complete-SecretsToolsTest
}

Describe 'Parameter Store: written by Set-Secret, read by aws ssm get-parameters' {
    BeforeAll {
        $stem = "/$(New-TestName 'io')"
        Set-Secret "ssm:$stem/string" -Secret 'plain-string-value' -Type String -Confirm:$false
        Set-Secret "ssm:$stem/list" -Secret @('alpha', 'beta', 'gamma') -Confirm:$false
        Set-Secret "ssm:$stem/secure" -Secret 'secure-value' -Confirm:$false
        Set-Secret "ssm:$stem/unicode" -Secret $Unicode -Confirm:$false
        Set-Secret "ssm:$stem/max" -Secret $Text4096 -Confirm:$false
        $cli = @{}
        $names = 'string', 'list', 'secure', 'unicode', 'max' | ForEach-Object { "$stem/$_" }
        foreach ($p in (Invoke-AwsCli ssm get-parameters --with-decryption --names @names).Parameters) { $cli[$p.Name] = $p }
    }

    It 'reads a String' {
        $cli["$stem/string"].Type | Should -Be 'String'
        $cli["$stem/string"].Value | Should -BeExactly 'plain-string-value'
    }

    It 'reads a StringList' {
        $cli["$stem/list"].Type | Should -Be 'StringList'
        $cli["$stem/list"].Value | Should -BeExactly 'alpha,beta,gamma'
    }

    It 'reads a SecureString, decrypted' {
        $cli["$stem/secure"].Type | Should -Be 'SecureString'
        $cli["$stem/secure"].Value | Should -BeExactly 'secure-value'
    }

    It 'reads unicode text' {
        $cli["$stem/unicode"].Value | Should -BeExactly $Unicode
    }

    It 'reads a value of exactly 4096 bytes' {
        $value = $cli["$stem/max"].Value
        [System.Text.Encoding]::UTF8.GetByteCount($value) | Should -Be 4096
        $value | Should -BeExactly $Text4096
    }
}

Describe 'Parameter Store: written by aws ssm put-parameter, read by Get-Secret' {
    BeforeAll {
        $stem = "/$(New-TestName 'io')"
        $null = Invoke-AwsCliParallel @(
            , @('ssm', 'put-parameter', '--name', "$stem/string", '--type', 'String', '--value', "file://$(New-TestFile -Text 'cli-string')")
            , @('ssm', 'put-parameter', '--name', "$stem/list", '--type', 'StringList', '--value', "file://$(New-TestFile -Text 'one,two,three')")
            , @('ssm', 'put-parameter', '--name', "$stem/secure", '--type', 'SecureString', '--value', "file://$(New-TestFile -Text 'cli-secure')")
            , @('ssm', 'put-parameter', '--name', "$stem/unicode", '--type', 'SecureString', '--value', "file://$(New-TestFile -Text $Unicode)")
            , @('ssm', 'put-parameter', '--name', "$stem/max", '--type', 'SecureString', '--value', "file://$(New-TestFile -Text $Text4096)")
        )
    }

    It 'reads a String' {
        Get-Secret "ssm:$stem/string" -AsPlainText | Should -BeExactly 'cli-string'
        (Get-SecretInfo "ssm:$stem/string").Type | Should -Be 'String'
    }

    It 'reads a StringList as string[]' {
        $value = Get-Secret "ssm:$stem/list"
        , $value | Should -BeOfType [string[]]
        $value | Should -BeExactly @('one', 'two', 'three')
    }

    It 'reads a SecureString' {
        $secure = Get-Secret "ssm:$stem/secure"
        $secure | Should -BeOfType [securestring]
        ConvertTo-PlainText $secure | Should -BeExactly 'cli-secure'
    }

    It 'reads unicode text' {
        Get-Secret "ssm:$stem/unicode" -AsPlainText | Should -BeExactly $Unicode
    }

    It 'reads a value of exactly 4096 bytes' {
        Get-Secret "ssm:$stem/max" -AsPlainText | Should -BeExactly $Text4096
    }
}

Describe 'Secrets Manager: written by Set-Secret, read by aws secretsmanager' {
    BeforeAll {
        $stem = New-TestName 'io'
        Set-Secret "$stem-text" -Secret 'sm plain text' -Confirm:$false
        Set-Secret "$stem-json" -Secret ([ordered]@{ username = 'dbuser'; password = 'p@ss"word'; port = 5432 }) -Confirm:$false
        Set-Secret "$stem-unicode" -Secret $Unicode -Confirm:$false
        Set-Secret "$stem-bin" -Secret $Binary -Confirm:$false
        Set-Secret "$stem-max" -Secret $Text65536 -Confirm:$false
        $cli = @{}
        $ids = 'text', 'json', 'unicode', 'bin', 'max' | ForEach-Object { "$stem-$_" }
        foreach ($v in (Invoke-AwsCli secretsmanager batch-get-secret-value --secret-id-list @ids).SecretValues) { $cli[$v.Name] = $v }
    }

    It 'reads plain text' {
        $cli["$stem-text"].SecretString | Should -BeExactly 'sm plain text'
    }

    It 'reads JSON' {
        $json = $cli["$stem-json"].SecretString | ConvertFrom-Json
        $json.username | Should -BeExactly 'dbuser'
        $json.password | Should -BeExactly 'p@ss"word'
        $json.port | Should -Be 5432
    }

    It 'reads unicode text' {
        $cli["$stem-unicode"].SecretString | Should -BeExactly $Unicode
    }

    It 'reads binary as the same bytes' {
        $cli["$stem-bin"].PSObject.Properties.Name | Should -Not -Contain 'SecretString'
        $bytes = [Convert]::FromBase64String($cli["$stem-bin"].SecretBinary)
        [Convert]::ToBase64String($bytes) | Should -Be ([Convert]::ToBase64String($Binary))
    }

    It 'reads a value of 65,536 bytes' {
        $value = $cli["$stem-max"].SecretString
        [System.Text.Encoding]::UTF8.GetByteCount($value) | Should -Be 65536
        $value | Should -BeExactly $Text65536
    }
}

Describe 'Secrets Manager: written by aws secretsmanager, read by Get-Secret' {
    BeforeAll {
        $stem = New-TestName 'io'
        $binaryFile = New-TestFile -Bytes $Binary
        Set-Secret "$stem-versioned" -Secret 'from-secretstools' -Confirm:$false
        $null = Invoke-AwsCliParallel @(
            , @('secretsmanager', 'create-secret', '--name', "$stem-text", '--secret-string', "file://$(New-TestFile -Text 'cli plain text')")
            , @('secretsmanager', 'create-secret', '--name', "$stem-json", '--secret-string', "file://$(New-TestFile -Text '{"username":"cli-user","password":"cli-pa55","port":5432}')")
            , @('secretsmanager', 'create-secret', '--name', "$stem-unicode", '--secret-string', "file://$(New-TestFile -Text $Unicode)")
            , @('secretsmanager', 'create-secret', '--name', "$stem-bin", '--secret-binary', "fileb://$binaryFile")
            , @('secretsmanager', 'create-secret', '--name', "$stem-max", '--secret-string', "file://$(New-TestFile -Text $Text65536)")
            , @('secretsmanager', 'put-secret-value', '--secret-id', "$stem-versioned", '--secret-string', "file://$(New-TestFile -Text 'from-the-cli')")
        )
    }

    It 'reads plain text' {
        Get-Secret "$stem-text" -AsPlainText | Should -BeExactly 'cli plain text'
    }

    It 'reads JSON fields, a hashtable and a credential' {
        Get-Secret "$stem-json#username" -AsPlainText | Should -BeExactly 'cli-user'
        (Get-Secret "$stem-json" -AsHashtable).port | Should -Be 5432
        (Get-Secret "$stem-json" -AsCredential).GetNetworkCredential().Password | Should -BeExactly 'cli-pa55'
    }

    It 'reads unicode text' {
        Get-Secret "$stem-unicode" -AsPlainText | Should -BeExactly $Unicode
    }

    It 'reads binary as the same bytes' {
        $value = Get-Secret "$stem-bin"
        , $value | Should -BeOfType [byte[]]
        [Convert]::ToBase64String($value) | Should -Be ([Convert]::ToBase64String($Binary))
    }

    It 'reads a value of 65,536 bytes' {
        Get-Secret "$stem-max" -AsPlainText | Should -BeExactly $Text65536
    }

    It 'reads a version the CLI added with put-secret-value, and the previous one' {
        Get-Secret "$stem-versioned" -AsPlainText | Should -BeExactly 'from-the-cli'
        Get-Secret "$stem-versioned" -VersionStage AWSPREVIOUS -AsPlainText | Should -BeExactly 'from-secretstools'
    }

    It 'reads them all in one call' {
        $names = 'text', 'unicode', 'max', 'versioned' | ForEach-Object { "$stem-$_" }
        Get-Secret $names -AsPlainText | Should -BeExactly @('cli plain text', $Unicode, $Text65536, 'from-the-cli')
    }
}
