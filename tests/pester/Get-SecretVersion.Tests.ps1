# Get-SecretVersion on both stores against moto: every version with its labels and dates, never a
# value (sentinels), by name or piped from Get-SecretInfo; SecretInfo.VersionStages (Secrets
# Manager's VersionIdsToStages); the views.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    function Get-Calls([string] $Service, [string] $Operation) { [SecretsTools.Diagnostics.ApiCallCounter]::Get($Service, $Operation) }
    function Get-Total { [SecretsTools.Diagnostics.ApiCallCounter]::Total }
    function Reset-Calls { [SecretsTools.Diagnostics.ApiCallCounter]::Reset() }
    $script:Sentinel = "SENTINEL-$([guid]::NewGuid().ToString('N'))"
    $script:IsoDate = '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d'

    # Secrets Manager: three versions, so one has no staging label (deprecated).
    $script:SmName = New-TestName 'gv'
    Set-Secret $SmName -Secret "$Sentinel-1" -Confirm:$false
    Set-Secret $SmName -Secret "$Sentinel-2" -Confirm:$false
    Set-Secret $SmName -Secret "$Sentinel-3" -Confirm:$false
    $script:SmServer = (Invoke-AwsApi secretsmanager ListSecretVersionIds @{ SecretId = $SmName; IncludeDeprecated = $true }).Versions

    # Parameter Store: three versions, the first labelled.
    $script:PsName = "/$(New-TestName 'gv')/db"
    1..3 | ForEach-Object { Set-Secret "ssm:$PsName" -Secret "$Sentinel-$_" -Confirm:$false }
    $null = Invoke-AwsApi ssm LabelParameterVersion @{ Name = $PsName; ParameterVersion = 1; Labels = @('stable', 'release-1') }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Get-SecretVersion on Secrets Manager' {
    It 'lists the labelled versions by default, and every version with -IncludeDeprecated' {
        $labelled = @(Get-SecretVersion $SmName)
        $labelled | Should -HaveCount 2
        ($labelled.Labels | Sort-Object) | Should -Be @('AWSCURRENT', 'AWSPREVIOUS')
        $all = @(Get-SecretVersion $SmName -IncludeDeprecated)
        $all | Should -HaveCount 3
        ($all.Version | Sort-Object) | Should -Be @($SmServer.VersionId | Sort-Object)
    }

    It 'gives each version its id, stages, dates and which one is current, as the server has them' {
        $current = $SmServer | Where-Object { $_.VersionStages -contains 'AWSCURRENT' }
        $versions = Get-SecretVersion $SmName -IncludeDeprecated
        $mine = $versions | Where-Object IsCurrent
        $mine | Should -HaveCount 1
        $mine.Version | Should -Be $current.VersionId
        $mine.Labels | Should -Be @('AWSCURRENT')
        $mine.Name | Should -Be $SmName
        "$($mine.Store)" | Should -Be 'SecretsManager'
        $mine.Region | Should -Be $env:AWS_REGION
        $versions | ForEach-Object { $_.Created | Should -BeOfType [datetime] }
        $versions | ForEach-Object { $_.LastModifiedUser | Should -BeNullOrEmpty }
    }

    It 'never carries a value, in any property' {
        $versions = Get-SecretVersion $SmName -IncludeDeprecated
        ($versions | ConvertTo-Json -Depth 5) | Should -Not -Match $Sentinel
        ($versions | Format-List * | Out-String) | Should -Not -Match $Sentinel
        $versions[0].PSObject.Properties.Name | Should -Not -Contain 'Value'
    }

    It 'reads no value: only ListSecretVersionIds' {
        Reset-Calls
        $null = Get-SecretVersion $SmName -IncludeDeprecated
        Get-Calls 'SecretsManager' 'ListSecretVersionIds' | Should -Be 1
        Get-Total | Should -Be 1
    }
}

Describe 'Get-SecretVersion on Parameter Store' {
    It 'lists every version newest first, with labels, dates and who wrote it' {
        $versions = @(Get-SecretVersion "ssm:$PsName")
        $versions.Version | Should -Be @('3', '2', '1')
        $versions[0].IsCurrent | Should -BeTrue
        @($versions | Where-Object IsCurrent) | Should -HaveCount 1
        $versions[2].Labels | Should -Be @('release-1', 'stable')
        $versions[0].Labels | Should -BeNullOrEmpty
        $versions | ForEach-Object { $_.Created | Should -BeOfType [datetime] }
        $versions[0].LastModifiedUser | Should -Not -BeNullOrEmpty
        "$($versions[0].Store)" | Should -Be 'ParameterStore'
    }

    It 'asks for the history undecrypted, and keeps no value' {
        Reset-Calls
        $versions = Get-SecretVersion "ssm:$PsName"
        Get-Calls 'SSM' 'GetParameterHistory' | Should -Be 1
        Get-Total | Should -Be 1
        ($versions | ConvertTo-Json -Depth 5) | Should -Not -Match $Sentinel
    }
}

Describe 'Get-SecretVersion input and errors' {
    It 'takes secrets piped from Get-SecretInfo, by Name, Store and Region' {
        $versions = @(Get-SecretInfo "ssm:$PsName"), @(Get-SecretInfo $SmName) | ForEach-Object { $_ } | Get-SecretVersion
        @($versions | Where-Object Name -EQ $PsName) | Should -HaveCount 3
        @($versions | Where-Object Name -EQ $SmName) | Should -HaveCount 2
    }

    It 'writes one error per missing secret and goes on with the next' {
        # A missing Parameter Store name: moto 5.2.1 answers ListSecretVersionIds for a missing
        # secret with an HTTP 500 instead of ResourceNotFoundException, so it cannot show this.
        $missing = "/$(New-TestName 'gv')/none"
        $versions = Get-SecretVersion "ssm:$missing", $SmName -ErrorVariable failures -ErrorAction SilentlyContinue
        Get-ErrorIds $failures | Should -Be @('SecretNotFound')
        "$($failures[0].TargetObject)" | Should -Be $missing
        @($versions) | Should -HaveCount 2
    }

    It 'refuses a :version selector on the name' {
        $null = Get-SecretVersion "ssm:$($PsName):2" -ErrorVariable failures -ErrorAction SilentlyContinue
        Get-ErrorIds $failures | Should -Be @('SelectorNotAllowed')
    }
}

Describe 'SecretInfo.VersionStages' {
    It 'holds Secrets Manager''s VersionIdsToStages, the current version first' {
        $info = Get-SecretInfo $SmName
        $described = Invoke-AwsApi secretsmanager DescribeSecret @{ SecretId = $SmName }
        $current = ($SmServer | Where-Object { $_.VersionStages -contains 'AWSCURRENT' }).VersionId
        @($info.VersionStages.Keys)[0] | Should -Be $current
        @($info.VersionStages.Keys | Sort-Object) | Should -Be @($described.VersionIdsToStages.PSObject.Properties.Name | Sort-Object)
        $info.VersionStages[$current] | Should -Be @('AWSCURRENT')
    }

    It 'is shown in the list view, not the table, and is empty for Parameter Store' {
        $info = Get-SecretInfo $SmName
        (Get-ViewLines -InputObject $info -View List) -join "`n" | Should -Match 'VersionStages\s*: [0-9a-f-]{36}: AWSCURRENT'
        (Get-ViewLines -InputObject $info) -join "`n" | Should -Not -Match 'AWSCURRENT'
        (Get-SecretInfo "ssm:$PsName").VersionStages | Should -BeNullOrEmpty
    }
}

Describe 'The SecretVersion views' {
    It 'table: fits 80 columns, one secret per group, ISO dates, the version id cut to a form -Version accepts' {
        $lines = Get-SecretVersion $SmName -IncludeDeprecated | Get-ViewLines
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because $_ }
        $lines -join "`n" | Should -Match "Secret: $SmName \(SecretsManager"
        $rows = $lines | Where-Object { $_ -match '^[0-9a-f]{8}' }
        $rows | Should -HaveCount 3
        $rows | ForEach-Object { $_ | Should -Match $IsoDate }
        ($rows -join "`n") | Should -Match 'yes\s+\S+\s+AWSCURRENT'
        $lines -join "`n" | Should -Not -Match $Sentinel
    }

    It 'list: the whole version, labels and ISO dates; what a store does not have is left out' {
        $lines = Get-SecretVersion "ssm:$PsName" | Select-Object -Last 1 | Get-ViewLines -View List
        $text = $lines -join "`n"
        $text | Should -Match 'Labels\s*: release-1, stable'
        $text | Should -Match "Created\s*: $IsoDate"
        $text | Should -Not -Match 'LastAccessed'
        $sm = (Get-SecretVersion $SmName | Where-Object IsCurrent | Get-ViewLines -View List) -join "`n"
        $sm | Should -Match 'Version\s*: [0-9a-f-]{36}'
        $sm | Should -Not -Match 'LastModifiedUser'
    }
}
