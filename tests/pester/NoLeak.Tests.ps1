# A secret value never appears in any stream, message or view, except in the output a user asked for
# with -AsPlainText.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest

    $script:Sentinel = "SENTINEL-$([guid]::NewGuid().ToString('N'))"
    $script:Stem = New-TestName 'nl'
    $script:PsName = "/$Stem/plain"
    $script:PsJson = "/$Stem/json"
    $script:SmName = "$Stem-plain"
    $script:SmJson = "$Stem-json"

    function Invoke-Captured {
        # Runs a command with every stream on and merged into one list, a terminating error included.
        param([Parameter(Mandatory)] [scriptblock] $Command)
        $InformationPreference = 'Continue'
        $ProgressPreference = 'Continue'
        $VerbosePreference = 'Continue'
        $DebugPreference = 'Continue'
        $WarningPreference = 'Continue'
        $ConfirmPreference = 'None'
        # -Debug turns a cmdlet's error and warning actions into Inquire unless they are given; in a
        # -NonInteractive host (build.ps1 runs Pester in one) that prompt ends the command instead.
        $PSDefaultParameterValues = @{ '*:ErrorAction' = 'Continue'; '*:WarningAction' = 'Continue' }
        $records = [System.Collections.Generic.List[object]]::new()
        try { foreach ($r in (& $Command *>&1)) { $records.Add($r) } }
        catch { $records.Add($_) }
        return , $records
    }

    function ConvertTo-CapturedText {
        # Everything a record shows or carries as text: messages, error details and inner exceptions,
        # the formatted view and, for objects, their properties.
        param($Record)
        switch ($Record) {
            { $_ -is [System.Management.Automation.ErrorRecord] } {
                $_ | Out-String
                $_.Exception.ToString()
                "$($_.ErrorDetails)"
                "$($_.TargetObject)"
                $_.CategoryInfo.ToString()
                $_.FullyQualifiedErrorId
                break
            }
            { $_ -is [System.Management.Automation.InformationalRecord] } { $_.Message; break }
            { $_ -is [System.Management.Automation.InformationRecord] } { "$($_.MessageData)"; break }
            { $_ -is [System.Management.Automation.ProgressRecord] } { $_.Activity; $_.StatusDescription; $_.CurrentOperation; break }
            default {
                $_ | Out-String
                $_ | Format-List * | Out-String
                try { $_ | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue } catch { }
            }
        }
    }

    function Assert-NoSentinel {
        # No record contains the sentinel, apart from plain-text output objects equal to it (their
        # number must be exactly -AllowedPlainText).
        param($Records, [int] $AllowedPlainText = 0, [switch] $ExpectError)
        $plain = @($Records | Where-Object { $_ -is [string] -and $_ -ceq $Sentinel })
        $plain.Count | Should -Be $AllowedPlainText
        foreach ($r in $Records) {
            if ($r -is [string] -and $r -ceq $Sentinel) { continue }
            $text = (ConvertTo-CapturedText $r) -join "`n"
            $text | Should -Not -Match $Sentinel -Because "a $($r.GetType().Name) must not show the value"
        }
        if ($ExpectError) { @($Records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -Not -BeNullOrEmpty }
        # Commands that got as far as AWS wrote verbose output; it must have been captured, or the
        # check above would prove nothing. (Input refused before any call writes only its error.)
        else { @($Records | Where-Object { $_ -is [System.Management.Automation.InformationalRecord] }) | Should -Not -BeNullOrEmpty }
    }

    $setup = Invoke-Captured {
        Set-Secret "ssm:$PsName" -Secret $Sentinel -Verbose -Debug -Confirm:$false
        Set-Secret "ssm:$PsJson" -Secret @{ username = 'leak-user'; password = $Sentinel } -Verbose -Debug -Confirm:$false
        Set-Secret $SmName -Secret $Sentinel -Verbose -Debug -Confirm:$false
        Set-Secret $SmJson -Secret @{ username = 'leak-user'; password = $Sentinel } -Verbose -Debug -Confirm:$false
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'No secret value leaks' {
    It 'Set-Secret creating secrets in both stores' {
        Assert-NoSentinel $setup
        # ...and they really hold the sentinel, or nothing below would mean anything.
        (Get-SsmParameterFromServer -Name $PsName)[$PsName].Value | Should -BeExactly $Sentinel
        (Get-SmValueFromServer $SmName).SecretString | Should -BeExactly $Sentinel
    }

    It 'Set-Secret overwriting, with -PassThru, -Description and -Tag' {
        $records = Invoke-Captured {
            Set-Secret "ssm:$PsName" -Secret $Sentinel -Description 'd' -Tag @{ t = '1' } -PassThru -Verbose -Debug -Confirm:$false
            Set-Secret $SmName -Secret $Sentinel -Description 'd' -Tag @{ t = '1' } -PassThru -Verbose -Debug -Confirm:$false
            Set-Secret "ssm:$PsName" -SecureStringSecret (ConvertTo-SecureString $Sentinel -AsPlainText -Force) -PassThru -Verbose -Debug -Confirm:$false
            # A name like an ARN suffix draws a warning (-Debug would otherwise make it prompt).
            Set-Secret "$Stem-Ab12Cd" -Secret $Sentinel -PassThru -Verbose -Debug -WarningAction Continue -Confirm:$false
        }
        @($records | Where-Object { $_ -is [SecretsTools.Model.SecretInfo] }).Count | Should -Be 4
        @($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -Be 1
        Assert-NoSentinel $records
    }

    It 'Get-Secret returning SecureString, PSCredential and -Key output' {
        $records = Invoke-Captured {
            Get-Secret "ssm:$PsName", $SmName -Verbose -Debug
            Get-Secret "ssm:$PsJson", $SmJson -AsCredential -Verbose -Debug
            Get-Secret "ssm:$PsJson", $SmJson -Key password -Verbose -Debug
            Get-Secret "ssm:$PsName" -Version 1 -Verbose -Debug
        }
        @($records | Where-Object { $_ -is [securestring] }).Count | Should -Be 5
        @($records | Where-Object { $_ -is [pscredential] }).Count | Should -Be 2
        Assert-NoSentinel $records
    }

    It 'Get-Secret -AsPlainText shows it only in the output object' {
        $records = Invoke-Captured {
            Get-Secret "ssm:$PsName", $SmName -AsPlainText -Verbose -Debug
            Get-Secret "ssm:$PsJson#password", "$SmJson#password" -AsPlainText -Verbose -Debug
        }
        Assert-NoSentinel $records -AllowedPlainText 4
    }

    It 'error messages: <Case>' -ForEach @(
        @{ Case = 'SecretAlreadyExists (-NoClobber)'; Id = 'SecretAlreadyExists'; Command = { Set-Secret "ssm:$PsName" -Secret $Sentinel -NoClobber -Verbose -Debug -Confirm:$false; Set-Secret $SmName -Secret $Sentinel -NoClobber -Verbose -Debug -Confirm:$false } }
        @{ Case = 'SecretKeyNotFound (-Key on a missing field)'; Id = 'SecretKeyNotFound'; Command = { Get-Secret "ssm:$PsJson", $SmJson -Key nosuchfield -AsPlainText -Verbose -Debug } }
        @{ Case = 'SecretNotJson'; Id = 'SecretNotJson'; Command = { Get-Secret "ssm:$PsName", $SmName -Key password -AsPlainText -Verbose -Debug; Get-Secret $SmName -AsHashtable -Verbose -Debug } }
        @{ Case = 'SecretNotCredential'; Id = 'SecretNotCredential'; Command = { Set-Secret "$SmJson-nocreds" -Secret @{ password = $Sentinel } -Verbose -Debug -Confirm:$false; Get-Secret "$SmJson-nocreds" -AsCredential -Verbose -Debug } }
        @{ Case = 'SecretValueTooLarge'; Id = 'SecretValueTooLarge'; Command = { Set-Secret "ssm:$PsName" -Secret ($Sentinel * 200) -Verbose -Debug -Confirm:$false; Set-Secret $SmName -Secret ($Sentinel * 2000) -Verbose -Debug -Confirm:$false } }
        @{ Case = 'UnsupportedSecretType (StringList item with a comma)'; Id = 'UnsupportedSecretType'; Command = { Set-Secret "ssm:$PsName" -Secret @("$Sentinel,x", 'y') -Verbose -Debug -Confirm:$false; Set-Secret $SmName -Secret @($Sentinel, 'y') -Verbose -Debug -Confirm:$false } }
        @{ Case = 'InvalidSecretName'; Id = 'InvalidSecretName'; Command = { Set-Secret "ssm:/$Stem/bad name" -Secret $Sentinel -Verbose -Debug -Confirm:$false; Set-Secret "$Stem bad" -Secret $Sentinel -Verbose -Debug -Confirm:$false } }
    ) {
        $records = Invoke-Captured $Command
        $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | Should -Not -BeNullOrEmpty
        Get-ErrorIds $errors | Select-Object -Unique | Should -Be $Id
        Assert-NoSentinel $records -ExpectError
    }

    It 'SecretScheduledForDeletion, Remove-Secret and Restore-Secret' {
        $name = "$Stem-deleted"
        $records = Invoke-Captured {
            Set-Secret $name -Secret $Sentinel -Verbose -Debug -Confirm:$false
            Remove-Secret $name -Force -Verbose -Debug
            Get-Secret $name -AsPlainText -Verbose -Debug
            Set-Secret $name -Secret $Sentinel -Verbose -Debug -Confirm:$false
            Restore-Secret $name -PassThru -Verbose -Debug -Confirm:$false
        }
        Get-ErrorIds @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) |
            Should -Be @('SecretScheduledForDeletion', 'SecretScheduledForDeletion')
        Assert-NoSentinel $records -ExpectError
    }

    It 'Get-SecretInfo objects and their table and list views' {
        $records = Invoke-Captured {
            Get-SecretInfo -Store ParameterStore -Path "/$Stem" -Recurse -Verbose -Debug
            Get-SecretInfo "$Stem*" -IncludeDeleted -Verbose -Debug
        }
        $infos = @($records | Where-Object { $_ -is [SecretsTools.Model.SecretInfo] })
        $infos.Count | Should -BeGreaterOrEqual 4
        Assert-NoSentinel $records
        $views = @(
            $infos | Format-Table | Out-String -Width 500
            $infos | Format-List | Out-String -Width 500
            $infos | Format-List * | Out-String -Width 500
            $infos | Format-Table * | Out-String -Width 2000
            $infos | Out-String -Width 500
            $infos | ConvertTo-Json -Depth 5
            $infos | ConvertTo-Csv
        ) -join "`n"
        $views | Should -Match ([regex]::Escape($PsName))
        $views | Should -Not -Match $Sentinel
    }

    It 'Set-SecretInfo, which writes a Parameter Store value back to change its description' {
        $records = Invoke-Captured {
            Set-SecretInfo "ssm:$PsName", $SmName -Description 'changed' -Tag @{ x = 'y' } -PassThru -Verbose -Debug -Confirm:$false
            Set-SecretInfo "ssm:$PsName" -RemoveTag x -PassThru -Verbose -Debug -Confirm:$false
        }
        @($records | Where-Object { $_ -is [SecretsTools.Model.SecretInfo] }).Count | Should -Be 3
        Assert-NoSentinel $records
        (Get-SsmParameterFromServer -Name $PsName)[$PsName].Value | Should -BeExactly $Sentinel
    }

    It 'host output such as -WhatIf messages' {
        $run = Invoke-WithCapturedHost -Parameters @{ PsName = $PsName; SmName = $SmName; Sentinel = $Sentinel } {
            param($PsName, $SmName, $Sentinel)
            Set-Secret "ssm:$PsName" -Secret $Sentinel -WhatIf -Verbose
            Set-Secret $SmName -Secret $Sentinel -WhatIf -Verbose
            Remove-Secret "ssm:$PsName", $SmName -WhatIf -Verbose
        }
        @($run.HostLines -match '^What if: ').Count | Should -Be 4
        $text = (@($run.HostLines) + @($run.Streams | ForEach-Object { "$_" }) + @($run.Errors | ForEach-Object { "$_" })) -join "`n"
        $text | Should -Not -Match $Sentinel
    }

    It 'New-SecretPassword shows the password only in its output' {
        $records = Invoke-Captured { New-SecretPassword -AsPlainText -Length 40 -Verbose -Debug; New-SecretPassword -UseService -AsPlainText -Verbose -Debug }
        $passwords = @($records | Where-Object { $_ -is [string] })
        $passwords.Count | Should -Be 2
        foreach ($r in @($records | Where-Object { $_ -isnot [string] })) {
            $text = (ConvertTo-CapturedText $r) -join "`n"
            foreach ($p in $passwords) { $text.Contains($p) | Should -BeFalse }
        }
    }

    It 'Remove-Secret in both stores' {
        $records = Invoke-Captured {
            Remove-Secret "ssm:$PsName", "ssm:$PsJson", $SmName, $SmJson, "$SmJson-nocreds", "$Stem-Ab12Cd" -Force -Verbose -Debug
        }
        Assert-NoSentinel $records
        (Get-SsmParameterFromServer -Name $PsName, $PsJson).Count | Should -Be 0
    }
}
