# Lambda rotation: Enable-, Disable- and Invoke-SecretRotation against moto_server, checked with the
# AWS CLI. moto can configure rotation but cannot run a real rotation Lambda here: its RotateSecret
# needs the function to exist (so one is created through moto's Lambda API), does not run its code,
# and moves AWSCURRENT to a new version without a value. So these tests check the calls and the
# configuration they leave (RotationEnabled, RotationLambdaARN, RotationRules), never a rotated value.
# moto also keeps only AutomaticallyAfterDays of the rules: a -Schedule is checked as accepted.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:Stem = New-TestName 'rot'

    # The smallest function moto accepts: a role, and a zip with a handler it never runs.
    $zip = Join-Path $TestDrive 'rotate.zip'
    $archive = [System.IO.Compression.ZipFile]::Open($zip, 'Create')
    try {
        $writer = [System.IO.StreamWriter]::new($archive.CreateEntry('index.py').Open())
        $writer.Write("def handler(event, context):`n    return {}`n")
        $writer.Dispose()
    }
    finally { $archive.Dispose() }
    $role = Invoke-AwsCli iam create-role --role-name "$Stem-role" --assume-role-policy-document '{"Version":"2012-10-17","Statement":[]}'
    $function = Invoke-AwsCli lambda create-function --function-name "$Stem-fn" --runtime python3.11 --role $role.Role.Arn --handler index.handler --zip-file "fileb://$zip"
    $script:LambdaArn = $function.FunctionArn

    function New-RotationSecret {
        param([string] $Suffix)
        $name = "$Stem/$Suffix"
        $null = Set-Secret $name -Secret "value-$Suffix" -Confirm:$false
        return $name
    }

    function Get-Calls {
        # The calls sent since the last Reset, by operation.
        [SecretsTools.Diagnostics.ApiCallCounter]::Snapshot()
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Enable-SecretRotation' {
    It 'configures the Lambda and a days schedule, as the AWS CLI and Get-SecretInfo show, in one RotateSecret and one DescribeSecret' {
        $name = New-RotationSecret 'days'
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $info = Enable-SecretRotation $name -LambdaArn $LambdaArn -RotateAfterDays 7 -PassThru -Confirm:$false
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'RotateSecret') | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'DescribeSecret') | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 2

        $described = Invoke-AwsCli secretsmanager describe-secret --secret-id $name
        $described.RotationEnabled | Should -BeTrue
        $described.RotationLambdaARN | Should -BeExactly $LambdaArn
        $described.RotationRules.AutomaticallyAfterDays | Should -Be 7

        $info | Should -BeOfType SecretsTools.Model.SecretInfo
        $info.RotationEnabled | Should -BeTrue
        $info.RotationLambdaArn | Should -BeExactly $LambdaArn
        $info.RotateAfterDays | Should -Be 7
        $listed = Get-SecretInfo $name
        $listed.RotateAfterDays | Should -Be 7
        $listed.RotationLambdaArn | Should -BeExactly $LambdaArn
        $listed.NextRotation | Should -BeGreaterThan (Get-Date).ToUniversalTime().AddDays(6)
    }

    It 'does not rotate at once unless -RotateImmediately is given (AWS''s default is to rotate)' {
        $calm = New-RotationSecret 'calm'
        $eager = New-RotationSecret 'eager'
        Enable-SecretRotation $calm -LambdaArn $LambdaArn -RotateAfterDays 30 -Confirm:$false
        Enable-SecretRotation $eager -LambdaArn $LambdaArn -RotateAfterDays 30 -RotateImmediately -Confirm:$false
        # RotateImmediately=false: moto only "tests" the Lambda, the current value stays, and the
        # AWSPENDING version it makes holds a copy of it. RotateImmediately=true: moto runs the four
        # steps (its Lambda does nothing) and makes that version current, which has no value.
        (Invoke-AwsCli secretsmanager get-secret-value --secret-id $calm).SecretString | Should -BeExactly 'value-calm'
        (Invoke-AwsCli secretsmanager get-secret-value --secret-id $calm --version-stage AWSPENDING).SecretString | Should -BeExactly 'value-calm'
        $eagerRead = Invoke-AwsCliResult secretsmanager get-secret-value --secret-id $eager
        $eagerRead.ExitCode | Should -Not -Be 0
        $eagerRead.Text | Should -Match 'ResourceNotFoundException'
    }

    It 'sends a -Schedule with -Duration, which the service accepts' {
        $name = New-RotationSecret 'schedule'
        Enable-SecretRotation $name -LambdaArn $LambdaArn -Schedule 'cron(0 4 ? * SUN *)' -Duration 3h -Confirm:$false -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        (Invoke-AwsCli secretsmanager describe-secret --secret-id $name).RotationLambdaARN | Should -BeExactly $LambdaArn
    }

    It 'asks nothing of AWS with -WhatIf' {
        $name = New-RotationSecret 'whatif'
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        Enable-SecretRotation $name -LambdaArn $LambdaArn -RotateAfterDays 7 -WhatIf
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
        (Get-SmSecretFromServer $name).RotationEnabled | Should -Not -BeTrue
    }

    It 'refuses <Case> with <ErrorId>, before any call' -ForEach @(
        @{ Case = '0 days'; Arguments = @{ RotateAfterDays = 0 }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = '1001 days'; Arguments = @{ RotateAfterDays = 1001 }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = 'a rate under 4 hours'; Arguments = @{ Schedule = 'rate(3 hours)' }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = 'a rate over 1000 days'; Arguments = @{ Schedule = 'rate(1001 days)' }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = 'a rate in minutes'; Arguments = @{ Schedule = 'rate(300 minutes)' }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = 'a rate in words'; Arguments = @{ Schedule = 'rate(ten days)' }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = 'a five-field cron'; Arguments = @{ Schedule = 'cron(0 4 * * ?)' }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = 'a cron without ?'; Arguments = @{ Schedule = 'cron(0 4 1 * SUN *)' }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = 'neither rate nor cron'; Arguments = @{ Schedule = 'every day' }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = 'characters AWS refuses'; Arguments = @{ Schedule = 'rate(5 hours);' }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = 'a 25h window'; Arguments = @{ RotateAfterDays = 7; Duration = '25h' }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = 'a window without unit'; Arguments = @{ RotateAfterDays = 7; Duration = '3' }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = 'a 0h window'; Arguments = @{ RotateAfterDays = 7; Duration = '0h' }; ErrorId = 'InvalidRotationSchedule' }
        @{ Case = 'a function name for an ARN'; Arguments = @{ RotateAfterDays = 7; LambdaArn = 'rotate-fn' }; ErrorId = 'InvalidLambdaArn' }
        @{ Case = 'a short account id'; Arguments = @{ RotateAfterDays = 7; LambdaArn = 'arn:aws:lambda:us-east-1:1234:function:f' }; ErrorId = 'InvalidLambdaArn' }
        @{ Case = 'another service''s ARN'; Arguments = @{ RotateAfterDays = 7; LambdaArn = 'arn:aws:s3:::bucket' }; ErrorId = 'InvalidLambdaArn' }
    ) {
        $name = "$Stem/never-written"
        $splat = @{ LambdaArn = $LambdaArn }
        foreach ($key in $Arguments.Keys) { $splat[$key] = $Arguments[$key] }
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        { Enable-SecretRotation $name @splat -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,SecretsTools.Commands.EnableSecretRotationCommand"
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
    }

    It 'takes <_> (checked with -WhatIf, so without a call)' -ForEach 'rate(4 hours)', 'rate(1 day)', 'rate(1000 days)', 'cron(0 16 1,15 * ? *)', 'cron(0 8 ? * MON-FRI *)' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        Enable-SecretRotation "$Stem/whatif" -LambdaArn "arn:aws:lambda:eu-west-1:111122223333:function:rotate:live" -Schedule $_ -Duration 24h -WhatIf -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
    }

    It 'refuses -RotateAfterDays with -Schedule, before any call' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        { Enable-SecretRotation "$Stem/both" -LambdaArn $LambdaArn -RotateAfterDays 7 -Schedule 'rate(7 days)' -Confirm:$false } | Should -Throw -ErrorId 'AmbiguousParameterSet,SecretsTools.Commands.EnableSecretRotationCommand'
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
    }
}

Describe 'Parameter Store names' {
    It '<_> gives OperationNotSupported without a call, and goes on with the next name' -ForEach 'Enable-SecretRotation', 'Disable-SecretRotation', 'Invoke-SecretRotation' {
        $extra = if ($_ -eq 'Enable-SecretRotation') { @{ LambdaArn = $LambdaArn; RotateAfterDays = 7 } } else { @{} }
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        & $_ "ssm:/$Stem/param", "ssm:/$Stem/other" @extra -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorIds $failed | Should -Be @('OperationNotSupported', 'OperationNotSupported')
        $failed[0].TargetObject | Should -BeExactly "/$Stem/param"
        "$($failed[0])" | Should -Match 'Parameter Store'
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
    }
}

Describe 'Disable-SecretRotation' {
    It 'turns rotation off with CancelRotateSecret; the Lambda stays configured' {
        $name = New-RotationSecret 'disable'
        Enable-SecretRotation $name -LambdaArn $LambdaArn -RotateAfterDays 7 -Confirm:$false
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $info = Disable-SecretRotation $name -PassThru -Confirm:$false
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'CancelRotateSecret') | Should -Be 1
        $info.RotationEnabled | Should -BeFalse
        $described = Invoke-AwsCli secretsmanager describe-secret --secret-id $name
        $described.RotationEnabled | Should -BeFalse
        $described.RotationLambdaARN | Should -BeExactly $LambdaArn
    }

    It 'writes one error for a secret whose rotation was never set up, and goes on' {
        $never = New-RotationSecret 'never'
        $set = New-RotationSecret 'set'
        Enable-SecretRotation $set -LambdaArn $LambdaArn -RotateAfterDays 7 -Confirm:$false
        Disable-SecretRotation $never, $set -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        @($failed).Count | Should -Be 1
        $failed[0].TargetObject | Should -BeExactly $never
        (Get-SmSecretFromServer $set).RotationEnabled | Should -BeFalse
    }
}

Describe 'Invoke-SecretRotation' {
    It 'starts a rotation with the configured Lambda: a result per secret, the new version on the server' {
        $name = New-RotationSecret 'invoke'
        Enable-SecretRotation $name -LambdaArn $LambdaArn -RotateAfterDays 7 -Confirm:$false
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $result = Invoke-SecretRotation $name -Confirm:$false
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'DescribeSecret') | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'RotateSecret') | Should -Be 1
        $result | Should -BeOfType SecretsTools.Model.SecretRotationResult
        $result.Name | Should -BeExactly $name
        $result.Store | Should -Be 'SecretsManager'
        $result.Method | Should -Be 'Lambda'
        $result.Status | Should -Be 'Started'
        $result.VersionId | Should -Not -BeNullOrEmpty
        $result.Arn | Should -Match ':secret:'
        # moto has no Lambda to run, so it does what the Lambda would have: the new version is
        # AWSCURRENT (though without a value). On AWS it is AWSPENDING until the Lambda finishes.
        $described = Invoke-AwsCli secretsmanager describe-secret --secret-id $name
        $described.VersionIdsToStages.PSObject.Properties.Name | Should -Contain $result.VersionId
        $described.LastRotatedDate | Should -Not -BeNullOrEmpty
    }

    It 'rotates nothing where no rotation Lambda is set up: RotationNotConfigured' {
        $name = New-RotationSecret 'unconfigured'
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        Invoke-SecretRotation $name -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorIds $failed | Should -Be 'RotationNotConfigured'
        $failed[0].TargetObject | Should -BeExactly $name
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'RotateSecret') | Should -Be 0
        Get-Secret $name -AsPlainText | Should -BeExactly 'value-unconfigured'
    }

    It 'gives SecretNotFound for a missing secret' {
        Invoke-SecretRotation "$Stem/missing" -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        Get-ErrorIds $failed | Should -Be 'SecretNotFound'
    }

    It 'forgets the secret''s cached value, so the next cached read goes to AWS' {
        $name = New-RotationSecret 'cached'
        Enable-SecretRotation $name -LambdaArn $LambdaArn -RotateAfterDays 7 -Confirm:$false
        $null = Get-Secret $name -AsPlainText -CacheTtl 00:05:00
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $null = Get-Secret $name -AsPlainText -CacheTtl 00:05:00
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0 -Because 'the value is cached before the rotation'
        Invoke-SecretRotation $name -Confirm:$false
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $null = Get-Secret $name -AsPlainText -CacheTtl 00:05:00 -ErrorAction SilentlyContinue
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'GetSecretValue') | Should -Be 1
    }

    It 'takes Get-SecretInfo output from the pipeline, one result per secret' {
        $a = New-RotationSecret 'pipe-a'
        $b = New-RotationSecret 'pipe-b'
        Enable-SecretRotation $a, $b -LambdaArn $LambdaArn -RotateAfterDays 7 -Confirm:$false
        $results = @(Get-SecretInfo $a, $b | Invoke-SecretRotation -Confirm:$false)
        $results.Name | Should -Be @($a, $b)
    }

    It 'asks nothing of AWS with -WhatIf' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        Invoke-SecretRotation "$Stem/whatif" -WhatIf
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
    }
}

Describe 'The rotation views' {
    It 'show the rules in the SecretInfo list: <Expected>' -ForEach @(
        @{ Info = @{ RotateAfterDays = 30 }; Expected = 'every 30 days' }
        @{ Info = @{ RotationSchedule = 'cron(0 4 ? * SUN *)'; RotationDuration = '3h' }; Expected = 'cron(0 4 ? * SUN *), window 3h' }
    ) {
        $info = [SecretsTools.Model.SecretInfo] (@{ Name = 'prod/db'; Store = 'SecretsManager'; RotationEnabled = $true } + $Info)
        $lines = $info | Get-ViewLines -View List
        ($lines | Where-Object { $_ -match '^RotationRules\s*: ' }) -replace '^RotationRules\s*: ', '' | Should -BeExactly $Expected
    }

    It 'leave the rules out of the list where there are none' {
        $lines = [SecretsTools.Model.SecretInfo] @{ Name = 'prod/db'; Store = 'SecretsManager' } | Get-ViewLines -View List
        $lines | Where-Object { $_ -match '^RotationRules' } | Should -BeNullOrEmpty
    }

    It 'show a rotation result in 80 columns, with the start of the version id that -Version takes' {
        $result = [SecretsTools.Model.SecretRotationResult] @{ Name = 'payments/partner-api-key-prod'; Store = 'SecretsManager'; VersionId = [guid]::NewGuid().ToString(); Method = 'Lambda'; Status = 'Started' }
        $lines = $result | Get-ViewLines
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        $lines[-1] | Should -Match "^Started\s+payments/partner-api-key-prod\s+Lambda\s+$($result.VersionId.Substring(0, 8))$"
    }
}
