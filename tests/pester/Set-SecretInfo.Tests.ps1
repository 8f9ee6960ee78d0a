BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest

    function Get-SsmTagsFromServer {
        param([string] $Name)
        $list = (Invoke-AwsApi ssm ListTagsForResource @{ ResourceType = 'Parameter'; ResourceId = $Name }).TagList
        return @($list | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" })
    }

    function Get-SsmMetadataFromServer {
        param([string] $Name)
        return (Invoke-AwsApi ssm DescribeParameters @{ ParameterFilters = @(@{ Key = 'Name'; Values = @($Name) }) }).Parameters[0]
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Set-SecretInfo on Parameter Store' {
    It 'changes the description and keeps the value' {
        $name = "/$(New-TestName 'si')/p"
        Set-Secret "ssm:$name" -Secret 'unchanged' -Description 'before' -Confirm:$false
        Set-SecretInfo "ssm:$name" -Description 'after' -Confirm:$false | Should -BeNullOrEmpty
        (Get-SsmMetadataFromServer $name).Description | Should -Be 'after'
        $p = (Get-SsmParameterFromServer -Name $name)[$name]
        $p.Value | Should -Be 'unchanged'
        $p.Type | Should -Be 'SecureString'
    }

    It 'adds, overwrites and removes tags without a new version' {
        $name = "/$(New-TestName 'si')/p"
        Set-Secret "ssm:$name" -Secret 'v' -Type String -Tag @{ keep = 'k'; change = 'old'; drop = 'd' } -Confirm:$false
        Set-SecretInfo "ssm:$name" -Tag @{ change = 'new'; added = 'a' } -RemoveTag drop -Confirm:$false
        Get-SsmTagsFromServer $name | Should -Be @('added=a', 'change=new', 'keep=k')
        (Get-SsmMetadataFromServer $name).Version | Should -Be 1
    }

    It 'changes the KMS key of a SecureString and refuses one for a String' {
        $stem = "/$(New-TestName 'si')"
        Set-Secret "ssm:$stem/secure" -Secret 'v' -Confirm:$false
        Set-Secret "ssm:$stem/plain" -Secret 'v' -Type String -Confirm:$false
        Set-SecretInfo "ssm:$stem/secure" -KmsKeyId 'alias/rotated' -Confirm:$false
        (Get-SsmMetadataFromServer "$stem/secure").KeyId | Should -Be 'alias/rotated'
        (Get-SsmParameterFromServer -Name "$stem/secure")["$stem/secure"].Value | Should -Be 'v'
        Set-SecretInfo "ssm:$stem/plain" -KmsKeyId 'alias/rotated' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'InvalidParameterCombination'
        $meta = Get-SsmMetadataFromServer "$stem/plain"
        $meta.KeyId | Should -BeNullOrEmpty
        $meta.Version | Should -Be 1
    }

    It 'returns the updated SecretInfo with -PassThru' {
        $name = "/$(New-TestName 'si')/p"
        Set-Secret "ssm:$name" -Secret 'v' -Confirm:$false
        $info = Set-SecretInfo "ssm:$name" -Description 'via passthru' -Tag @{ t = '1' } -PassThru -Confirm:$false
        $info | Should -BeOfType ([SecretsTools.Model.SecretInfo])
        $info.Description | Should -Be 'via passthru'
        $info.Tags['t'] | Should -Be '1'
    }

    It 'changes nothing with -WhatIf' {
        $name = "/$(New-TestName 'si')/p"
        Set-Secret "ssm:$name" -Secret 'v' -Description 'orig' -Tag @{ a = '1' } -Confirm:$false
        $run = Invoke-WithCapturedHost -Parameters @{ name = $name } {
            param($name)
            Set-SecretInfo "ssm:$name" -Description 'new' -Tag @{ b = '2' } -RemoveTag a -WhatIf
        }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -Be "What if: Performing the operation ""Update description, tags or KMS key"" on target ""$name (Parameter Store)""."
        (Get-SsmMetadataFromServer $name).Description | Should -Be 'orig'
        Get-SsmTagsFromServer $name | Should -Be @('a=1')
    }

    It 'writes SecretNotFound for a missing name and InvalidTag for a reserved key' {
        $stem = "/$(New-TestName 'si')"
        Set-Secret "ssm:$stem/p" -Secret 'v' -Confirm:$false
        Set-SecretInfo "ssm:$stem/missing" -Description 'x' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e1
        Get-ErrorIds $e1 | Should -Be 'SecretNotFound'
        $e1[0].TargetObject | Should -Be "$stem/missing"
        Set-SecretInfo "ssm:$stem/p" -Tag @{ 'aws:x' = 'y' } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e2
        Get-ErrorIds $e2 | Should -Be 'InvalidTag'
        Get-SsmTagsFromServer "$stem/p" | Should -BeNullOrEmpty
        Get-SsmNamesUnderPath -Path $stem | Should -Be "$stem/p"
    }
}

Describe 'Set-SecretInfo on Secrets Manager' {
    It 'changes the description and KMS key without a new version' {
        $name = New-TestName 'si'
        $written = Set-Secret $name -Secret 'v' -Description 'before' -PassThru -Confirm:$false
        Set-SecretInfo $name -Description 'after' -KmsKeyId 'alias/sm-rotated' -Confirm:$false
        $d = Get-SmSecretFromServer $name
        $d.Description | Should -Be 'after'
        $d.KmsKeyId | Should -Be 'alias/sm-rotated'
        $v = Get-SmValueFromServer $name
        $v.SecretString | Should -Be 'v'
        $v.VersionId | Should -Be $written.Version
    }

    It 'adds, overwrites and removes tags' {
        $name = New-TestName 'si'
        Set-Secret $name -Secret 'v' -Tag @{ keep = 'k'; change = 'old'; drop = 'd' } -Confirm:$false
        $info = Set-SecretInfo $name -Tag @{ change = 'new'; added = 'a' } -RemoveTag drop -PassThru -Confirm:$false
        $d = Get-SmSecretFromServer $name
        ($d.Tags | Sort-Object Key | ForEach-Object { "$($_.Key)=$($_.Value)" }) | Should -Be @('added=a', 'change=new', 'keep=k')
        $info.Tags.Keys | Sort-Object | Should -Be @('added', 'change', 'keep')
    }

    It 'updates every name given, from the pipeline too' {
        $stem = New-TestName 'si'
        Set-Secret "$stem-a" -Secret 'v' -Confirm:$false
        Set-Secret "$stem-b" -Secret 'v' -Confirm:$false
        Get-SecretInfo "$stem-*" | Set-SecretInfo -Tag @{ batch = 'yes' } -Confirm:$false
        (Get-SmSecretFromServer "$stem-a").Tags.Value | Should -Be 'yes'
        (Get-SmSecretFromServer "$stem-b").Tags.Value | Should -Be 'yes'
    }

    It 'changes nothing with -WhatIf and writes SecretNotFound for a missing name' {
        $name = New-TestName 'si'
        Set-Secret $name -Secret 'v' -Description 'orig' -Confirm:$false
        $run = Invoke-WithCapturedHost -Parameters @{ name = $name } { param($name) Set-SecretInfo $name -Description 'new' -Tag @{ a = 'b' } -WhatIf }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -Be "What if: Performing the operation ""Update description, tags or KMS key"" on target ""$name (Secrets Manager)""."
        $d = Get-SmSecretFromServer $name
        $d.Description | Should -Be 'orig'
        $d.Tags | Should -BeNullOrEmpty
        $missing = New-TestName 'si'
        Set-SecretInfo $missing -Description 'x' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'SecretNotFound'
        $err[0].TargetObject | Should -Be $missing
    }
}
