# The formatted views (module/SecretsTools.format.ps1xml): one for every type the cmdlets emit, none
# with a value column; SecretInfo's readable in an 80-column terminal, one date format (ISO 8601,
# local time), nothing blank that can be known.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../../out/SecretsTools/SecretsTools.psd1') -Force
    # Every [OutputType] of every exported cmdlet that is one of our own types, found from the
    # module, so a new cmdlet's or a new type's missing view fails here.
    $script:OutputTypes = @(Get-Command -Module SecretsTools | ForEach-Object OutputType | ForEach-Object { $_.Type } |
            Where-Object { $_ -and $_.Namespace -eq 'SecretsTools.Model' } | ForEach-Object FullName | Sort-Object -Unique)
    [xml] $format = Get-Content (Join-Path $PSScriptRoot '../../module/SecretsTools.format.ps1xml') -Raw
    $script:Views = @($format.Configuration.ViewDefinitions.View | ForEach-Object { @{ View = $_; Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:IsoDate = '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d'

    $script:Stem = New-TestName 'vw'
    # Names of a typical length, 30 characters, and one of the longest the table keeps whole, 35.
    $script:SmName = "$Stem/payments/api-key1"
    $script:PsName = "/$Stem/app/database-url"
    $script:RotatingName = "$Stem/payments/rotate-key1"
    $RotatingName.Length | Should -Be 35
    Set-Secret $SmName -Secret 'v1' -Description 'Partner API key' -Tag @{ team = 'payments' } -Confirm:$false
    Set-Secret $SmName -Secret 'v2' -Confirm:$false
    Set-Secret "ssm:$PsName" -Secret 'v' -Type String -Description 'Database URL' -Tag @{ team = 'payments' } -Confirm:$false
    Set-Secret $RotatingName -Secret 'v' -Confirm:$false
    # Rotation on a schedule; moto needs no Lambda function when RotateImmediately is false.
    $null = Invoke-AwsApi secretsmanager RotateSecret @{ SecretId = $RotatingName; RotationRules = @{ AutomaticallyAfterDays = 30 }; RotateImmediately = $false }
    $script:Sm = Get-SecretInfo $SmName
    $script:Ps = Get-SecretInfo "ssm:$PsName"
    $script:Rotating = Get-SecretInfo $RotatingName

    function Get-ListItem {
        # The value shown for a label in list-view lines (labels are padded to the longest shown).
        param([string[]] $Lines, [string] $Label)
        $Lines | Where-Object { $_ -match "^$Label\s*: " } | ForEach-Object { $_ -replace "^$Label\s*: ", '' }
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'A view for <_>' -ForEach $OutputTypes {
    It 'is loaded with the module, as a table or a list' {
        $controls = @((Get-FormatData -TypeName $_).FormatViewDefinition.Control | ForEach-Object { $_.GetType().Name })
        @($controls | Where-Object { $_ -in 'TableControl', 'ListControl' }).Count | Should -BeGreaterThan 0 -Because "PowerShell would otherwise show every property of $_"
    }
}

Describe 'The view <Name>' -ForEach $Views {
    BeforeAll {
        # The members that hold a value: SecretEntry.Value, and any like it a new type brings.
        $script:ValueMember = '^(Value|Values|Secret|SecretString|SecretBinary|SecretValue|PlainText|Password)$'
        $script:Decrypts = 'GetNetworkCredential|ConvertFrom-SecureString|AsPlainText'

        function Get-ValueRead {
            # The value members an expression reads from the object shown: $_.Value, but not the
            # $_.Value of a nested script block, where $_ is something else (a tag's key and value).
            param([string] $Script)
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($Script, [ref] $null, [ref] $null)
            $ast.FindAll({
                    param($node)
                    if ($node -isnot [System.Management.Automation.Language.MemberExpressionAst]) { return $false }
                    if ($node.Expression -isnot [System.Management.Automation.Language.VariableExpressionAst] -or $node.Expression.VariablePath.UserPath -ne '_') { return $false }
                    for ($parent = $node.Parent; $parent; $parent = $parent.Parent) {
                        if ($parent -is [System.Management.Automation.Language.ScriptBlockExpressionAst]) { return $false }
                    }
                    "$($node.Member)" -match $ValueMember
                }, $true) | ForEach-Object { $_.Extent.Text }
        }
    }

    It 'has no Value or Secret column' {
        foreach ($header in @($View.TableControl.TableHeaders.TableColumnHeader)) {
            if ($header) { "$($header.Label)" | Should -Not -Match $ValueMember }
        }
        foreach ($item in @($View.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem)) {
            if ($item) { "$($item.PropertyName)" | Should -Not -Match $ValueMember }
        }
    }

    It 'reads no value member, in any column, list item or expression' {
        foreach ($item in @($View.ListControl.ListEntries.ListEntry.ListItems.ListItem)) {
            if (-not $item) { continue }
            "$($item.PropertyName)" | Should -Not -Match $ValueMember
            # A list item may say where the value is ('(hidden: use .Value)'), but show nothing of it.
            if ("$($item.Label)" -match $ValueMember) { "$($item.ScriptBlock)" | Should -Not -Match '\$_' }
        }
        foreach ($script in $View.SelectNodes('.//ScriptBlock')) {
            Get-ValueRead $script.InnerText | Should -BeNullOrEmpty -Because $script.InnerText
            $script.InnerText | Should -Not -Match $Decrypts
        }
    }
}

Describe 'The SecretInfo table' {
    BeforeAll {
        $script:Lines = $Sm, $Rotating, $Ps | Get-ViewLines
        $script:SmRow = $Lines | Where-Object { $_.StartsWith($SmName + ' ') }
        $script:RotatingRow = $Lines | Where-Object { $_.StartsWith($RotatingName + ' ') }
        $script:PsRow = $Lines | Where-Object { $_.StartsWith($PsName + ' ') }
    }

    It 'fits 80 columns without cutting or wrapping anything' {
        $Lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because $_ }
        $Lines -join "`n" | Should -Not -Match '…'
        $SmRow | Should -HaveCount 1
        $RotatingRow | Should -HaveCount 1
        $PsRow | Should -HaveCount 1
    }

    It 'heads each store''s rows with the store and Region instead of a column' {
        $Lines | Should -Contain '   Store: SecretsManager (us-east-1)'
        $Lines | Should -Contain '   Store: ParameterStore (us-east-1)'
        ($Lines | Where-Object { $_ -match '^Name\s' } | Select-Object -First 1) -split '\s+' | Should -Be @('Name', 'Type', 'LastModified', 'Rotation')
    }

    It 'shows the Type, Unknown where Secrets Manager does not say' {
        ($SmRow -split '\s+')[1] | Should -BeExactly 'Unknown'
        ($PsRow -split '\s+')[1] | Should -BeExactly 'String'
    }

    It 'shows LastModified in ISO 8601, local time' {
        ($SmRow -split '\s+')[2] | Should -BeExactly $Sm.LastModified.ToLocalTime().ToString('s')
        ($PsRow -split '\s+')[2] | Should -Match "^$IsoDate$"
    }

    It 'shows rotation for Secrets Manager: off, or the next rotation''s date; nothing for Parameter Store' {
        ($SmRow -split '\s+')[3] | Should -BeExactly 'off'
        $Rotating.RotationEnabled | Should -BeTrue
        ($RotatingRow -split '\s+')[3] | Should -BeExactly $Rotating.NextRotation.ToLocalTime().ToString('yyyy-MM-dd')
        @($PsRow -split '\s+').Count | Should -Be 3
    }

    It 'shows ''on'' for a rotating secret whose next date AWS does not give' {
        $shown = [SecretsTools.Model.SecretInfo] @{ Name = 'prod/db'; Store = 'SecretsManager'; Type = 'Text'; RotationEnabled = $true } | Get-ViewLines
        ($shown | Where-Object { $_.StartsWith('prod/db ') }) -split '\s+' | Select-Object -Last 1 | Should -BeExactly 'on'
    }
}

Describe 'The SecretInfo list' {
    It 'shows versions whole, in a form -Version accepts' {
        $smVersion = Get-ListItem ($Sm | Get-ViewLines -View List) Version
        $smVersion | Should -BeExactly $Sm.Version
        Get-Secret $SmName -Version $smVersion -AsPlainText | Should -Be 'v2'
        $psVersion = Get-ListItem ($Ps | Get-ViewLines -View List) Version
        $psVersion | Should -BeExactly "$($Ps.Version)"
        Get-Secret "ssm:$PsName" -Version $psVersion -AsPlainText | Should -Be 'v'
    }

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
        @($lines | Where-Object { $_ -match "^$([regex]::Escape($SmName))\s.*\s$there\s+off$" }).Count | Should -Be 1
        Get-ListItem $lines LastModified | Should -BeExactly $there
    }
}
