BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Restore-Secret on Secrets Manager' {
    It 'cancels a scheduled deletion, so the value can be read again' {
        $name = New-TestName 'rt'
        Set-Secret $name -Secret 'restored-value' -Confirm:$false
        Remove-Secret $name -Force
        (Get-SmSecretFromServer $name).DeletedDate | Should -Not -BeNullOrEmpty
        Restore-Secret $name -Confirm:$false | Should -BeNullOrEmpty
        (Get-SmSecretFromServer $name).DeletedDate | Should -BeNullOrEmpty
        Get-Secret $name -AsPlainText | Should -Be 'restored-value'
        (Get-SecretInfo $name).DeletedDate | Should -BeNullOrEmpty
    }

    It 'returns the restored SecretInfo with -PassThru' {
        $name = New-TestName 'rt'
        Set-Secret $name -Secret 'v' -Description 'kept' -Confirm:$false
        Remove-Secret $name -RecoveryWindowInDays 7 -Force
        $info = Restore-Secret $name -PassThru -Confirm:$false
        $info | Should -BeOfType ([SecretsTools.Model.SecretInfo])
        $info.Name | Should -Be $name
        $info.Description | Should -Be 'kept'
        $info.DeletedDate | Should -BeNullOrEmpty
    }

    It 'restores what Get-SecretInfo -IncludeDeleted lists' {
        $stem = New-TestName 'rt'
        foreach ($n in "$stem-a", "$stem-b") { Set-Secret $n -Secret 'v' -Confirm:$false; Remove-Secret $n -Force }
        Get-SecretInfo "$stem-*" -IncludeDeleted | Restore-Secret -Confirm:$false
        (Get-SmSecretFromServer "$stem-a").DeletedDate | Should -BeNullOrEmpty
        (Get-SmSecretFromServer "$stem-b").DeletedDate | Should -BeNullOrEmpty
    }

    It 'restores nothing with -WhatIf' {
        $name = New-TestName 'rt'
        Set-Secret $name -Secret 'v' -Confirm:$false
        Remove-Secret $name -Force
        $run = Invoke-WithCapturedHost -Parameters @{ name = $name } { param($name) Restore-Secret $name -WhatIf }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines | Should -Be "What if: Performing the operation ""Cancel scheduled deletion"" on target ""$name (Secrets Manager)""."
        (Get-SmSecretFromServer $name).DeletedDate | Should -Not -BeNullOrEmpty
    }

    It 'writes SecretNotFound for a missing name and goes on with the others' {
        $missing = New-TestName 'rt'
        $name = New-TestName 'rt'
        Set-Secret $name -Secret 'v' -Confirm:$false
        Remove-Secret $name -Force
        Restore-Secret $missing, $name -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'SecretNotFound'
        $err[0].TargetObject | Should -Be $missing
        (Get-SmSecretFromServer $name).DeletedDate | Should -BeNullOrEmpty
    }
}

Describe 'Restore-Secret on Parameter Store' {
    It 'writes OperationNotSupported: Parameter Store deletes are final' {
        $name = "/$(New-TestName 'rt')/p"
        Set-Secret "ssm:$name" -Secret 'v' -Confirm:$false
        Restore-Secret "ssm:$name" -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'OperationNotSupported'
        $err[0].TargetObject | Should -Be $name
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        Restore-Secret -Store ParameterStore "$name-deleted" -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err2
        Get-ErrorIds $err2 | Should -Be 'OperationNotSupported'
        (Get-SsmParameterFromServer -Name $name)[$name].Version | Should -Be 1
    }
}
