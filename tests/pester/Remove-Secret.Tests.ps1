BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest

    function Get-DaysUntilDeletion {
        # Days from now until the server deletes a secret for good, from DescribeSecret's DeletedDate.
        param([string] $Name)
        $d = Get-SmSecretFromServer $Name
        if (-not $d.DeletedDate) { return $null }
        return ([double]$d.DeletedDate - [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()) / 86400
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Remove-Secret on Parameter Store' {
    It 'deletes more than 10 names in one call and writes one error per missing name' {
        $path = "/$(New-TestName 'rs')"
        $names = 1..12 | ForEach-Object { "$path/p$_" }
        foreach ($n in $names) { Set-Secret "ssm:$n" -Secret 'v' -Type String -Confirm:$false }
        $missing = "$path/missing-1", "$path/missing-2"
        $request = @($names[0..4]) + $missing[0] + @($names[5..11]) + $missing[1]
        Remove-Secret -Store ParameterStore -Name $request -Force -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 2
        Get-ErrorIds $err | Should -Be @('SecretNotFound', 'SecretNotFound')
        $err.TargetObject | Sort-Object | Should -Be $missing
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-SsmNamesUnderPath -Path $path | Should -BeNullOrEmpty
    }

    It 'deletes nothing with -WhatIf, even with -Force' {
        $path = "/$(New-TestName 'rs')"
        Set-Secret "ssm:$path/a" -Secret 'v' -Confirm:$false
        Set-Secret "ssm:$path/b" -Secret 'v' -Confirm:$false
        $run = Invoke-WithCapturedHost -Parameters @{ path = $path } {
            param($path)
            Remove-Secret "ssm:$path/a" -WhatIf
            Remove-Secret "ssm:$path/b" -WhatIf -Force
            $WhatIfPreference = $true
            Remove-Secret "ssm:$path/a" -Force
        }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -Be @(
            "What if: Performing the operation ""Delete permanently"" on target ""$path/a (Parameter Store)""."
            "What if: Performing the operation ""Delete permanently"" on target ""$path/b (Parameter Store)""."
            "What if: Performing the operation ""Delete permanently"" on target ""$path/a (Parameter Store)"".")
        Get-SsmNamesUnderPath -Path $path | Sort-Object | Should -Be @("$path/a", "$path/b")
    }

    It 'deletes with -Confirm:$false and with -Force' {
        $path = "/$(New-TestName 'rs')"
        Set-Secret "ssm:$path/a" -Secret 'v' -Confirm:$false
        Set-Secret "ssm:$path/b" -Secret 'v' -Confirm:$false
        Set-Secret "ssm:$path/c" -Secret 'v' -Confirm:$false
        Remove-Secret "ssm:$path/a" -Confirm:$false
        Remove-Secret -Store ParameterStore "$path/b" -Force
        Get-SsmNamesUnderPath -Path $path | Should -Be "$path/c"
    }

    It 'deletes what Get-SecretInfo lists' {
        $path = "/$(New-TestName 'rs')"
        foreach ($leaf in 'a', 'b', 'sub/c') { Set-Secret "ssm:$path/$leaf" -Secret 'v' -Confirm:$false }
        Set-Secret "ssm:$path-sibling" -Secret 'v' -Confirm:$false
        Get-SecretInfo -Store ParameterStore -Path $path -Recurse | Remove-Secret -Force
        Get-SsmNamesUnderPath -Path $path | Should -BeNullOrEmpty
        (Get-SsmParameterFromServer -Name "$path-sibling").Count | Should -Be 1
    }

    It 'writes InvalidSecretName for a name Parameter Store cannot have and goes on' {
        $path = "/$(New-TestName 'rs')"
        Set-Secret "ssm:$path/ok" -Secret 'v' -Confirm:$false
        Remove-Secret -Store ParameterStore "$path/has space", "$path/ok" -Force -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'InvalidSecretName'
        $err[0].TargetObject | Should -Be "$path/has space"
        Get-SsmNamesUnderPath -Path $path | Should -BeNullOrEmpty
    }

    It 'sends names with the reserved /aws and /ssm prefixes, which only writes refuse' {
        $names = "ssm:/ssm/$(New-TestName 'rs')", "ssm:/aws/$(New-TestName 'rs')"
        Remove-Secret $names -Force -ErrorAction SilentlyContinue -ErrorVariable err
        # The server answered: the names passed the local rules.
        Get-ErrorIds $err | Should -Be @('SecretNotFound', 'SecretNotFound')
    }
}

Describe 'Remove-Secret on Secrets Manager' {
    It 'schedules the deletion in 30 days by default; the value can then not be read' {
        $name = New-TestName 'rs'
        Set-Secret $name -Secret 'v' -Confirm:$false
        Remove-Secret $name -Force
        Get-DaysUntilDeletion $name | Should -BeGreaterThan 29.9
        Get-DaysUntilDeletion $name | Should -BeLessThan 30.1
        Get-Secret $name -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'SecretScheduledForDeletion'
        $err[0].TargetObject | Should -Be $name
        $err[0].Exception.Message | Should -Match 'Restore-Secret'
    }

    It 'schedules the deletion in 7 days with -RecoveryWindowInDays 7' {
        $name = New-TestName 'rs'
        Set-Secret $name -Secret 'v' -Confirm:$false
        Remove-Secret $name -RecoveryWindowInDays 7 -Confirm:$false
        Get-DaysUntilDeletion $name | Should -BeGreaterThan 6.9
        Get-DaysUntilDeletion $name | Should -BeLessThan 7.1
    }

    It 'deletes for good with -WithoutRecovery' {
        $name = New-TestName 'rs'
        Set-Secret $name -Secret 'v' -Confirm:$false
        Remove-Secret $name -WithoutRecovery -Force
        Get-SmSecretFromServer $name | Should -BeNullOrEmpty
        Get-SmNamesFromServer -Prefix $name | Should -BeNullOrEmpty
        Restore-Secret $name -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'SecretNotFound'
    }

    It 'writes SecretNotFound for a missing name, with or without recovery' {
        $a = New-TestName 'rs'
        $b = New-TestName 'rs'
        Remove-Secret $a -Force -ErrorAction SilentlyContinue -ErrorVariable e1
        Remove-Secret $b -WithoutRecovery -Force -ErrorAction SilentlyContinue -ErrorVariable e2
        Get-ErrorIds $e1 | Should -Be 'SecretNotFound'
        $e1[0].TargetObject | Should -Be $a
        $e1[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-ErrorIds $e2 | Should -Be 'SecretNotFound'
        $e2[0].TargetObject | Should -Be $b
    }

    It 'refuses a recovery window of <Days> days at parameter binding and deletes nothing' -ForEach @(
        @{ Days = 6 }
        @{ Days = 31 }
    ) {
        $name = New-TestName 'rs'
        Set-Secret $name -Secret 'v' -Confirm:$false
        $caught = $null
        try { Remove-Secret $name -RecoveryWindowInDays $Days -Force -ErrorAction Stop } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.Exception.GetType().Name | Should -Be 'ParameterBindingValidationException'
        $caught.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
        $caught.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
        (Get-SmSecretFromServer $name).DeletedDate | Should -BeNullOrEmpty
    }

    It 'deletes nothing with -WhatIf' {
        $name = New-TestName 'rs'
        Set-Secret $name -Secret 'v' -Confirm:$false
        $run = Invoke-WithCapturedHost -Parameters @{ name = $name } {
            param($name)
            Remove-Secret $name -WhatIf
            Remove-Secret $name -WithoutRecovery -Force -WhatIf
        }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -Be @(
            "What if: Performing the operation ""Schedule deletion in 30 days"" on target ""$name (Secrets Manager)""."
            "What if: Performing the operation ""Delete permanently"" on target ""$name (Secrets Manager)"".")
        (Get-SmSecretFromServer $name).DeletedDate | Should -BeNullOrEmpty
    }

    It 'deletes what Get-SecretInfo lists, and names of both stores in one call' {
        $stem = New-TestName 'rs'
        foreach ($n in "$stem-a", "$stem-b") { Set-Secret $n -Secret 'v' -Confirm:$false }
        Set-Secret "ssm:/$stem/p" -Secret 'v' -Confirm:$false
        Set-Secret "$stem-c" -Secret 'v' -Confirm:$false
        Get-SecretInfo "$stem-[ab]" | Remove-Secret -Force
        (Get-SmSecretFromServer "$stem-a").DeletedDate | Should -Not -BeNullOrEmpty
        (Get-SmSecretFromServer "$stem-b").DeletedDate | Should -Not -BeNullOrEmpty
        Remove-Secret "ssm:/$stem/p", "sm:$stem-c" -WithoutRecovery -Force
        Get-SmSecretFromServer "$stem-c" | Should -BeNullOrEmpty
        (Get-SsmParameterFromServer -Name "/$stem/p").Count | Should -Be 0
    }
}
