# Get-SecretInfo -ChangedBefore and -NotRotatedFor, the start of a compliance check, on both stores.
# moto dates every change 'now', so the filters are tested on either side of now: -ChangedBefore a
# minute ahead keeps a secret and an hour ago drops it; -NotRotatedFor 0 keeps it and 1 day drops it.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:Stem = New-TestName 'st'
    $script:SmName = "$Stem/db"
    $script:PsRoot = "/$Stem"
    $script:PsName = "$PsRoot/db"
    Set-Secret $SmName -Secret 'v' -Confirm:$false | Out-Null
    Set-Secret "ssm:$PsName" -Secret 'v' -Confirm:$false | Out-Null
    # moto's dates are whole seconds: let 'now' move past them.
    Start-Sleep -Milliseconds 1100
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Get-SecretInfo -ChangedBefore' {
    It 'keeps a secret changed before the date and drops it otherwise, without an error, on <Store>' -ForEach @(
        @{ Store = 'SecretsManager'; Ref = { $SmName }; Listing = { @{ Name = "$Stem/*" } } }
        @{ Store = 'ParameterStore'; Ref = { "ssm:$PsName" }; Listing = { @{ Store = 'ParameterStore'; Path = $PsRoot } } }
    ) {
        $ref = & $Ref
        (Get-SecretInfo $ref -ChangedBefore (Get-Date).AddMinutes(1)).Name | Should -Match 'db$'
        Get-SecretInfo $ref -ChangedBefore (Get-Date).AddMinutes(-60) -ErrorVariable failed | Should -BeNullOrEmpty
        $failed | Should -BeNullOrEmpty -Because 'a secret the filter drops is no error'
        $listing = & $Listing
        @(Get-SecretInfo @listing -ChangedBefore (Get-Date).AddMinutes(1)).Count | Should -Be 1
        @(Get-SecretInfo @listing -ChangedBefore (Get-Date).AddMinutes(-60)).Count | Should -Be 0
    }

    It 'filters after listing: the same calls as without the filter' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $null = Get-SecretInfo "$Stem/*"
        $plain = [SecretsTools.Diagnostics.ApiCallCounter]::Snapshot() | ConvertTo-Json -Compress
        $plain | Should -Match 'ListSecrets'
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $null = Get-SecretInfo "$Stem/*" -ChangedBefore (Get-Date).AddMinutes(-60) -NotRotatedFor 3600
        [SecretsTools.Diagnostics.ApiCallCounter]::Snapshot() | ConvertTo-Json -Compress | Should -BeExactly $plain
    }
}

Describe 'Get-SecretInfo -NotRotatedFor' {
    It 'on Secrets Manager, measures a never-rotated secret from its CreatedDate' {
        $info = Get-SecretInfo $SmName
        $info.LastRotated | Should -BeNullOrEmpty
        (Get-SecretInfo $SmName -NotRotatedFor 0).Name | Should -BeExactly $SmName
        Get-SecretInfo $SmName -NotRotatedFor '1.00:00:00' | Should -BeNullOrEmpty
    }

    It 'on Secrets Manager, measures a rotated secret from LastRotated' {
        $name = "$Stem/rotated"
        Set-Secret $name -Secret 'v' -Confirm:$false | Out-Null
        # Rotation configured without a Lambda run: moto sets LastRotatedDate to now.
        $null = Invoke-AwsApi secretsmanager RotateSecret @{ SecretId = $name; RotationRules = @{ AutomaticallyAfterDays = 30 }; RotateImmediately = $false }
        Start-Sleep -Milliseconds 1100
        (Get-SecretInfo $name).LastRotated | Should -Not -BeNullOrEmpty
        (Get-SecretInfo $name -NotRotatedFor 0).Name | Should -BeExactly $name
        Get-SecretInfo $name -NotRotatedFor 86400 | Should -BeNullOrEmpty
    }

    It 'on Parameter Store, measures from LastModified (a parameter is rotated by a new version)' {
        (Get-SecretInfo "ssm:$PsName" -NotRotatedFor 0).Name | Should -BeExactly $PsName
        Get-SecretInfo "ssm:$PsName" -NotRotatedFor ([timespan]::FromDays(1)) | Should -BeNullOrEmpty
        @(Get-SecretInfo -Store ParameterStore -Path $PsRoot -NotRotatedFor 0).Count | Should -Be 1
    }

    It 'takes ages past the cache''s 12-hour bound: <_>' -ForEach '90.00:00:00', 7776000 {
        Get-SecretInfo $SmName -NotRotatedFor $_ -ErrorVariable failed | Should -BeNullOrEmpty
        $failed | Should -BeNullOrEmpty
    }

    It 'refuses a negative age before any call' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        { Get-SecretInfo $SmName -NotRotatedFor -60 } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,SecretsTools.Commands.GetSecretInfoCommand'
        { Get-SecretInfo $SmName -NotRotatedFor ([timespan]::FromDays(-1)) } | Should -Throw '*cannot be negative*'
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
    }

    It 'combines with -ChangedBefore: both must hold' {
        (Get-SecretInfo $SmName -NotRotatedFor 0 -ChangedBefore (Get-Date).AddMinutes(1)).Name | Should -BeExactly $SmName
        Get-SecretInfo $SmName -NotRotatedFor 0 -ChangedBefore (Get-Date).AddMinutes(-60) | Should -BeNullOrEmpty
    }
}
