BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest

    function Assert-NoValueIn {
        # A SecretInfo never carries a value: none of its properties, however deep, holds one.
        param($Info, [string[]] $Values)
        $Info | Should -Not -BeNullOrEmpty
        foreach ($i in $Info) {
            $i.PSObject.Properties.Name | Should -Not -Contain 'Value'
            $i.PSObject.Properties.Name | Should -Not -Contain 'SecretString'
            $json = $i | ConvertTo-Json -Depth 5
            foreach ($v in $Values) { $json | Should -Not -Match ([regex]::Escape($v)) }
        }
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Get-SecretInfo on Parameter Store' {
    BeforeAll {
        $root = "/$(New-TestName 'gi')"
        Set-Secret "ssm:$root/alpha" -Secret 'value-alpha' -Description 'Alpha database' -Tag @{ env = 'prod'; team = 'a' } -Confirm:$false
        Set-Secret "ssm:$root/beta" -Secret 'value-beta' -Type String -Description 'beta cache' -Tag @{ env = 'dev' } -Confirm:$false
        Set-Secret "ssm:$root/gamma" -Secret @('g1', 'g2') -Confirm:$false
        Set-Secret "ssm:$root/sub/delta" -Secret 'value-delta' -Tag @{ team = 'a' } -Confirm:$false
        Set-Secret "ssm:$root/sub/deeper/epsilon" -Secret 'value-epsilon' -Confirm:$false
    }

    It 'describes one parameter by name, without its value' {
        $info = Get-SecretInfo "ssm:$root/alpha"
        $info | Should -BeOfType ([SecretsTools.Model.SecretInfo])
        $info.Name | Should -Be "$root/alpha"
        $info.Store | Should -Be 'ParameterStore'
        $info.Type | Should -Be 'SecureString'
        $info.Version | Should -Be '1'
        $info.Description | Should -Be 'Alpha database'
        $info.Tags['env'] | Should -Be 'prod'
        $info.Tags['team'] | Should -Be 'a'
        $info.Tier | Should -Be 'Standard'
        $info.Region | Should -Be 'us-east-1'
        $info.LastModified | Should -BeOfType [datetime]
        (Get-SecretInfo "ssm:$root/gamma").Type | Should -Be 'StringList'
        Assert-NoValueIn (Get-SecretInfo -Store ParameterStore -Path $root -Recurse) -Values 'value-alpha', 'value-beta', 'g1,g2', 'value-delta', 'value-epsilon'
    }

    It 'loads tags of a listing only with -IncludeTags, and says so with $null' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $plain = Get-SecretInfo -Store ParameterStore -Path $root
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SSM', 'ListTagsForResource') | Should -Be 0
        $plain | ForEach-Object { $_.Tags | Should -BeNullOrEmpty }
        ($plain | Format-List | Out-String) | Should -Match 'not loaded'

        $tagged = Get-SecretInfo -Store ParameterStore -Path $root -IncludeTags
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SSM', 'ListTagsForResource') | Should -Be 3
        ($tagged | Where-Object Name -EQ "$root/alpha").Tags['team'] | Should -Be 'a'
        ($tagged | Where-Object Name -EQ "$root/gamma").Tags.Count | Should -Be 0
    }

    It 'matches wildcards' {
        (Get-SecretInfo "ssm:$root/*a").Name | Sort-Object | Should -Be @("$root/alpha", "$root/beta", "$root/gamma", "$root/sub/delta")
        (Get-SecretInfo "ssm:$root/[ab]*").Name | Sort-Object | Should -Be @("$root/alpha", "$root/beta")
        (Get-SecretInfo -Store ParameterStore "$root/?eta").Name | Should -Be "$root/beta"
        Get-SecretInfo "ssm:$root/nothing*" -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'lists one level of -Path, or the whole subtree with -Recurse' {
        (Get-SecretInfo -Store ParameterStore -Path $root).Name | Sort-Object | Should -Be @("$root/alpha", "$root/beta", "$root/gamma")
        (Get-SecretInfo -Store ParameterStore -Path "$root/sub").Name | Should -Be "$root/sub/delta"
        (Get-SecretInfo -Store ParameterStore -Path $root -Recurse).Name | Sort-Object |
            Should -Be @("$root/alpha", "$root/beta", "$root/gamma", "$root/sub/deeper/epsilon", "$root/sub/delta")
    }

    It 'filters by tag key and value, or key alone' {
        (Get-SecretInfo -Store ParameterStore -Path $root -Recurse -Tag @{ env = 'prod' }).Name | Should -Be "$root/alpha"
        (Get-SecretInfo -Store ParameterStore -Path $root -Recurse -Tag @{ env = $null }).Name | Sort-Object | Should -Be @("$root/alpha", "$root/beta")
        (Get-SecretInfo -Store ParameterStore -Path $root -Recurse -Tag @{ team = '*' }).Name | Sort-Object | Should -Be @("$root/alpha", "$root/sub/delta")
        (Get-SecretInfo -Store ParameterStore -Path $root -Recurse -Tag @{ env = 'prod'; team = 'a' }).Name | Should -Be "$root/alpha"
        Get-SecretInfo -Store ParameterStore -Path $root -Recurse -Tag @{ env = 'staging' } | Should -BeNullOrEmpty
    }

    It 'loads the tags of what a -Tag filter matched, so they can be shown' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $found = @(Get-SecretInfo -Store ParameterStore -Path $root -Recurse -Tag @{ team = 'a' })
        $found.Name | Sort-Object | Should -Be @("$root/alpha", "$root/sub/delta")
        ($found | Where-Object Name -EQ "$root/alpha").Tags['env'] | Should -Be 'prod'
        ($found | Where-Object Name -EQ "$root/sub/delta").Tags['team'] | Should -Be 'a'
        # One tag call per match, none for the parameters the server filtered out.
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SSM', 'ListTagsForResource') | Should -Be 2
        ($found | Format-List | Out-String) | Should -Not -Match 'not loaded'
    }

    It 'filters by description prefix, ignoring case' {
        (Get-SecretInfo -Store ParameterStore -Path $root -Recurse -Description 'alpha').Name | Should -Be "$root/alpha"
        (Get-SecretInfo -Store ParameterStore -Path $root -Recurse -Description 'BETA c').Name | Should -Be "$root/beta"
        Get-SecretInfo -Store ParameterStore -Path $root -Recurse -Description 'database' | Should -BeNullOrEmpty
    }

    It 'writes SecretNotFound for a missing literal name and goes on with the others' {
        $missing = "$root/missing"
        $infos = Get-SecretInfo -Store ParameterStore -Name "$root/alpha", $missing, "$root/beta" -ErrorAction SilentlyContinue -ErrorVariable err
        $infos.Name | Should -Be @("$root/alpha", "$root/beta")
        Get-ErrorIds $err | Should -Be 'SecretNotFound'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].TargetObject | Should -Be $missing
    }

    It 'streams a listing of more than one page, each object as its page arrives' {
        $path = "/$(New-TestName 'gi')/many"
        $names = 1..51 | ForEach-Object { '{0}/p{1:d3}' -f $path, $_ }
        foreach ($n in $names) { Set-Secret "ssm:$n" -Secret 'v' -Type String -Confirm:$false }
        # Create one more parameter while the first object is in the pipeline. A listing that had read
        # every page before writing its first object could not contain it; a streaming one reads the
        # last page later and does.
        $late = "$path/zz-late"
        $script:seen = 0
        $listed = Get-SecretInfo -Store ParameterStore -Path $path | ForEach-Object {
            if ($script:seen++ -eq 0) { Set-Secret "ssm:$late" -Secret 'v' -Type String -Confirm:$false }
            $_.Name
        }
        $listed.Count | Should -Be 52
        $listed | Sort-Object | Should -Be (@($names) + $late)
    }
}

Describe 'Get-SecretInfo on Secrets Manager' {
    BeforeAll {
        $stem = New-TestName 'gi'
        Set-Secret "$stem-alpha" -Secret 'sm-value-alpha' -Description 'Alpha database' -Tag @{ env = 'prod'; team = 'a' } -Confirm:$false
        Set-Secret "$stem-beta" -Secret 'sm-value-beta' -Description 'beta cache' -Tag @{ env = 'dev' } -Confirm:$false
        Set-Secret "$stem-gamma" -Secret ([byte[]](1, 2, 3)) -Confirm:$false
        Set-Secret "$stem/app/one" -Secret 'sm-value-one' -Confirm:$false
        Set-Secret "$stem/app/deep/two" -Secret 'sm-value-two' -Confirm:$false
    }

    It 'describes one secret by name, without its value' {
        $info = Get-SecretInfo "$stem-alpha"
        $info | Should -BeOfType ([SecretsTools.Model.SecretInfo])
        $info.Name | Should -Be "$stem-alpha"
        $info.Store | Should -Be 'SecretsManager'
        $info.Arn | Should -BeLike "arn:aws:secretsmanager:us-east-1:*:secret:$stem-alpha-*"
        $info.Description | Should -Be 'Alpha database'
        $info.Tags['env'] | Should -Be 'prod'
        $info.Version | Should -Not -BeNullOrEmpty
        $info.DeletedDate | Should -BeNullOrEmpty
        Assert-NoValueIn (Get-SecretInfo "$stem*") -Values 'sm-value-alpha', 'sm-value-beta', 'sm-value-one', 'sm-value-two'
    }

    It 'says Type Unknown, as Secrets Manager does not tell listings text from binary' {
        (Get-SecretInfo "$stem-alpha").Type | Should -BeExactly 'Unknown'
        (Get-SecretInfo "$stem*").Type | Select-Object -Unique | Should -BeExactly 'Unknown'
    }

    It 'describes a secret named by its ARN' {
        $arn = (Get-SmSecretFromServer "$stem-beta").ARN
        $info = Get-SecretInfo $arn
        $info.Name | Should -Be "$stem-beta"
        $info.Arn | Should -Be $arn
    }

    It 'matches a name prefix and wildcards' {
        (Get-SecretInfo "$stem*").Name | Sort-Object | Should -Be @("$stem-alpha", "$stem-beta", "$stem-gamma", "$stem/app/deep/two", "$stem/app/one")
        (Get-SecretInfo "$stem-*a").Name | Sort-Object | Should -Be @("$stem-alpha", "$stem-beta", "$stem-gamma")
        (Get-SecretInfo "$stem-[ab]*").Name | Sort-Object | Should -Be @("$stem-alpha", "$stem-beta")
        (Get-SecretInfo "sm:$stem-?eta").Name | Should -Be "$stem-beta"
    }

    It 'lists a -Path prefix one level deep, or the subtree with -Recurse' {
        # -Path means Parameter Store unless -Store SecretsManager or an sm: prefix says otherwise.
        (Get-SecretInfo -Path "$stem/app" -Store SecretsManager).Name | Should -Be "$stem/app/one"
        (Get-SecretInfo -Path "sm:$stem/app/" -Recurse).Name | Sort-Object | Should -Be @("$stem/app/deep/two", "$stem/app/one")
    }

    It 'filters by tag key alone and by key and value' {
        (Get-SecretInfo "$stem*" -Tag @{ env = $null }).Name | Sort-Object | Should -Be @("$stem-alpha", "$stem-beta")
        (Get-SecretInfo "$stem*" -Tag @{ env = 'dev' }).Name | Should -Be "$stem-beta"
        # Key and value must match on the same tag: env=a is no match although some tag has the value 'a'.
        Get-SecretInfo "$stem*" -Tag @{ env = 'a' } | Should -BeNullOrEmpty
        (Get-SecretInfo "$stem*" -Tag @{ team = 'a'; env = 'prod' }).Name | Should -Be "$stem-alpha"
    }

    It 'filters by description' {
        (Get-SecretInfo "$stem*" -Description 'alpha').Name | Should -Be "$stem-alpha"
        (Get-SecretInfo "$stem*" -Description 'beta').Name | Should -Be "$stem-beta"
    }

    It 'shows secrets scheduled for deletion only with -IncludeDeleted, with DeletedDate' {
        $name = New-TestName 'gi'
        Set-Secret $name -Secret 'v' -Confirm:$false
        Remove-Secret $name -Force
        Get-SecretInfo "$name*" | Should -BeNullOrEmpty
        $deleted = Get-SecretInfo "$name*" -IncludeDeleted
        $deleted.Name | Should -Be $name
        $deleted.DeletedDate | Should -BeOfType [datetime]
        $deleted.DeletedDate | Should -BeGreaterThan ([datetime]::UtcNow.AddDays(29))
    }

    It 'writes SecretNotFound for a missing literal name and takes names from the pipeline' {
        $missing = New-TestName 'gi'
        $infos = "$stem-alpha", $missing, "$stem-beta" | Get-SecretInfo -ErrorAction SilentlyContinue -ErrorVariable err
        $infos.Name | Should -Be @("$stem-alpha", "$stem-beta")
        Get-ErrorIds $err | Should -Be 'SecretNotFound'
        $err[0].TargetObject | Should -Be $missing
    }
}
