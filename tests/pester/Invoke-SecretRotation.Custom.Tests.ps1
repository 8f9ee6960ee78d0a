# Custom rotation (no Lambda) against moto, end states checked with the AWS CLI: Secrets Manager's
# four steps (AWSPENDING stored, set, test, AWSCURRENT moved, AWSPENDING removed), Parameter Store's
# new version with a previous label, failures that undo, a process killed between steps and then
# -Resume or -Abandon, generated passwords, the pipeline, -WhatIf, and no leaks.
# moto's RotateSecret is not used: it needs a Lambda it cannot run. moto's GetSecretValue without
# a stage also keeps returning the old version after UpdateSecretVersionStage (AWS returns
# AWSCURRENT), so values are read here by stage.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    function Get-Stages([string] $Name) {
        # VersionId -> stages, from the AWS CLI.
        $map = @{}
        foreach ($v in (Invoke-AwsCli secretsmanager list-secret-version-ids --secret-id $Name).Versions) { if ($v.VersionStages) { $map[$v.VersionId] = @($v.VersionStages) } }
        return $map
    }
    function Get-ByStage([string] $Name, [string] $Stage) { (Invoke-AwsCli secretsmanager get-secret-value --secret-id $Name --version-stage $Stage).SecretString }
    function Get-VersionOf([string] $Name, [string] $Stage) { (Get-Stages $Name).GetEnumerator() | Where-Object { $_.Value -contains $Stage } | ForEach-Object Key }
    function Get-History([string] $Name) { (Invoke-AwsCli ssm get-parameter-history --name $Name --with-decryption).Parameters }
    function Stop-MidRotation([string] $Reference) {
        # A rotation whose process dies in -SetScript, after the new value was stored: what a
        # killed runbook leaves.
        $script = "Import-Module '$((Get-Module SecretsTools).Path)'; Invoke-SecretRotation '$Reference' -ScriptBlock { 'new-after-crash' } -SetScript { [Environment]::Exit(3) } -Confirm:`$false"
        $child = Invoke-ChildPwsh -Arguments '-Command', $script
        $child.ExitCode | Should -Be 3
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Custom rotation on Secrets Manager' {
    It 'ends with AWSCURRENT on the new value, AWSPREVIOUS on the old one and no AWSPENDING' {
        $name = New-TestName 'rot'
        Set-Secret $name -Secret 'old-value' -Confirm:$false
        $before = Get-VersionOf $name 'AWSCURRENT'
        $result = Invoke-SecretRotation $name -ScriptBlock { param($Current) 'new-value' } -Confirm:$false
        $result.Status | Should -Be 'Rotated'
        $result.Method | Should -Be 'Custom'
        $result.PreviousVersion | Should -Be $before
        $stages = Get-Stages $name
        $stages[$result.VersionId] | Should -Be @('AWSCURRENT')
        $stages[$before] | Should -Be @('AWSPREVIOUS')
        ($stages.Values | ForEach-Object { $_ }) | Should -Not -Contain 'AWSPENDING'
        Get-ByStage $name AWSCURRENT | Should -Be 'new-value'
        Get-ByStage $name AWSPREVIOUS | Should -Be 'old-value'
    }

    It 'gives -ScriptBlock, -SetScript and -TestScript the values, as SecureString unless -AsPlainText' {
        $name = New-TestName 'rot'
        Set-Secret $name -Secret '{"user":"u","password":"p1"}' -Confirm:$false
        $script:seen = @{}
        $null = Invoke-SecretRotation $name -Confirm:$false -ScriptBlock { param($Current) $script:seen.CreateType = $Current.GetType().Name; '{"user":"u","password":"p2"}' } `
            -SetScript { param($Pending, $Current) $script:seen.SetType = $Pending.GetType().Name }
        $seen.CreateType | Should -Be 'SecureString'
        $seen.SetType | Should -Be 'SecureString'
        $null = Invoke-SecretRotation $name -AsPlainText -Confirm:$false -ScriptBlock { param($Current) $script:seen.Current = $Current; '{"user":"u","password":"p3"}' } `
            -SetScript { param($Pending, $Current) $script:seen.Set = "$Pending|$Current" } -TestScript { param($Pending) $script:seen.Test = $Pending; $true }
        $seen.Current | Should -Be '{"user":"u","password":"p2"}'
        $seen.Set | Should -Be '{"user":"u","password":"p3"}|{"user":"u","password":"p2"}'
        $seen.Test | Should -Be '{"user":"u","password":"p3"}'
        (Get-ByStage $name AWSCURRENT | ConvertFrom-Json).password | Should -Be 'p3'
    }

    It 'a failing <Step> leaves AWSCURRENT where it was and removes AWSPENDING' -ForEach @(
        @{ Step = '-SetScript'; Id = 'RotationSetFailed'; Set = { throw 'cannot reach the database' }; Test = $null }
        @{ Step = '-TestScript (throws)'; Id = 'RotationTestFailed'; Set = $null; Test = { throw 'login failed' } }
        @{ Step = '-TestScript (returns $false)'; Id = 'RotationTestFailed'; Set = $null; Test = { $false } }
    ) {
        $name = New-TestName 'rot'
        Set-Secret $name -Secret 'stays' -Confirm:$false
        $before = Get-VersionOf $name 'AWSCURRENT'
        $parameters = @{ ScriptBlock = { 'never-current' }; Confirm = $false; ErrorAction = 'SilentlyContinue'; ErrorVariable = 'failed' }
        if ($Set) { $parameters.SetScript = $Set }
        if ($Test) { $parameters.TestScript = $Test }
        Invoke-SecretRotation $name @parameters | Should -BeNullOrEmpty
        Get-ErrorIds $failed | Should -Be $Id
        $failed[0].Exception.Message | Should -Match 'AWSPENDING was removed'
        Get-VersionOf $name 'AWSCURRENT' | Should -Be $before
        Get-ByStage $name AWSCURRENT | Should -Be 'stays'
        ((Get-Stages $name).Values | ForEach-Object { $_ }) | Should -Not -Contain 'AWSPENDING'
    }

    It 'detects a rotation left half done by a killed process, refuses to start another, and -Resume finishes it' {
        $name = New-TestName 'rot'
        Set-Secret $name -Secret 'before-crash' -Confirm:$false
        $before = Get-VersionOf $name 'AWSCURRENT'
        Stop-MidRotation "sm:$name"
        $pending = Get-VersionOf $name 'AWSPENDING'
        $pending | Should -Not -BeNullOrEmpty
        $pending | Should -Not -Be $before
        Invoke-SecretRotation $name -ScriptBlock { 'other' } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        Get-ErrorIds $refused | Should -Be 'RotationInProgress'
        $refused[0].Exception.Message | Should -Match '-Resume'
        $script:resumedWith = $null
        $result = Invoke-SecretRotation $name -Resume -AsPlainText -SetScript { param($Pending) $script:resumedWith = $Pending } -Confirm:$false
        $result.Status | Should -Be 'Resumed'
        $resumedWith | Should -Be 'new-after-crash'
        Get-VersionOf $name 'AWSCURRENT' | Should -Be $pending
        Get-VersionOf $name 'AWSPREVIOUS' | Should -Be $before
        Get-ByStage $name AWSCURRENT | Should -Be 'new-after-crash'
        ((Get-Stages $name).Values | ForEach-Object { $_ }) | Should -Not -Contain 'AWSPENDING'
    }

    It '-Abandon drops a half-done rotation; -Resume and -Abandon without one are errors' {
        $name = New-TestName 'rot'
        Set-Secret $name -Secret 'keep-me' -Confirm:$false
        $before = Get-VersionOf $name 'AWSCURRENT'
        Stop-MidRotation "sm:$name"
        (Invoke-SecretRotation $name -Abandon -Confirm:$false).Status | Should -Be 'Abandoned'
        Get-VersionOf $name 'AWSCURRENT' | Should -Be $before
        ((Get-Stages $name).Values | ForEach-Object { $_ }) | Should -Not -Contain 'AWSPENDING'
        Invoke-SecretRotation $name -Abandon -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable none | Should -BeNullOrEmpty
        Get-ErrorIds $none | Should -Be 'RotationNotInProgress'
        Invoke-SecretRotation $name -Resume -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable none2 | Should -BeNullOrEmpty
        Get-ErrorIds $none2 | Should -Be 'RotationNotInProgress'
    }

    It '-GeneratePassword replaces one key of a JSON secret and keeps the others' {
        $name = New-TestName 'rot'
        Set-Secret $name -Secret '{"username":"app","password":"old-pw","host":"db"}' -Confirm:$false
        $null = Invoke-SecretRotation $name -GeneratePassword -Length 40 -ExcludePunctuation -Confirm:$false
        $value = Get-ByStage $name AWSCURRENT | ConvertFrom-Json
        $value.username | Should -Be 'app'
        $value.host | Should -Be 'db'
        $value.password | Should -Not -Be 'old-pw'
        $value.password.Length | Should -Be 40
        $value.password | Should -Match '^[A-Za-z0-9]+$'
        Invoke-SecretRotation $name -GeneratePassword -PasswordKey nokey -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable missing | Should -BeNullOrEmpty
        Get-ErrorIds $missing | Should -Be 'SecretKeyNotFound'
    }

    It 'rotates every piped secret, one result each, and -WhatIf changes nothing' {
        $team = New-TestName 'team'
        $names = 1..3 | ForEach-Object { New-TestName 'rotp' }
        foreach ($n in $names) { Set-Secret $n -Secret '{"password":"x"}' -Tag @{ team = $team } -Confirm:$false }
        $before = @{}; foreach ($n in $names) { $before[$n] = Get-VersionOf $n 'AWSCURRENT' }
        $null = Get-SecretInfo -Tag @{ team = $team } | Invoke-SecretRotation -GeneratePassword -WhatIf
        foreach ($n in $names) { Get-VersionOf $n 'AWSCURRENT' | Should -Be $before[$n] }
        $results = Get-SecretInfo -Tag @{ team = $team } | Invoke-SecretRotation -GeneratePassword -Confirm:$false
        @($results).Count | Should -Be 3
        @($results | Where-Object Status -EQ 'Rotated').Count | Should -Be 3
        foreach ($n in $names) { Get-VersionOf $n 'AWSCURRENT' | Should -Not -Be $before[$n] }
    }

    It 'refuses a -ScriptBlock that returns the current value or nothing, changing nothing' {
        $name = New-TestName 'rot'
        Set-Secret $name -Secret 'same' -Confirm:$false
        Invoke-SecretRotation $name -AsPlainText -ScriptBlock { param($c) $c } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e1
        Invoke-SecretRotation $name -ScriptBlock { } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e2
        Get-ErrorIds ($e1 + $e2) | Should -Be @('RotationValueInvalid', 'RotationValueInvalid')
        @((Get-Stages $name).Keys).Count | Should -Be 1
    }
}

Describe 'Custom rotation on Parameter Store' {
    It 'writes a new version and labels the one it replaced previous, with no pending label left' {
        $name = "/$(New-TestName 'rot')"
        Set-Secret "ssm:$name" -Secret 'ps-old' -Confirm:$false
        $result = Invoke-SecretRotation "ssm:$name" -ScriptBlock { 'ps-new' } -Confirm:$false
        $result.Status | Should -Be 'Rotated'
        $result.PreviousVersion | Should -Be '1'
        $result.VersionId | Should -Be '2'
        $history = Get-History $name
        ($history | Where-Object Version -EQ 2).Value | Should -Be 'ps-new'
        ($history | Where-Object Version -EQ 1).Labels | Should -Be @('previous')
        ($history | ForEach-Object { $_.Labels }) | Should -Not -Contain 'rotation-pending'
        (Invoke-SecretRotation "ssm:$name" -ScriptBlock { 'ps-newer' } -PreviousLabel last-good -Confirm:$false).VersionId | Should -Be '3'
        ((Get-History $name) | Where-Object Version -EQ 2).Labels | Should -Be @('last-good')
    }

    It 'a failing -TestScript writes the old value back as a new version' {
        $name = "/$(New-TestName 'rot')"
        Set-Secret "ssm:$name" -Secret 'ps-keep' -Confirm:$false
        Invoke-SecretRotation "ssm:$name" -ScriptBlock { 'ps-bad' } -TestScript { $false } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed
        Get-ErrorIds $failed | Should -Be 'RotationTestFailed'
        (Get-SsmParameterFromServer -Name $name)[$name].Value | Should -Be 'ps-keep'
        ((Get-History $name) | ForEach-Object { $_.Labels }) | Should -Not -Contain 'rotation-pending'
    }

    It 'a killed rotation is refused, then -Resume finishes it; another is dropped with -Abandon' {
        $name = "/$(New-TestName 'rot')"
        Set-Secret "ssm:$name" -Secret 'ps-before' -Confirm:$false
        Stop-MidRotation "ssm:$name"
        ((Get-History $name) | Where-Object Version -EQ 2).Labels | Should -Contain 'rotation-pending'
        Invoke-SecretRotation "ssm:$name" -ScriptBlock { 'x' } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        Get-ErrorIds $refused | Should -Be 'RotationInProgress'
        (Invoke-SecretRotation "ssm:$name" -Resume -Confirm:$false).Status | Should -Be 'Resumed'
        (Get-SsmParameterFromServer -Name $name)[$name].Value | Should -Be 'new-after-crash'
        ((Get-History $name) | ForEach-Object { $_.Labels }) | Should -Not -Contain 'rotation-pending'

        $other = "/$(New-TestName 'rot')"
        Set-Secret "ssm:$other" -Secret 'ps-restore-me' -Confirm:$false
        Stop-MidRotation "ssm:$other"
        (Invoke-SecretRotation "ssm:$other" -Abandon -Confirm:$false).Status | Should -Be 'Abandoned'
        (Get-SsmParameterFromServer -Name $other)[$other].Value | Should -Be 'ps-restore-me'
        ((Get-History $other) | ForEach-Object { $_.Labels }) | Should -Not -Contain 'rotation-pending'
    }
}

Describe 'Custom rotation never shows values' {
    It 'keeps the old and new values out of verbose, debug, information and error records' {
        $old = "SENTINEL-OLD-$([guid]::NewGuid().ToString('N'))"
        $new = "SENTINEL-NEW-$([guid]::NewGuid().ToString('N'))"
        $name = New-TestName 'rotleak'
        Set-Secret $name -Secret "{`"password`":`"$old`"}" -Confirm:$false
        $records = & {
            Invoke-SecretRotation $name -ScriptBlock { "{`"password`":`"$new`"}" }.GetNewClosure() -Confirm:$false -Verbose -Debug -InformationAction Continue
            Invoke-SecretRotation $name -GeneratePassword -TestScript { $false } -Confirm:$false -Verbose -ErrorAction SilentlyContinue -ErrorVariable e
            $e
        } *>&1
        @($records).Count | Should -BeGreaterThan 1
        $text = $records | Out-String
        $text | Should -Not -Match $old
        $text | Should -Not -Match $new
    }
}
