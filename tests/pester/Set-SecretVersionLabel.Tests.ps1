# Set-SecretVersionLabel and Remove-SecretVersionLabel against moto: label moves checked with the
# AWS CLI, AWSPREVIOUS following AWSCURRENT, Parameter Store's label rules refused before any call
# (ApiCallCounter), -WhatIf, and the value cache forgetting a name whose label moved.
#
# moto 5.2.1 moves the stages but keeps answering a GetSecretValue without a stage from the
# version that was current before; real AWS answers AWSCURRENT. So Secrets Manager values are read
# here by stage (-Label AWSCURRENT, VersionStage), which is what both mean.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    function Get-Calls([string] $Service, [string] $Operation) { [SecretsTools.Diagnostics.ApiCallCounter]::Get($Service, $Operation) }
    function Get-Total { [SecretsTools.Diagnostics.ApiCallCounter]::Total }
    function Reset-Calls { [SecretsTools.Diagnostics.ApiCallCounter]::Reset() }

    # A Secrets Manager secret with three versions; returns the VersionIds, oldest first.
    function New-SmSecret {
        $name = New-TestName 'sl'
        $ids = foreach ($i in 1..3) {
            (Invoke-AwsApi secretsmanager $(if ($i -eq 1) { 'CreateSecret' } else { 'PutSecretValue' }) $(if ($i -eq 1) { @{ Name = $name; SecretString = "v$i" } } else { @{ SecretId = $name; SecretString = "v$i" } })).VersionId
        }
        return [pscustomobject]@{ Name = $name; Ids = @($ids) }
    }
    function Get-SmStages([string] $Name) {
        # VersionId -> staging labels, from the AWS CLI.
        $stages = @{}
        foreach ($v in (Invoke-AwsCli secretsmanager list-secret-version-ids --secret-id $Name --include-deprecated).Versions) { $stages[$v.VersionId] = @($v.VersionStages) }
        return $stages
    }
    function New-Parameter([int] $Versions = 3) {
        $name = "/$(New-TestName 'sl')/p"
        foreach ($i in 1..$Versions) { $null = Invoke-AwsApi ssm PutParameter @{ Name = $name; Value = "p$i"; Type = 'SecureString'; Overwrite = $true } }
        return $name
    }
    function Get-PsLabels([string] $Name) {
        # Version number -> labels, from the AWS CLI.
        $labels = @{}
        foreach ($v in (Invoke-AwsCli ssm get-parameter-history --name $Name).Parameters) { $labels["$($v.Version)"] = @($v.Labels | Where-Object { $_ }) }
        return $labels
    }
}
AfterAll {
    Clear-SecretCache
    Complete-SecretsToolsTest
}

Describe 'Set-SecretVersionLabel on Secrets Manager' {
    It 'moves AWSCURRENT to an older version, given by its first 8 characters, and AWSPREVIOUS follows' {
        $s = New-SmSecret
        $out = Set-SecretVersionLabel $s.Name -Label AWSCURRENT -Version $s.Ids[0].Substring(0, 8) -PassThru -Confirm:$false
        $stages = Get-SmStages $s.Name
        $stages[$s.Ids[0]] | Should -Be @('AWSCURRENT')
        $stages[$s.Ids[2]] | Should -Be @('AWSPREVIOUS')
        $stages[$s.Ids[1]] | Should -BeNullOrEmpty
        # What -PassThru shows is what the server has.
        ($out | Where-Object IsCurrent).Version | Should -Be $s.Ids[0]
        ($out | Where-Object { $_.Labels -contains 'AWSPREVIOUS' }).Version | Should -Be $s.Ids[2]
        (Invoke-AwsApi secretsmanager GetSecretValue @{ SecretId = $s.Name; VersionStage = 'AWSCURRENT' }).SecretString | Should -Be 'v1'
    }

    It 'moves a label of its own from the version that held it, with one UpdateSecretVersionStage per label' {
        $s = New-SmSecret
        Set-SecretVersionLabel $s.Name -Label blue, green -Version $s.Ids[0] -Confirm:$false
        Reset-Calls
        Set-SecretVersionLabel $s.Name -Label blue -Version $s.Ids[1] -Confirm:$false
        Get-Calls 'SecretsManager' 'UpdateSecretVersionStage' | Should -Be 1
        $stages = Get-SmStages $s.Name
        $stages[$s.Ids[0]] | Should -Be @('green')
        $stages[$s.Ids[1]] | Should -Contain 'blue'
        # Already there: nothing to do, no update.
        Reset-Calls
        Set-SecretVersionLabel $s.Name -Label blue -Version $s.Ids[1] -Confirm:$false
        Get-Calls 'SecretsManager' 'UpdateSecretVersionStage' | Should -Be 0
    }

    It 'refuses a staging label longer than 256 characters before any call' {
        Reset-Calls
        Set-SecretVersionLabel (New-TestName 'sl') -Label ('x' * 257) -Version 0123456789abcdef0123456789abcdef -ErrorVariable failures -ErrorAction SilentlyContinue -Confirm:$false
        Get-ErrorIds $failures | Should -Be @('InvalidVersionLabel')
        Get-Total | Should -Be 0
    }
}

Describe 'Set-SecretVersionLabel on Parameter Store' {
    It 'puts labels on a version and moves one to another version' {
        $name = New-Parameter
        Set-SecretVersionLabel "ssm:$name" -Label stable, release-1 -Version 1 -Confirm:$false
        Set-SecretVersionLabel "ssm:$name" -Label stable -Version 3 -Confirm:$false
        $labels = Get-PsLabels $name
        $labels['1'] | Should -Be @('release-1')
        $labels['3'] | Should -Be @('stable')
        Get-Secret "ssm:$($name):stable" -AsPlainText | Should -Be 'p3'
    }

    It 'refuses the label <Label> (<Why>) with no call to AWS' -ForEach @(
        @{ Label = '1st'; Why = 'begins with a digit' }
        @{ Label = 'awsy'; Why = 'begins with aws' }
        @{ Label = 'SSM-label'; Why = 'begins with ssm, any case' }
        @{ Label = 'has space'; Why = 'a character it does not take' }
        @{ Label = 'a/b'; Why = 'a slash' }
        @{ Label = ('l' * 101); Why = 'over 100 characters' }
    ) {
        Reset-Calls
        Set-SecretVersionLabel "ssm:/$(New-TestName 'sl')/p" -Label $Label -Version 1 -ErrorVariable failures -ErrorAction SilentlyContinue -Confirm:$false
        Get-ErrorIds $failures | Should -Be @('InvalidVersionLabel')
        Get-Total | Should -Be 0
    }

    It 'refuses more than 10 labels at once with no call, and an 11th label on a version after one history call' {
        Reset-Calls
        Set-SecretVersionLabel "ssm:/$(New-TestName 'sl')/p" -Label (1..11 | ForEach-Object { "l$_" }) -Version 1 -ErrorVariable failures -ErrorAction SilentlyContinue -Confirm:$false
        Get-ErrorIds $failures | Should -Be @('VersionLabelLimitExceeded')
        Get-Total | Should -Be 0

        $name = New-Parameter -Versions 1
        $null = Invoke-AwsApi ssm LabelParameterVersion @{ Name = $name; ParameterVersion = 1; Labels = @(1..10 | ForEach-Object { "l$_" }) }
        Reset-Calls
        Set-SecretVersionLabel "ssm:$name" -Label eleventh -Version 1 -ErrorVariable failures -ErrorAction SilentlyContinue -Confirm:$false
        Get-ErrorIds $failures | Should -Be @('VersionLabelLimitExceeded')
        Get-Calls 'SSM' 'LabelParameterVersion' | Should -Be 0
        (Invoke-AwsApi ssm GetParameterHistory @{ Name = $name }).Parameters[0].Labels | Should -HaveCount 10
    }

    It 'refuses a version that is not a number with no call' {
        Reset-Calls
        Set-SecretVersionLabel "ssm:/$(New-TestName 'sl')/p" -Label stable -Version latest -ErrorVariable failures -ErrorAction SilentlyContinue -Confirm:$false
        Get-ErrorIds $failures | Should -Be @('InvalidSecretVersion')
        Get-Total | Should -Be 0
    }

    It 'names a version that does not exist' {
        $name = New-Parameter -Versions 1
        Set-SecretVersionLabel "ssm:$name" -Label stable -Version 9 -ErrorVariable failures -ErrorAction SilentlyContinue -Confirm:$false
        Get-ErrorIds $failures | Should -Be @('SecretVersionNotFound')
    }
}

Describe 'Remove-SecretVersionLabel' {
    It 'takes a label off a Secrets Manager version' {
        $s = New-SmSecret
        $null = Invoke-AwsApi secretsmanager UpdateSecretVersionStage @{ SecretId = $s.Name; VersionStage = 'AWSPENDING'; MoveToVersionId = $s.Ids[0] }
        Remove-SecretVersionLabel $s.Name -Label AWSPENDING -Confirm:$false
        (Get-SmStages $s.Name)[$s.Ids[0]] | Should -BeNullOrEmpty
    }

    It 'refuses to remove AWSCURRENT, before any call' {
        $s = New-SmSecret
        Reset-Calls
        Remove-SecretVersionLabel $s.Name -Label AWSCURRENT -ErrorVariable failures -ErrorAction SilentlyContinue -Confirm:$false
        Get-ErrorIds $failures | Should -Be @('CurrentLabelRequired')
        Get-Total | Should -Be 0
        $current = (Invoke-AwsApi secretsmanager DescribeSecret @{ SecretId = $s.Name }).VersionIdsToStages.($s.Ids[2])
        $current | Should -Contain 'AWSCURRENT'
    }

    It 'takes a Parameter Store label off; with -Version, only off that version' {
        $name = New-Parameter
        $null = Invoke-AwsApi ssm LabelParameterVersion @{ Name = $name; ParameterVersion = 2; Labels = @('stable', 'keep') }
        Remove-SecretVersionLabel "ssm:$name" -Label stable -Version 1 -ErrorVariable failures -ErrorAction SilentlyContinue -Confirm:$false
        Get-ErrorIds $failures | Should -Be @('VersionLabelNotFound')
        $out = Remove-SecretVersionLabel "ssm:$name" -Label stable -Version 2 -PassThru -Confirm:$false
        (Get-PsLabels $name)['2'] | Should -Be @('keep')
        ($out | Where-Object Version -EQ '2').Labels | Should -Be @('keep')
    }

    It 'says when no version has the label' {
        $name = New-Parameter -Versions 1
        Remove-SecretVersionLabel "ssm:$name" -Label nowhere -ErrorVariable failures -ErrorAction SilentlyContinue -Confirm:$false
        Get-ErrorIds $failures | Should -Be @('VersionLabelNotFound')
    }
}

Describe '-WhatIf' {
    It 'moves and removes nothing on either store' {
        $s = New-SmSecret
        $name = New-Parameter
        $null = Invoke-AwsApi ssm LabelParameterVersion @{ Name = $name; ParameterVersion = 1; Labels = @('stable') }
        Reset-Calls
        Set-SecretVersionLabel $s.Name -Label AWSCURRENT -Version $s.Ids[0] -WhatIf
        Set-SecretVersionLabel "ssm:$name" -Label stable -Version 3 -WhatIf
        Remove-SecretVersionLabel "ssm:$name" -Label stable -WhatIf
        Get-Calls 'SecretsManager' 'UpdateSecretVersionStage' | Should -Be 0
        Get-Calls 'SSM' 'LabelParameterVersion' | Should -Be 0
        Get-Calls 'SSM' 'UnlabelParameterVersion' | Should -Be 0
        (Invoke-AwsApi secretsmanager DescribeSecret @{ SecretId = $s.Name }).VersionIdsToStages.($s.Ids[2]) | Should -Contain 'AWSCURRENT'
        ((Invoke-AwsApi ssm GetParameterHistory @{ Name = $name }).Parameters | Where-Object Version -EQ 1).Labels | Should -Be @('stable')
    }
}

Describe 'The value cache after a label move' {
    BeforeEach { Clear-SecretCache }

    It 'forgets a name whose label moved (<Store>)' -ForEach @(
        @{ Store = 'ParameterStore' }
        @{ Store = 'SecretsManager' }
    ) {
        if ($Store -eq 'ParameterStore') {
            $name = "ssm:$(New-Parameter)"
            Set-SecretVersionLabel $name -Label stable -Version 1 -Confirm:$false
            $label = 'stable'; $to = '3'; $before = 'p1'; $after = 'p3'
        }
        else {
            $s = New-SmSecret
            $name = $s.Name
            $label = 'AWSCURRENT'; $to = $s.Ids[0]; $before = 'v3'; $after = 'v1'
        }
        Get-Secret $name -Label $label -CacheTtl 00:10:00 -AsPlainText | Should -Be $before
        Reset-Calls
        Get-Secret $name -Label $label -CacheTtl 00:10:00 -AsPlainText | Should -Be $before
        Get-Total | Should -Be 0 -Because 'the second read is served from the cache'
        Set-SecretVersionLabel $name -Label $label -Version $to -Confirm:$false
        Get-Secret $name -Label $label -CacheTtl 00:10:00 -AsPlainText | Should -Be $after
    }
}
