# The formatted views of SecretInfo (module/SecretsTools.format.ps1xml): readable in an
# 80-column terminal, one date format (ISO 8601, local time), nothing blank that can be known.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:IsoDate = '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d'

    $script:Stem = New-TestName 'vw'
    # Names of a typical length: 30 characters.
    $script:SmName = "$Stem/payments/api-key1"
    $script:PsName = "/$Stem/app/database-url"
    Set-Secret $SmName -Secret 'v1' -Description 'Partner API key' -Tag @{ team = 'payments' } -Confirm:$false
    Set-Secret $SmName -Secret 'v2' -Confirm:$false
    Set-Secret "ssm:$PsName" -Secret 'v' -Type String -Description 'Database URL' -Tag @{ team = 'payments' } -Confirm:$false
    $script:Sm = Get-SecretInfo $SmName
    $script:Ps = Get-SecretInfo "ssm:$PsName"

    function Get-ListItem {
        # The value shown for a label in list-view lines (labels are padded to the longest shown).
        param([string[]] $Lines, [string] $Label)
        $Lines | Where-Object { $_ -match "^$Label\s*: " } | ForEach-Object { $_ -replace "^$Label\s*: ", '' }
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'The SecretInfo table' {
    BeforeAll {
        $script:Lines = $Sm, $Ps | Get-ViewLines
        $script:SmRow = $Lines | Where-Object { $_.StartsWith($SmName + ' ') }
        $script:PsRow = $Lines | Where-Object { $_.StartsWith($PsName + ' ') }
    }

    It 'fits 80 columns without cutting or wrapping anything' {
        $Lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because $_ }
        $Lines -join "`n" | Should -Not -Match '…'
        $SmRow | Should -HaveCount 1
        $PsRow | Should -HaveCount 1
    }

    It 'heads each store''s rows with the store and Region instead of a column' {
        $Lines | Should -Contain '   Store: SecretsManager (us-east-1)'
        $Lines | Should -Contain '   Store: ParameterStore (us-east-1)'
        ($Lines | Where-Object { $_ -match '^Name\s' } | Select-Object -First 1) -split '\s+' | Should -Be @('Name', 'Type', 'Version', 'LastModified')
    }

    It 'shows a Secrets Manager version id as its first 8 characters, a Parameter Store version as it is' {
        $Sm.Version.Length | Should -BeGreaterThan 8
        ($SmRow -split '\s+')[2] | Should -BeExactly $Sm.Version.Substring(0, 8)
        ($PsRow -split '\s+')[2] | Should -BeExactly $Ps.Version
    }

    It 'shows versions in a form -Version accepts' {
        Get-Secret $SmName -Version ($SmRow -split '\s+')[2] -AsPlainText | Should -Be 'v2'
        Get-Secret "ssm:$PsName" -Version ($PsRow -split '\s+')[2] -AsPlainText | Should -Be 'v'
    }

    It 'shows the Type, Unknown where Secrets Manager does not say' {
        ($SmRow -split '\s+')[1] | Should -BeExactly 'Unknown'
        ($PsRow -split '\s+')[1] | Should -BeExactly 'String'
    }

    It 'shows LastModified in ISO 8601, local time' {
        ($SmRow -split '\s+')[3] | Should -BeExactly $Sm.LastModified.ToLocalTime().ToString('s')
        ($PsRow -split '\s+')[3] | Should -Match "^$IsoDate$"
    }
}

Describe 'The SecretInfo list' {
    It 'shows the whole version id, the tags and the description' {
        $lines = $Sm | Get-ViewLines -View List
        Get-ListItem $lines Version | Should -BeExactly $Sm.Version
        Get-ListItem $lines Tags | Should -BeExactly 'team=payments'
        Get-ListItem $lines Description | Should -BeExactly 'Partner API key'
        Get-ListItem $lines Type | Should -BeExactly 'Unknown'
    }

    It 'shows the tags a Parameter Store -Tag filter matched' {
        $lines = Get-SecretInfo -Store ParameterStore -Path "/$Stem" -Recurse -Tag @{ team = 'payments' } | Get-ViewLines -View List
        Get-ListItem $lines Name | Should -BeExactly $PsName
        Get-ListItem $lines Tags | Should -BeExactly 'team=payments'
    }

    It 'shows every date in ISO 8601, local time, and leaves out what the secret does not have' {
        $name = New-TestName 'vw'
        Set-Secret $name -Secret 'v' -Confirm:$false
        Remove-Secret $name -Force
        $deleted = Get-SecretInfo "$name*" -IncludeDeleted
        $lines = $deleted | Get-ViewLines -View List
        $dates = @{ LastModified = $deleted.LastModified; CreatedDate = $deleted.CreatedDate; DeletedDate = $deleted.DeletedDate }
        foreach ($member in $dates.Keys) {
            Get-ListItem $lines $member | Should -BeExactly $dates[$member].ToLocalTime().ToString('s')
        }
        # No other date format anywhere, and no empty member of the other store.
        $lines | Where-Object { $_ -match '\d+/\d+/\d{4}|\d\d:\d\d:\d\d' -and $_ -notmatch "^\w+\s*: $IsoDate$" } | Should -BeNullOrEmpty
        $lines | Where-Object { $_ -match '^(Tier|KmsKeyId|LastRotated|NextRotation|ReplicaRegions)\s' } | Should -BeNullOrEmpty

        $psLines = $Ps | Get-ViewLines -View List
        Get-ListItem $psLines LastModified | Should -BeExactly $Ps.LastModified.ToLocalTime().ToString('s')
        Get-ListItem $psLines Tier | Should -BeExactly 'Standard'
        $psLines | Where-Object { $_ -match '^(Arn|CreatedDate|DeletedDate|RotationEnabled)\s' } | Should -BeNullOrEmpty
    }
}

Describe 'The views in a session whose output goes to a file' {
    It 'are plain text with NO_COLOR (as the README says) and show dates in that session''s time zone' {
        $module = Join-Path $RepoRoot 'out/SecretsTools/SecretsTools.psd1'
        $command = "Import-Module '$module'; Get-SecretInfo '$SmName' | Format-Table; Get-SecretInfo '$SmName' | Format-List"
        # A zone other than this session's (UTC on the test machines), at +05:30 so no hour lines up.
        $zone = 'Asia/Kolkata'
        $run = Invoke-ChildPwsh -Arguments '-Command', $command -Environment @{ NO_COLOR = '1'; TZ = $zone }
        $run.ExitCode | Should -Be 0 -Because $run.Error
        $run.Output.Contains([char] 27) | Should -BeFalse
        $there = [TimeZoneInfo]::ConvertTimeFromUtc($Sm.LastModified.ToUniversalTime(), [TimeZoneInfo]::FindSystemTimeZoneById($zone)).ToString('s')
        $lines = @($run.Output -split '\r?\n' | ForEach-Object TrimEnd)
        @($lines | Where-Object { $_ -match "^$([regex]::Escape($SmName))\s.*\s$there$" }).Count | Should -Be 1
        Get-ListItem $lines LastModified | Should -BeExactly $there
    }
}
