# Get-Secret beyond single names: whole hierarchies (-Path, -Prefix), values with their names
# (-IncludeName, wildcards), Parameter Store's name:version selectors, version-id prefixes, and the
# hint that a missing name exists in the other store.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    function Get-Calls([string] $Service, [string] $Operation) { [SecretsTools.Diagnostics.ApiCallCounter]::Get($Service, $Operation) }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Get-Secret -Path (Parameter Store)' {
    BeforeAll {
        $stem = "/$(New-TestName)"
        Set-Secret "ssm:$stem/app/db/host" -Secret 'db.internal' -Type String -Confirm:$false
        Set-Secret "ssm:$stem/app/db/password" -Secret 'pw-hier' -Confirm:$false
        Set-Secret "ssm:$stem/app/hosts" -Secret @('web-1', 'web-2') -Confirm:$false
        Set-Secret "ssm:$stem/app/url" -Secret 'svc.internal' -Type String -Confirm:$false
        # 12 more, so the recursive read needs two pages of 10.
        foreach ($i in 1..12) { Set-Secret "ssm:$stem/app/many/p$i" -Secret "v$i" -Type String -Confirm:$false }
    }

    It 'returns one ordered hashtable of relative names to values, one level deep' {
        $config = Get-Secret -Path "$stem/app" -AsPlainText
        $config | Should -BeOfType [System.Collections.Specialized.OrderedDictionary]
        @($config.Keys) | Should -Be @('hosts', 'url')
        $config['url'] | Should -Be 'svc.internal'
        ,$config['hosts'] | Should -BeOfType [string[]]
        $config['hosts'] | Should -Be @('web-1', 'web-2')
    }

    It 'reads the whole subtree with -Recurse, sorted by name, through paged GetParametersByPath calls' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $config = Get-Secret -Path "$stem/app" -Recurse -AsPlainText
        $config.Count | Should -Be 16
        @($config.Keys)[0..1] | Should -Be @('db/host', 'db/password')
        $config['db/password'] | Should -Be 'pw-hier'
        $config['many/p12'] | Should -Be 'v12'
        $expectedKeys = @($config.Keys) | Sort-Object -CaseSensitive { $_ }
        # Ordinal order, as the hashtable promises.
        @($config.Keys) | Should -Be ([string[]] ([System.Linq.Enumerable]::OrderBy([string[]] $expectedKeys, [Func[string, string]] { $args[0] }, [StringComparer]::Ordinal)))
        Get-Calls 'SSM' 'GetParametersByPath' | Should -Be 2
        Get-Calls 'SSM' 'GetParameters' | Should -Be 0
        Get-Calls 'SSM' 'DescribeParameters' | Should -Be 0
    }

    It 'returns SecureString values by default and full names with -FullName' {
        $config = Get-Secret -Path "ssm:$stem/app/db" -FullName
        @($config.Keys) | Should -Be @("$stem/app/db/host", "$stem/app/db/password")
        $config["$stem/app/db/password"] | Should -BeOfType [securestring]
        ConvertTo-PlainText $config["$stem/app/db/password"] | Should -Be 'pw-hier'
    }

    It 'emits SecretEntry objects with -IncludeName' {
        $entries = @(Get-Secret -Path "$stem/app/db" -IncludeName -AsPlainText)
        $entries.Count | Should -Be 2
        $entries[0] | Should -BeOfType ([SecretsTools.Model.SecretEntry])
        ($entries | Sort-Object Name).Name | Should -Be @("$stem/app/db/host", "$stem/app/db/password")
        $password = $entries | Where-Object Name -EQ "$stem/app/db/password"
        $password.Value | Should -Be 'pw-hier'
        $password.Store | Should -Be 'ParameterStore'
        $password.Region | Should -Be 'us-east-1'
        $password.Version | Should -Be '1'
        "$password" | Should -Be "$stem/app/db/password"
    }

    It 'says when nothing is under the path, and refuses a path without a leading /' {
        Get-Secret -Path "$stem/nothing-here" -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'SecretNotFound'
        $err[0].Exception.Message | Should -BeLike "*$stem/nothing-here*Parameter Store*"
        { Get-Secret -Path 'relative/path' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidSecretReference*'
    }

    It 'treats -Path with -Store SecretsManager as a name prefix' {
        $prefix = New-TestName
        Set-Secret "sm:$prefix/a" -Secret 'A' -Confirm:$false
        Set-Secret "sm:$prefix/deep/b" -Secret 'B' -Confirm:$false
        $top = Get-Secret -Path $prefix -Store SecretsManager -AsPlainText
        @($top.Keys) | Should -Be @('a')
        (Get-Secret -Path "sm:$prefix" -Recurse -AsPlainText)['deep/b'] | Should -Be 'B'
    }
}

Describe 'Get-Secret -Prefix (Secrets Manager)' {
    BeforeAll {
        $prefix = "$(New-TestName)/app/"
        foreach ($i in 1..25) { Set-Secret "sm:${prefix}s$('{0:d2}' -f $i)" -Secret "value-$i" -Confirm:$false }
        Set-Secret "sm:${prefix}json" -Secret @{ user = 'u1'; port = 5432 } -Confirm:$false
        Set-Secret "sm:${prefix}gone" -Secret 'deleted' -Confirm:$false
        Remove-Secret "sm:${prefix}gone" -Force -Confirm:$false
    }

    It 'reads every secret under the prefix, 20 values a BatchGetSecretValue call, leaving out deleted ones' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $settings = Get-Secret -Prefix $prefix -AsPlainText
        $settings | Should -BeOfType [System.Collections.Specialized.OrderedDictionary]
        $settings.Count | Should -Be 26
        $settings['s01'] | Should -Be 'value-1'
        $settings['s25'] | Should -Be 'value-25'
        $settings.Contains('gone') | Should -BeFalse
        ($settings['json'] | ConvertFrom-Json).port | Should -Be 5432
        Get-Calls SecretsManager 'BatchGetSecretValue' | Should -Be 2
        Get-Calls SecretsManager 'GetSecretValue' | Should -Be 0
    }

    It 'cuts names only at a / under a prefix without a trailing /' {
        $stem = New-TestName
        Set-Secret "sm:$stem/app/x" -Secret 'X' -Confirm:$false
        Set-Secret "sm:$stem/apple/b" -Secret 'B' -Confirm:$false
        $settings = Get-Secret -Prefix "$stem/app" -AsPlainText
        $settings['x'] | Should -Be 'X'
        $settings["$stem/apple/b"] | Should -Be 'B'
        $settings.Contains('le/b') | Should -BeFalse
    }

    It 'accepts an sm: prefix and returns SecureStrings by default' {
        $settings = Get-Secret -Prefix "sm:${prefix}s0" -FullName
        $settings.Count | Should -Be 9
        ConvertTo-PlainText $settings["${prefix}s09"] | Should -Be 'value-9'
    }
}

Describe 'Get-Secret with wildcards and -IncludeName' {
    It 'expands a Parameter Store wildcard into SecretEntry objects' {
        $stem = "/$(New-TestName)"
        Set-Secret "ssm:$stem/prod/a" -Secret 'one' -Confirm:$false
        Set-Secret "ssm:$stem/prod/b" -Secret 'two' -Confirm:$false
        Set-Secret "ssm:$stem/dev/c" -Secret 'three' -Confirm:$false
        $entries = @(Get-Secret "ssm:$stem/prod/*" -AsPlainText)
        $entries | ForEach-Object { $_ | Should -BeOfType ([SecretsTools.Model.SecretEntry]) }
        ($entries | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Value)" }) | Should -Be @("$stem/prod/a=one", "$stem/prod/b=two")
    }

    It 'expands a Secrets Manager wildcard and applies a #field to each match' {
        $stem = New-TestName
        Set-Secret "$stem-x" -Secret @{ password = 'px' } -Confirm:$false
        Set-Secret "$stem-y" -Secret @{ password = 'py' } -Confirm:$false
        $entries = @(Get-Secret "$stem-*#password" -AsPlainText) | Sort-Object Name
        $entries.Name | Should -Be @("$stem-x", "$stem-y")
        $entries.Value | Should -Be @('px', 'py')
        $entries[0].Version | Should -Match '^[0-9a-f-]{32,}$'
    }

    It 'keeps names with single values too' {
        $name = New-TestName
        Set-Secret $name -Secret 'solo' -Confirm:$false
        $entry = Get-Secret $name -IncludeName
        $entry.Name | Should -Be $name
        $entry.Store | Should -Be 'SecretsManager'
        ConvertTo-PlainText $entry.Value | Should -Be 'solo'
    }

    It 'never shows the value in the format views of a SecretEntry' {
        $sentinel = "SENTINEL-$(New-TestName)"
        $name = "/$(New-TestName)/v"
        Set-Secret "ssm:$name" -Secret $sentinel -Confirm:$false
        $entry = Get-Secret "ssm:$name" -IncludeName -AsPlainText
        $entry.Value | Should -Be $sentinel
        foreach ($text in ($entry | Format-Table | Out-String), ($entry | Format-List | Out-String), ($entry | Out-String), "$entry") {
            $text | Should -Not -BeLike "*$sentinel*"
            $text | Should -BeLike "*$name*"
        }
    }

    It 'refuses wildcards in an ARN, which would list the caller''s own account' {
        $stem = "/$(New-TestName)"
        Set-Secret "ssm:$stem/db/a" -Secret 'own' -Confirm:$false
        Get-Secret "arn:aws:ssm:us-east-1:999999999999:parameter$stem/db/*" -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'InvalidParameterCombination'
    }

    It 'refuses -Version with a wildcard' {
        Get-Secret 'ssm:/x/*' -Version 2 -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'InvalidParameterCombination'
    }
}

Describe 'Parameter Store selectors in names' {
    BeforeAll {
        $name = "/$(New-TestName)/sel"
        Set-Secret "ssm:$name" -Secret 'first' -Confirm:$false
        Set-Secret "ssm:$name" -Secret 'second' -Confirm:$false
        Set-Secret "ssm:$name" -Secret 'third' -Confirm:$false
        Invoke-AwsApi ssm LabelParameterVersion @{ Name = $name; ParameterVersion = 1; Labels = @('stable') } | Out-Null
    }

    It 'reads name:version and name:label of different names in one GetParameters call' {
        $other = "/$(New-TestName)/sel"
        Set-Secret "ssm:$other" -Secret 'other-1' -Confirm:$false
        Set-Secret "ssm:$other" -Secret 'other-2' -Confirm:$false
        Invoke-AwsApi ssm LabelParameterVersion @{ Name = $other; ParameterVersion = 1; Labels = @('stable') } | Out-Null
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        Get-Secret "ssm:${name}:2", "ssm:${other}:stable" -AsPlainText | Should -Be @('second', 'other-1')
        Get-Calls 'SSM' 'GetParameters' | Should -Be 1
        (Get-Secret "ssm:${name}:2" -IncludeName).Version | Should -Be '2'
    }

    It 'reads several selectors of one name right, in input order' {
        # One call per selector of a name: not every endpoint says which selector an answer is for.
        Get-Secret "ssm:${name}:2", "ssm:${name}:stable", "ssm:$name", "ssm:${name}:1" -AsPlainText | Should -Be @('second', 'first', 'third', 'first')
    }

    It 'reports a missing version as SecretVersionNotFound and refuses a selector with -Version' {
        Get-Secret "ssm:${name}:9" -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'SecretVersionNotFound'
        $err[0].Exception.Message | Should -BeLike "*$name*"
        Get-Secret "ssm:${name}:2" -Version 1 -ErrorAction SilentlyContinue -ErrorVariable err2 | Should -BeNullOrEmpty
        Get-ErrorIds $err2 | Should -Be 'InvalidParameterCombination'
    }

    It 'is refused with SelectorNotAllowed by cmdlets that change or describe, which change nothing' {
        Set-Secret "ssm:${name}:2" -Secret 'changed' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e1
        Remove-Secret "ssm:${name}:2" -Force -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e2
        Get-SecretInfo "ssm:${name}:2" -ErrorAction SilentlyContinue -ErrorVariable e3 | Should -BeNullOrEmpty
        Set-SecretInfo "ssm:${name}:2" -Description 'x' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e4
        foreach ($e in $e1, $e2, $e3, $e4) { Get-ErrorIds $e | Should -Be 'SelectorNotAllowed' }
        $server = Get-SsmParameterFromServer $name
        $server[$name].Value | Should -Be 'third'
        $server[$name].Version | Should -Be 3
    }
}

Describe 'Secrets Manager version ids as the views show them' {
    It 'reads a version by the first 8 characters of its id' {
        $name = New-TestName
        $first = Set-Secret $name -Secret 'v-one' -PassThru -Confirm:$false
        Set-Secret $name -Secret 'v-two' -Confirm:$false
        Get-Secret $name -Version $first.Version.Substring(0, 8) -AsPlainText | Should -Be 'v-one'
        Get-Secret $name -Version $first.Version -AsPlainText | Should -Be 'v-one'
    }

    It 'refuses a prefix that is too short or fits no version' {
        $name = New-TestName
        Set-Secret $name -Secret 'v' -Confirm:$false
        Get-Secret $name -Version 'abc' -ErrorAction SilentlyContinue -ErrorVariable e1 | Should -BeNullOrEmpty
        Get-ErrorIds $e1 | Should -Be 'SecretVersionNotFound'
        $e1[0].Exception.Message | Should -BeLike '*at least its first 8*'
        Get-Secret $name -Version 'ffffffff' -ErrorAction SilentlyContinue -ErrorVariable e2 | Should -BeNullOrEmpty
        Get-ErrorIds $e2 | Should -Be 'SecretVersionNotFound'
    }
}

Describe 'A name that is in the other store' {
    It 'says so when a Parameter Store name goes to Secrets Manager' {
        $name = "/$(New-TestName)/db/host"
        Set-Secret "ssm:$name" -Secret 'h' -Type String -Confirm:$false
        Get-Secret $name -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'SecretNotFound'
        $err[0].Exception.Message | Should -Be "Secret '$name' was not found in Secrets Manager; a Parameter Store parameter of that name exists: use ssm:$name or -Store ParameterStore."
        $err[0].TargetObject | Should -Be $name
    }

    It 'says so the other way round, for Get-SecretInfo and Remove-Secret too' {
        # Valid in both stores: Secrets Manager names may begin with '/'.
        $name = "/$(New-TestName)/key"
        Set-Secret "sm:$name" -Secret 'k' -Confirm:$false
        Get-Secret $name -Store ParameterStore -ErrorAction SilentlyContinue -ErrorVariable e1 | Should -BeNullOrEmpty
        $e1[0].Exception.Message | Should -BeLike "*not found in Parameter Store; a Secrets Manager secret of that name exists: use sm:$name or -Store SecretsManager."
        $plain = "$(New-TestName)"
        Set-Secret "sm:$plain" -Secret 'k' -Confirm:$false
        Get-SecretInfo $plain -Store ParameterStore -ErrorAction SilentlyContinue -ErrorVariable e2 | Should -BeNullOrEmpty
        $e2[0].Exception.Message | Should -BeLike "*use sm:$plain or -Store SecretsManager.*"
        Remove-Secret $plain -Store ParameterStore -Force -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e3
        $e3[0].Exception.Message | Should -BeLike "*use sm:$plain or -Store SecretsManager.*"
        Get-SmSecretFromServer $plain | Should -Not -BeNullOrEmpty
    }

    It 'costs one extra read-only call on the error path only' {
        $name = "/$(New-TestName)/only-here"
        Set-Secret "ssm:$name" -Secret 'v' -Type String -Confirm:$false
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        Get-Secret "ssm:$name" -AsPlainText | Should -Be 'v'
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 1
        $missing = "/$(New-TestName)/nowhere"
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        Get-Secret $missing -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].Exception.Message | Should -Be "Secret '$missing' was not found in Secrets Manager."
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 2
        Get-Calls 'SSM' 'DescribeParameters' | Should -Be 1
    }

    It 'gives no hint, and makes no extra call, when the name''s own prefix chose the store' {
        $name = "/$(New-TestName)/chosen"
        Set-Secret "ssm:$name" -Secret 'v' -Type String -Confirm:$false
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        Get-Secret "sm:$name" -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        $err[0].Exception.Message | Should -Be "Secret '$name' was not found in Secrets Manager."
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 1
    }
}

Describe 'Get-SecretInfo -Path means Parameter Store' {
    BeforeAll {
        $stem = "/$(New-TestName)"
        Set-Secret "ssm:$stem/one" -Secret '1' -Type String -Confirm:$false
        Set-Secret "ssm:$stem/sub/two" -Secret '2' -Type String -Confirm:$false
    }

    It 'lists Parameter Store without -Store, and takes an ssm: prefix' {
        (Get-SecretInfo -Path $stem).Name | Should -Be "$stem/one"
        (Get-SecretInfo -Path "ssm:$stem" -Recurse).Name | Sort-Object | Should -Be @("$stem/one", "$stem/sub/two")
        (Get-SecretInfo -Path $stem -Recurse).Store | Sort-Object -Unique | Should -Be 'ParameterStore'
    }

    It 'sends plain names given with -Path to the path''s store' {
        (Get-SecretInfo "$stem/sub/*" -Path $stem -Recurse).Name | Should -Be "$stem/sub/two"
    }

    It 'refuses an ssm: path with -Store SecretsManager' {
        { Get-SecretInfo -Path "ssm:$stem" -Store SecretsManager -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidParameterCombination*'
    }
}
