BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Set-Secret on Parameter Store' {
    It 'writes SecureString by default, and String, StringList or SecureString with -Type' {
        $stem = "/$(New-TestName 'ss')"
        Set-Secret "ssm:$stem/default" -Secret 'd-value' -Confirm:$false
        Set-Secret "ssm:$stem/string" -Secret 's-value' -Type String -Confirm:$false
        Set-Secret "ssm:$stem/list" -Secret @('x', 'y', 'z') -Confirm:$false
        Set-Secret "ssm:$stem/listtext" -Secret 'p,q' -Type StringList -Confirm:$false
        Set-Secret "ssm:$stem/secure" -Secret 'sec-value' -Type SecureString -Confirm:$false
        $found = Get-SsmParameterFromServer -Name "$stem/default", "$stem/string", "$stem/list", "$stem/listtext", "$stem/secure"
        $found["$stem/default"].Type | Should -Be 'SecureString'
        $found["$stem/default"].Value | Should -Be 'd-value'
        $found["$stem/string"].Type | Should -Be 'String'
        $found["$stem/string"].Value | Should -Be 's-value'
        $found["$stem/list"].Type | Should -Be 'StringList'
        $found["$stem/list"].Value | Should -Be 'x,y,z'
        $found["$stem/listtext"].Type | Should -Be 'StringList'
        $found["$stem/listtext"].Value | Should -Be 'p,q'
        $found["$stem/secure"].Type | Should -Be 'SecureString'
        $found["$stem/secure"].Value | Should -Be 'sec-value'
    }

    It 'stores string, SecureString, PSCredential, hashtable and PSCustomObject values' {
        $stem = "/$(New-TestName 'ss')"
        Set-Secret "ssm:$stem/str" -Secret 'plain' -Confirm:$false
        Set-Secret "ssm:$stem/secure" -Secret (ConvertTo-SecureString 'from-secure' -AsPlainText -Force) -Confirm:$false
        Set-Secret "ssm:$stem/ssparam" -SecureStringSecret (ConvertTo-SecureString 'from-param-set' -AsPlainText -Force) -Confirm:$false
        $cred = [pscredential]::new('dbuser', (ConvertTo-SecureString 'dbpass' -AsPlainText -Force))
        Set-Secret "ssm:$stem/cred" -Secret $cred -Confirm:$false
        Set-Secret "ssm:$stem/hash" -Secret @{ host = 'db.local'; port = 5432; tls = $true } -Confirm:$false
        Set-Secret "ssm:$stem/obj" -Secret ([pscustomobject]@{ a = 'b'; n = 1 }) -Confirm:$false
        'piped' | Set-Secret -Name "ssm:$stem/piped" -Confirm:$false
        $found = Get-SsmParameterFromServer -Name (@('str', 'secure', 'ssparam', 'cred', 'hash', 'obj', 'piped') | ForEach-Object { "$stem/$_" })
        $found["$stem/str"].Value | Should -Be 'plain'
        $found["$stem/secure"].Value | Should -Be 'from-secure'
        $found["$stem/ssparam"].Value | Should -Be 'from-param-set'
        $found["$stem/piped"].Value | Should -Be 'piped'
        $credJson = $found["$stem/cred"].Value | ConvertFrom-Json
        $credJson.username | Should -Be 'dbuser'
        $credJson.password | Should -Be 'dbpass'
        $hash = $found["$stem/hash"].Value | ConvertFrom-Json
        $hash.host | Should -Be 'db.local'
        $hash.port | Should -Be 5432
        $hash.tls | Should -BeTrue
        $obj = $found["$stem/obj"].Value | ConvertFrom-Json
        $obj.a | Should -Be 'b'
        $obj.n | Should -Be 1
        # And it round-trips as a credential.
        (Get-Secret "ssm:$stem/cred" -AsCredential).GetNetworkCredential().Password | Should -Be 'dbpass'
    }

    It 'sets -Description and -Tag on create' {
        $name = "/$(New-TestName 'ss')/described"
        Set-Secret "ssm:$name" -Secret 'v' -Description 'the db password' -Tag @{ env = 'prod'; owner = 'team-a' } -Confirm:$false
        $meta = Invoke-AwsApi ssm DescribeParameters @{ ParameterFilters = @(@{ Key = 'Name'; Values = @($name) }) }
        $meta.Parameters[0].Description | Should -Be 'the db password'
        $tags = (Invoke-AwsCli ssm list-tags-for-resource --resource-type Parameter --resource-id $name).TagList
        ($tags | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) | Should -Be @('env=prod', 'owner=team-a')
    }

    It 'adds and overwrites tags when it overwrites an existing parameter' {
        $name = "/$(New-TestName 'ss')/retagged"
        Set-Secret "ssm:$name" -Secret 'first' -Tag @{ keep = 'k'; change = 'old' } -Confirm:$false
        Set-Secret "ssm:$name" -Secret 'second' -Tag @{ change = 'new'; added = 'a' } -Description 'now described' -Confirm:$false
        $tags = (Invoke-AwsCli ssm list-tags-for-resource --resource-type Parameter --resource-id $name).TagList
        ($tags | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) | Should -Be @('added=a', 'change=new', 'keep=k')
        Get-Secret "ssm:$name" -AsPlainText | Should -Be 'second'
        $info = Get-SecretInfo "ssm:$name"
        $info.Version | Should -Be '2'
        $info.Description | Should -Be 'now described'
    }

    It 'passes -KmsKeyId to the service' {
        $name = "/$(New-TestName 'ss')/kms"
        Set-Secret "ssm:$name" -Secret 'v' -KmsKeyId 'alias/secretstools-test' -Confirm:$false
        $meta = Invoke-AwsApi ssm DescribeParameters @{ ParameterFilters = @(@{ Key = 'Name'; Values = @($name) }) }
        $meta.Parameters[0].KeyId | Should -Be 'alias/secretstools-test'
        $meta.Parameters[0].Type | Should -Be 'SecureString'
    }

    It 'writes 5000 bytes with -Tier Advanced' {
        $name = "/$(New-TestName 'ss')/advanced"
        $value = New-Utf8Text -ByteCount 5000
        Set-Secret "ssm:$name" -Secret $value -Tier Advanced -Confirm:$false
        $meta = Invoke-AwsApi ssm DescribeParameters @{ ParameterFilters = @(@{ Key = 'Name'; Values = @($name) }) }
        $meta.Parameters[0].Tier | Should -Be 'Advanced'
        Get-Secret "ssm:$name" -AsPlainText | Should -BeExactly $value
    }

    It 'with -NoClobber refuses to overwrite and leaves the value as it was' {
        $name = "/$(New-TestName 'ss')/noclobber"
        Set-Secret "ssm:$name" -Secret 'original' -Confirm:$false
        Set-Secret "ssm:$name" -Secret 'replacement' -NoClobber -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'SecretAlreadyExists'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].TargetObject | Should -Be $name
        $found = Get-SsmParameterFromServer -Name $name
        $found[$name].Value | Should -Be 'original'
        $found[$name].Version | Should -Be 1
    }

    It 'returns a SecretsTools.Model.SecretInfo with -PassThru and nothing without it' {
        $name = "/$(New-TestName 'ss')/passthru"
        Set-Secret "ssm:$name" -Secret 'v1' -Confirm:$false | Should -BeNullOrEmpty
        $info = Set-Secret "ssm:$name" -Secret 'v2' -Type String -PassThru -Confirm:$false
        $info | Should -BeOfType ([SecretsTools.Model.SecretInfo])
        $info.PSObject.TypeNames[0] | Should -Be 'SecretsTools.Model.SecretInfo'
        $info.Name | Should -Be $name
        $info.Store | Should -Be 'ParameterStore'
        $info.Type | Should -Be 'String'
        $info.Version | Should -Be '2'
    }

    It 'keeps the type of an existing parameter when -Type is not given' {
        $stem = "/$(New-TestName 'ss')"
        Set-Secret "ssm:$stem/config" -Secret 'https://old.example' -Type String -Confirm:$false
        Set-Secret "ssm:$stem/hosts" -Secret @('a', 'b') -Confirm:$false
        Set-Secret "ssm:$stem/config" -Secret 'https://new.example' -Confirm:$false
        Set-Secret "ssm:$stem/hosts" -Secret 'c' -Confirm:$false
        $found = Get-SsmParameterFromServer -Name "$stem/config", "$stem/hosts"
        $found["$stem/config"].Value | Should -Be 'https://new.example'
        # PutParameter keeps the type on an overwrite that names none; consumers reading a String
        # without decryption would otherwise get ciphertext.
        $found["$stem/config"].Type | Should -Be 'String'
        $found["$stem/hosts"].Type | Should -Be 'StringList'
    }

    It 'returns with -PassThru the parameter as it now is, also after an overwrite' {
        $name = "/$(New-TestName 'ss')/described"
        Set-Secret "ssm:$name" -Secret 'v1' -Description 'kept description' -Tag @{ kept = 'tag' } -Confirm:$false
        $info = Set-Secret "ssm:$name" -Secret 'v2' -PassThru -Confirm:$false
        $info.Version | Should -Be '2'
        $info.Description | Should -Be 'kept description'
        $info.Tags['kept'] | Should -Be 'tag'
        $info.LastModified | Should -Not -BeNullOrEmpty
    }

    It 'writes nothing with -WhatIf' {
        $stem = "/$(New-TestName 'ss')"
        Set-Secret "ssm:$stem/existing" -Secret 'kept' -Confirm:$false
        $run = Invoke-WithCapturedHost -Parameters @{ stem = $stem } {
            param($stem)
            Set-Secret "ssm:$stem/new" -Secret 'never' -WhatIf
            Set-Secret "ssm:$stem/existing" -Secret 'changed' -WhatIf
        }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -Be @(
            "What if: Performing the operation ""Set secret value"" on target ""$stem/new (Parameter Store)""."
            "What if: Performing the operation ""Set secret value"" on target ""$stem/existing (Parameter Store)"".")
        $found = Get-SsmParameterFromServer -Name "$stem/new", "$stem/existing"
        $found.ContainsKey("$stem/new") | Should -BeFalse
        $found["$stem/existing"].Value | Should -Be 'kept'
        $found["$stem/existing"].Version | Should -Be 1
    }

    It 'accepts a name of exactly 15 levels' {
        $name = '/' + (@(New-TestName 'ss') + (2..15 | ForEach-Object { "l$_" }) -join '/')
        Set-Secret "ssm:$name" -Secret 'deep' -Confirm:$false
        Get-Secret "ssm:$name" -AsPlainText | Should -Be 'deep'
    }
}

Describe 'Set-Secret on Parameter Store rejects bad input and writes nothing' {
    It 'rejects the name <Case> with InvalidSecretName' -ForEach @(
        @{ Case = 'with a space'; Template = '/{0}/has space' }
        @{ Case = 'beginning with aws'; Template = 'aws{0}' }
        @{ Case = 'beginning with /AWS'; Template = '/AWS{0}/x' }
        @{ Case = 'beginning with ssm'; Template = '/ssm{0}/x' }
        @{ Case = 'of 16 levels'; Template = '/{0}/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16' }
    ) {
        $name = $Template -f (New-TestName 'ss')
        Set-Secret $name -Store ParameterStore -Secret 'bad' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'InvalidSecretName'
        $err[0].TargetObject | Should -Be $name
        $check = Invoke-AwsApi ssm GetParameters @{ Names = @($name) }
        $check.Parameters | Should -BeNullOrEmpty
        $check.InvalidParameters | Should -Be $name
    }

    It 'rejects a value over 4096 bytes on the Standard tier with SecretValueTooLarge' {
        $stem = "/$(New-TestName 'ss')"
        # 4097 UTF-8 bytes but fewer than 4096 characters: the limit is in bytes.
        $value = New-Utf8Text -ByteCount 4097
        $value.Length | Should -BeLessThan 4096
        Set-Secret "ssm:$stem/big" -Secret $value -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Set-Secret "ssm:$stem/huge" -Secret (New-Utf8Text -ByteCount 8193) -Tier Advanced -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err2
        Get-ErrorIds $err | Should -Be 'SecretValueTooLarge'
        Get-ErrorIds $err2 | Should -Be 'SecretValueTooLarge'
        (Get-SsmParameterFromServer -Name "$stem/big", "$stem/huge").Count | Should -Be 0
    }

    It 'rejects -Secret of type <Type> with UnsupportedSecretType' -ForEach @(
        @{ Type = 'datetime'; Value = [datetime]::new(2024, 1, 2) }
        @{ Type = 'int'; Value = 42 }
        @{ Type = 'int[]'; Value = [int[]](1, 2) }
    ) {
        $name = "/$(New-TestName 'ss')/typed"
        Set-Secret "ssm:$name" -Secret $Value -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'UnsupportedSecretType'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidType'
        (Get-SsmParameterFromServer -Name $name).Count | Should -Be 0
    }

    It 'rejects an unknown store prefix with UnknownStorePrefix' {
        $leaf = New-TestName 'ss'
        Set-Secret "vault:$leaf" -Secret 'v' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'UnknownStorePrefix'
        $err[0].TargetObject | Should -Be "vault:$leaf"
        (Get-SsmParameterFromServer -Name $leaf, "vault:$leaf").Count | Should -Be 0
        Get-SmNamesFromServer -Prefix $leaf | Should -BeNullOrEmpty
    }

    It 'rejects other impossible requests with specific errors' {
        $stem = "/$(New-TestName 'ss')"
        Set-Secret "ssm:$stem/comma" -Secret @('a,b', 'c') -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e1
        Get-ErrorIds $e1 | Should -Be 'UnsupportedSecretType'
        Set-Secret "ssm:$stem/kms" -Secret 'v' -Type String -KmsKeyId 'alias/x' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e2
        Get-ErrorIds $e2 | Should -Be 'InvalidParameterCombination'
        Set-Secret "ssm:$stem/empty" -Secret '' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e3
        Get-ErrorIds $e3 | Should -Be 'SecretValueEmpty'
        Set-Secret "ssm:$stem/field#key" -Secret 'v' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e4
        # A #field changes a field of an existing JSON value: there is none here.
        Get-ErrorIds $e4 | Should -Be 'SecretNotFound'
        Set-Secret "ssm:$stem/bin" -Secret ([byte[]](1, 2)) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e5
        Get-ErrorIds $e5 | Should -Be 'UnsupportedSecretType'
        Set-Secret "ssm:$stem/tag" -Secret 'v' -Tag @{ 'aws:reserved' = 'x' } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e6
        Get-ErrorIds $e6 | Should -Be 'InvalidTag'
        Get-SsmNamesUnderPath -Path $stem | Should -BeNullOrEmpty
    }
}

Describe 'Set-Secret on Secrets Manager' {
    It 'stores string, SecureString, PSCredential, hashtable, PSCustomObject and byte[] values' {
        $stem = New-TestName 'ss'
        $bytes = [byte[]](0, 1, 2, 254, 255, 10, 13)
        Set-Secret "$stem-str" -Secret 'plain sm' -Confirm:$false
        Set-Secret "$stem-securestr" -Secret (ConvertTo-SecureString 'sm-secure' -AsPlainText -Force) -Confirm:$false
        Set-Secret "$stem-cred" -Secret ([pscredential]::new('smuser', (ConvertTo-SecureString 'smpass' -AsPlainText -Force))) -Confirm:$false
        Set-Secret "$stem-hash" -Secret @{ engine = 'postgres'; port = 5432 } -Confirm:$false
        Set-Secret "$stem-obj" -Secret ([pscustomobject]@{ user = 'u'; list = @('a', 'b') }) -Confirm:$false
        Set-Secret "$stem-bin" -Secret $bytes -Confirm:$false
        $names = 'str', 'securestr', 'cred', 'hash', 'obj', 'bin' | ForEach-Object { "$stem-$_" }
        $values = @{}
        foreach ($v in (Invoke-AwsApi secretsmanager BatchGetSecretValue @{ SecretIdList = $names }).SecretValues) { $values[$v.Name] = $v }
        $values.Count | Should -Be 6
        $values["$stem-str"].SecretString | Should -Be 'plain sm'
        $values["$stem-securestr"].SecretString | Should -Be 'sm-secure'
        $cred = $values["$stem-cred"].SecretString | ConvertFrom-Json
        $cred.username | Should -Be 'smuser'
        $cred.password | Should -Be 'smpass'
        $hash = $values["$stem-hash"].SecretString | ConvertFrom-Json
        $hash.engine | Should -Be 'postgres'
        $hash.port | Should -Be 5432
        $obj = $values["$stem-obj"].SecretString | ConvertFrom-Json
        $obj.user | Should -Be 'u'
        $obj.list | Should -Be @('a', 'b')
        $values["$stem-bin"].SecretString | Should -BeNullOrEmpty
        $values["$stem-bin"].SecretBinary | Should -Be ([Convert]::ToBase64String($bytes))
    }

    It 'sets -Description, -Tag and -KmsKeyId on create' {
        $name = New-TestName 'ss'
        Set-Secret $name -Secret 'v' -Description 'sm described' -Tag @{ env = 'prod'; team = 'a' } -KmsKeyId 'alias/sm-test' -Confirm:$false
        $d = Get-SmSecretFromServer $name
        $d.Description | Should -Be 'sm described'
        $d.KmsKeyId | Should -Be 'alias/sm-test'
        ($d.Tags | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) | Should -Be @('env=prod', 'team=a')
    }

    It 'writes a new version of an existing secret and updates description and tags' {
        $name = New-TestName 'ss'
        $first = Set-Secret $name -Secret 'one' -Tag @{ keep = 'k'; change = 'old' } -PassThru -Confirm:$false
        $second = Set-Secret $name -Secret 'two' -Tag @{ change = 'new' } -Description 'later' -PassThru -Confirm:$false
        $second.Version | Should -Not -Be $first.Version
        $d = Get-SmSecretFromServer $name
        $d.Description | Should -Be 'later'
        ($d.Tags | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) | Should -Be @('change=new', 'keep=k')
        $d.VersionIdsToStages.($second.Version) | Should -Contain 'AWSCURRENT'
        $d.VersionIdsToStages.($first.Version) | Should -Contain 'AWSPREVIOUS'
    }

    It 'with -NoClobber refuses to overwrite and leaves the value as it was' {
        $name = New-TestName 'ss'
        $first = Set-Secret $name -Secret 'original' -PassThru -Confirm:$false
        Set-Secret $name -Secret 'replacement' -NoClobber -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'SecretAlreadyExists'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].TargetObject | Should -Be $name
        $v = Get-SmValueFromServer $name
        $v.SecretString | Should -Be 'original'
        $v.VersionId | Should -Be $first.Version
    }

    It 'returns a SecretInfo with -PassThru that matches the service' {
        $name = New-TestName 'ss'
        $info = Set-Secret $name -Secret 'v' -PassThru -Confirm:$false
        $info | Should -BeOfType ([SecretsTools.Model.SecretInfo])
        $info.Name | Should -Be $name
        $info.Store | Should -Be 'SecretsManager'
        $v = Get-SmValueFromServer $name
        $info.Arn | Should -Be $v.ARN
        $info.Version | Should -Be $v.VersionId
    }

    It 'says with -PassThru what it wrote: <Type> for <Case>' -ForEach @(
        @{ Case = 'text'; Type = 'String'; Value = 'plain text' }
        @{ Case = 'a hashtable'; Type = 'Json'; Value = @{ user = 'u' } }
        @{ Case = 'a PSCredential'; Type = 'Json'; Value = [pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force)) }
        @{ Case = 'a string holding a JSON object'; Type = 'Json'; Value = '{"a": 1}' }
        @{ Case = 'a JSON array (not an object)'; Type = 'String'; Value = '[1, 2]' }
        @{ Case = 'bytes'; Type = 'Binary'; Value = [byte[]](1, 2, 3) }
    ) {
        $name = New-TestName 'ss'
        (Set-Secret $name -Secret $Value -PassThru -Confirm:$false).Type | Should -BeExactly $Type
        # A new version: the write, not DescribeSecret (which cannot tell), decides the type.
        (Set-Secret $name -Secret $Value -PassThru -Confirm:$false).Type | Should -BeExactly $Type
    }

    It 'returns with -PassThru the secret as it now is, also after an overwrite' {
        $name = New-TestName 'ss'
        Set-Secret $name -Secret 'v1' -Description 'kept description' -Tag @{ kept = 'tag' } -Confirm:$false
        $info = Set-Secret $name -Secret 'v2' -PassThru -Confirm:$false
        $info.Name | Should -Be $name
        $info.Version | Should -Be (Get-SmValueFromServer $name).VersionId
        $info.Description | Should -Be 'kept description'
        $info.Tags['kept'] | Should -Be 'tag'
        $info.CreatedDate | Should -Not -BeNullOrEmpty
    }

    It 'writes a new version to a secret named by its complete ARN, without the ARN-suffix warning' {
        $name = New-TestName 'ss'
        $arn = (Set-Secret $name -Secret 'by-name' -PassThru -Confirm:$false).Arn
        Set-Secret $arn -Secret 'by-arn' -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -BeNullOrEmpty
        (Get-SmValueFromServer $name).SecretString | Should -Be 'by-arn'
        Get-SmNamesFromServer -Prefix $name | Should -Be $name
    }

    It 'writes SecretNotFound for the ARN of no secret and creates nothing' {
        $name = New-TestName 'ss'
        Set-Secret "arn:aws:secretsmanager:us-east-1:123456789012:secret:$name-AbCdEf" -Secret 'v' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'SecretNotFound'
        Get-SmNamesFromServer -Prefix $name | Should -BeNullOrEmpty
    }

    It 'writes nothing with -WhatIf' {
        $name = New-TestName 'ss'
        $run = Invoke-WithCapturedHost -Parameters @{ name = $name } { param($name) Set-Secret $name -Secret 'never' -WhatIf }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -Be "What if: Performing the operation ""Set secret value"" on target ""$name (Secrets Manager)""."
        Get-SmNamesFromServer -Prefix $name | Should -BeNullOrEmpty
    }

    It 'warns that a name ending in - and six characters looks like an ARN suffix' {
        $name = "$(New-TestName 'ss')-Ab12Cd"
        Set-Secret $name -Secret 'v' -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'ARN'
        Get-Secret $name -AsPlainText | Should -Be 'v'
        Set-Secret "$(New-TestName 'ss')-plain" -Secret 'v' -Confirm:$false -WarningVariable none -WarningAction SilentlyContinue
        $none | Should -BeNullOrEmpty
    }
}

Describe 'Set-Secret on Secrets Manager rejects bad input and writes nothing' {
    It 'rejects a name with invalid characters with InvalidSecretName' {
        $prefix = New-TestName 'ss'
        Set-Secret "$prefix!bad" -Secret 'v' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e1
        Set-Secret "$prefix has space" -Secret 'v' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e2
        Get-ErrorIds $e1 | Should -Be 'InvalidSecretName'
        Get-ErrorIds $e2 | Should -Be 'InvalidSecretName'
        Get-SmNamesFromServer -Prefix $prefix | Should -BeNullOrEmpty
    }

    It 'rejects a name longer than 512 characters with InvalidSecretName' {
        $prefix = New-TestName 'ss'
        $name = $prefix + ('n' * (513 - $prefix.Length))
        $name.Length | Should -Be 513
        Set-Secret $name -Secret 'v' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'InvalidSecretName'
        Get-SmNamesFromServer -Prefix $prefix | Should -BeNullOrEmpty
    }

    It 'rejects a value over 65,536 bytes with SecretValueTooLarge' {
        $prefix = New-TestName 'ss'
        Set-Secret "$prefix-text" -Secret (New-Utf8Text -ByteCount 65537) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e1
        Set-Secret "$prefix-bin" -Secret ([byte[]]::new(65537)) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e2
        Get-ErrorIds $e1 | Should -Be 'SecretValueTooLarge'
        Get-ErrorIds $e2 | Should -Be 'SecretValueTooLarge'
        Get-SmNamesFromServer -Prefix $prefix | Should -BeNullOrEmpty
    }

    It 'rejects a string[] and other unsupported types with UnsupportedSecretType' {
        $prefix = New-TestName 'ss'
        Set-Secret "$prefix-list" -Secret @('a', 'b') -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e1
        Set-Secret "$prefix-date" -Secret (Get-Date) -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e2
        Set-Secret "$prefix-int" -Secret 7 -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e3
        Get-ErrorIds $e1 | Should -Be 'UnsupportedSecretType'
        Get-ErrorIds $e2 | Should -Be 'UnsupportedSecretType'
        Get-ErrorIds $e3 | Should -Be 'UnsupportedSecretType'
        Get-SmNamesFromServer -Prefix $prefix | Should -BeNullOrEmpty
    }

    It 'rejects Parameter Store options with InvalidParameterCombination' {
        $prefix = New-TestName 'ss'
        Set-Secret "$prefix-type" -Secret 'v' -Type String -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e1
        Set-Secret "$prefix-tier" -Secret 'v' -Tier Advanced -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e2
        Get-ErrorIds $e1 | Should -Be 'InvalidParameterCombination'
        Get-ErrorIds $e2 | Should -Be 'InvalidParameterCombination'
        Get-SmNamesFromServer -Prefix $prefix | Should -BeNullOrEmpty
    }

    It 'refuses to write to a secret scheduled for deletion and points to Restore-Secret' {
        $name = New-TestName 'ss'
        $first = Set-Secret $name -Secret 'before-delete' -PassThru -Confirm:$false
        Remove-Secret $name -Force
        Set-Secret $name -Secret 'after-delete' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'SecretScheduledForDeletion'
        $err[0].TargetObject | Should -Be $name
        $err[0].Exception.Message | Should -Match 'Restore-Secret'
        Restore-Secret $name -Confirm:$false
        $v = Get-SmValueFromServer $name
        $v.SecretString | Should -Be 'before-delete'
        $v.VersionId | Should -Be $first.Version
    }
}
