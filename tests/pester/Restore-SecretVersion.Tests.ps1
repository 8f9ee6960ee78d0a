# Restore-SecretVersion against moto: a rollback on both stores, with the values checked on the
# server; Secrets Manager moves AWSCURRENT (AWSPREVIOUS follows), Parameter Store writes the old
# value as a new version, once; -WhatIf writes nothing; results never carry a value.
#
# moto 5.2.1 keeps answering a GetSecretValue without a stage from the version that was current
# before a stage move (real AWS answers AWSCURRENT), so Secrets Manager values are read by stage.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    function Get-Calls([string] $Service, [string] $Operation) { [SecretsTools.Diagnostics.ApiCallCounter]::Get($Service, $Operation) }
    function Reset-Calls { [SecretsTools.Diagnostics.ApiCallCounter]::Reset() }
    $script:Sentinel = "SENTINEL-$([guid]::NewGuid().ToString('N'))"

    function New-SmSecret {
        $name = New-TestName 'rv'
        $ids = foreach ($i in 1..3) {
            $body = if ($i -eq 1) { @{ Name = $name; SecretString = "$Sentinel-$i" } } else { @{ SecretId = $name; SecretString = "$Sentinel-$i" } }
            (Invoke-AwsApi secretsmanager $(if ($i -eq 1) { 'CreateSecret' } else { 'PutSecretValue' }) $body).VersionId
        }
        return [pscustomobject]@{ Name = $name; Ids = @($ids) }
    }
    function Get-SmStageValue([string] $Name, [string] $Stage) {
        (Invoke-AwsApi secretsmanager GetSecretValue @{ SecretId = $Name; VersionStage = $Stage }).SecretString
    }
    function New-Parameter([string] $Type = 'SecureString') {
        $name = "/$(New-TestName 'rv')/p"
        foreach ($i in 1..3) { $null = Invoke-AwsApi ssm PutParameter @{ Name = $name; Value = "$Sentinel-$i"; Type = $Type; Overwrite = $true } }
        return $name
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Restore-SecretVersion on Secrets Manager' {
    It 'moves AWSCURRENT back to a version given by its first 8 characters; AWSPREVIOUS follows' {
        $s = New-SmSecret
        $result = Restore-SecretVersion $s.Name -Version $s.Ids[0].Substring(0, 8) -Confirm:$false
        $result.Method | Should -Be 'LabelMoved'
        $result.RestoredFrom | Should -Be $s.Ids[0]
        $result.NewCurrentVersion | Should -Be $s.Ids[0]
        $result.PreviousVersion | Should -Be $s.Ids[2]
        Get-SmStageValue $s.Name AWSCURRENT | Should -Be "$Sentinel-1"
        Get-SmStageValue $s.Name AWSPREVIOUS | Should -Be "$Sentinel-3"
        # No new version: the three there were.
        (Invoke-AwsCli secretsmanager list-secret-version-ids --secret-id $s.Name --include-deprecated).Versions | Should -HaveCount 3
    }

    It 'rolls back to AWSPREVIOUS with -Label, and forward again the same way' {
        $s = New-SmSecret
        (Restore-SecretVersion $s.Name -Label AWSPREVIOUS -Confirm:$false).NewCurrentVersion | Should -Be $s.Ids[1]
        Get-SmStageValue $s.Name AWSCURRENT | Should -Be "$Sentinel-2"
        (Restore-SecretVersion $s.Name -Label AWSPREVIOUS -Confirm:$false).NewCurrentVersion | Should -Be $s.Ids[2]
        Get-SmStageValue $s.Name AWSCURRENT | Should -Be "$Sentinel-3"
    }

    It 'changes nothing when the version is current already' {
        $s = New-SmSecret
        Reset-Calls
        (Restore-SecretVersion $s.Name -Version $s.Ids[2] -Confirm:$false).Method | Should -Be 'AlreadyCurrent'
        Get-Calls 'SecretsManager' 'UpdateSecretVersionStage' | Should -Be 0
    }
}

Describe 'Restore-SecretVersion on Parameter Store' {
    It 'writes the old value as a new version, once, and says so' {
        $name = New-Parameter
        $result = Restore-SecretVersion "ssm:$name" -Version 1 -Confirm:$false
        $result.Method | Should -Be 'ValueRewritten'
        $result.RestoredFrom | Should -Be '1'
        $result.PreviousVersion | Should -Be '3'
        $result.NewCurrentVersion | Should -Be '4'
        $server = (Get-SsmParameterFromServer $name)[$name]
        $server.Value | Should -Be "$Sentinel-1"
        $server.Version | Should -Be 4
        $server.Type | Should -Be 'SecureString'
        # The same restore again: the value is current already, no fifth version.
        (Restore-SecretVersion "ssm:$name" -Version 1 -Confirm:$false).Method | Should -Be 'AlreadyCurrent'
        (Invoke-AwsCli ssm get-parameter-history --name $name).Parameters | Should -HaveCount 4
    }

    It 'keeps the parameter''s type, and takes the version by label' {
        $name = New-Parameter -Type String
        $null = Invoke-AwsApi ssm LabelParameterVersion @{ Name = $name; ParameterVersion = 2; Labels = @('known-good') }
        (Restore-SecretVersion "ssm:$name" -Label known-good -Confirm:$false).RestoredFrom | Should -Be '2'
        $server = (Get-SsmParameterFromServer $name)[$name]
        $server.Value | Should -Be "$Sentinel-2"
        $server.Type | Should -Be 'String'
    }

    It 'names a version that does not exist, and a label no version has' {
        $name = New-Parameter
        Restore-SecretVersion "ssm:$name" -Version 9 -ErrorVariable failures -ErrorAction SilentlyContinue -Confirm:$false
        Restore-SecretVersion "ssm:$name" -Label nowhere -ErrorVariable +failures -ErrorAction SilentlyContinue -Confirm:$false
        Get-ErrorIds $failures | Should -Be @('SecretVersionNotFound', 'VersionLabelNotFound')
        (Get-SsmParameterFromServer $name)[$name].Version | Should -Be 3
    }
}

Describe 'Restore-SecretVersion in general' {
    It '-WhatIf writes nothing on either store' {
        $s = New-SmSecret
        $name = New-Parameter
        Reset-Calls
        $out = Restore-SecretVersion $s.Name -Version $s.Ids[0] -WhatIf
        $out += Restore-SecretVersion "ssm:$name" -Version 1 -WhatIf
        $out | Should -BeNullOrEmpty
        Get-Calls 'SecretsManager' 'UpdateSecretVersionStage' | Should -Be 0
        Get-Calls 'SSM' 'PutParameter' | Should -Be 0
        Get-SmStageValue $s.Name AWSCURRENT | Should -Be "$Sentinel-3"
        (Get-SsmParameterFromServer $name)[$name].Version | Should -Be 3
    }

    It 'takes versions piped from Get-SecretVersion, one error per failing secret, and never returns a value' {
        $s = New-SmSecret
        $missing = "/$(New-TestName 'rv')/none"
        $inputs = @(Get-SecretVersion $s.Name | Where-Object { $_.Labels -contains 'AWSPREVIOUS' }) + @([pscustomobject]@{ Name = $missing; Store = 'ParameterStore'; Version = '1' })
        $results = $inputs | Restore-SecretVersion -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        Get-ErrorIds $failures | Should -Be @('SecretNotFound')
        @($results) | Should -HaveCount 1
        $results.NewCurrentVersion | Should -Be $s.Ids[1]
        ($results | ConvertTo-Json) + ($results | Format-List * | Out-String) | Should -Not -Match $Sentinel
    }

    It 'shows its result in an 80-column table' {
        $name = New-Parameter
        $lines = Restore-SecretVersion "ssm:$name" -Version 2 -Confirm:$false | Get-ViewLines
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because $_ }
        ($lines -join "`n") | Should -Match ([regex]::Escape($name) + '\s+2\s+4\s+ValueRewritten')
    }
}
