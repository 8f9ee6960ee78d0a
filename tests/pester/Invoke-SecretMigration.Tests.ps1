# Invoke-SecretMigration, Compare-Secret and Move-Secret against moto: plans run, re-run, resumed
# after kill -9, verified, and sources removed only when verified. Plan items are made by hand
# here, so these tests do not depend on New-SecretMigrationPlan.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest

    function New-PlanItem([string] $SourceStore = 'ParameterStore', [string] $SourceNames, [string] $Keys = '', [string] $DestinationStore = 'SecretsManager', [string] $DestinationName, [string] $Action = 'Create', [string] $Type) {
        [SecretsTools.Model.SecretMigrationPlanItem]@{ SourceStore = $SourceStore; SourceNames = $SourceNames; Keys = $Keys; DestinationStore = $DestinationStore; DestinationName = $DestinationName; Action = $Action; Type = $Type }
    }

    function Get-VersionCount([string] $Name) { @((Get-SmSecretFromServer $Name).VersionIdsToStages.PSObject.Properties).Count }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Invoke-SecretMigration' {
    BeforeAll {
        $stem = "/$(New-TestName 'mg')"
        $dest = $stem.TrimStart('/')
        Set-Secret "ssm:$stem/db/host" -Secret 'db.internal' -Type String -Confirm:$false
        Set-Secret "ssm:$stem/db/user" -Secret 'app' -Type String -Confirm:$false
        Set-Secret "ssm:$stem/db/password" -Secret 'pw' -Confirm:$false
        foreach ($i in 1..25) { Set-Secret "ssm:$stem/many/p$i" -Secret "v$i" -Type String -Confirm:$false }
        $plan = @(New-PlanItem -SourceNames "$stem/db/host;$stem/db/user;$stem/db/password" -Keys 'host;user;password' -DestinationName "$dest/db") +
            @(1..25 | ForEach-Object { New-PlanItem -SourceNames "$stem/many/p$_" -DestinationName "$dest/many/p$_" })
        $csv = Join-Path $TestDrive 'plan.csv'
        $plan | Export-Csv $csv
    }

    It 'runs a plan read back from CSV: grouped and single secrets, all verified' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $results = @(Import-Csv $csv | Invoke-SecretMigration -Confirm:$false -InformationVariable info)
        $results.Count | Should -Be 26
        @($results | Where-Object { $_.Status -ne 'Created' -or -not $_.Verified }) | Should -BeNullOrEmpty
        ((Get-SmValueFromServer "$dest/db").SecretString | ConvertFrom-Json -AsHashtable).password | Should -Be 'pw'
        (Get-SmValueFromServer "$dest/many/p25").SecretString | Should -Be 'v25'
        # Reads are batched: 28 sources in 10s, destinations and the read-back in 20s (chunks of 10 items).
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SSM', 'GetParameters') | Should -BeLessOrEqual 6
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'CreateSecret') | Should -Be 26
        ($info | Where-Object { $_.Tags -contains 'SecretsTools.MigrationSummary' }).MessageData.Message | Should -BeLike '*26 item(s)*26 created*26 verified*'
    }

    It 'writes nothing on a re-run' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $results = @(Import-Csv $csv | Invoke-SecretMigration -Confirm:$false)
        @($results | Where-Object Status -NE 'Skipped') | Should -BeNullOrEmpty
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'CreateSecret') | Should -Be 0
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'PutSecretValue') | Should -Be 0
        Get-VersionCount "$dest/db" | Should -Be 1
    }

    It 'compares the plan with what was written, key by key, naming keys only' {
        @(Import-Csv $csv | Compare-Secret | Where-Object Status -NE 'Match') | Should -BeNullOrEmpty
        Set-Secret "$dest/db#user" -Secret 'someone-else' -Confirm:$false
        $differ = @(Import-Csv $csv | Compare-Secret | Where-Object Status -NE 'Match')
        $differ.Count | Should -Be 1
        $differ[0].Status | Should -Be 'Differ'
        $differ[0].DifferentKeys | Should -Be 'user'
        ($differ | Format-List * | Out-String) | Should -Not -BeLike '*someone-else*'
    }

    It 'leaves a destination that changed since the plan alone, with DestinationDiffers' {
        $results = @(Import-Csv $csv | Select-Object -First 1 | Invoke-SecretMigration -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err)
        $results[0].Status | Should -Be 'Failed'
        Get-ErrorIds $err | Should -Be 'DestinationDiffers'
        $err[0].TargetObject | Should -Be "$dest/db"
        ((Get-SmValueFromServer "$dest/db").SecretString | ConvertFrom-Json).user | Should -Be 'someone-else'
    }

    It 'writes a new version for an Update item' {
        $item = New-PlanItem -SourceNames "$stem/db/host;$stem/db/user;$stem/db/password" -Keys 'host;user;password' -DestinationName "$dest/db" -Action Update
        (Invoke-SecretMigration $item -Confirm:$false).Status | Should -Be 'Updated'
        ((Get-SmValueFromServer "$dest/db").SecretString | ConvertFrom-Json).user | Should -Be 'app'
    }

    It 'refuses a record that is not a plan item, by its destination, and leaves Conflict items alone' {
        $bad = [pscustomobject]@{ SourceStore = 'Vault'; SourceNames = '/x'; DestinationStore = 'SecretsManager'; DestinationName = 'x-dest'; Action = 'Create' }
        $conflict = New-PlanItem -SourceNames "$stem/many/p1" -DestinationName "$dest/conflicted" -Action Conflict
        $results = @($bad, $conflict | Invoke-SecretMigration -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err -WarningVariable warn 3>$null)
        $results | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'InvalidPlanItem'
        $err[0].TargetObject | Should -Be 'x-dest'
        $warn[0].Message | Should -BeLike "*'$dest/conflicted' is a Conflict*"
        Get-SmSecretFromServer "$dest/conflicted" | Should -BeNullOrEmpty
    }

    It 'splits a JSON secret into parameters and removes the source only once all verified' {
        $json = New-TestName 'mgj'
        Set-Secret "sm:$json" -Secret @{ host = 'h'; port = '5432' } -Confirm:$false
        $items = 'host', 'port' | ForEach-Object { New-PlanItem -SourceStore SecretsManager -SourceNames $json -Keys $_ -DestinationStore ParameterStore -DestinationName "/$json/$_" -Type String }
        $results = @($items | Invoke-SecretMigration -RemoveSource -RecoveryWindowInDays 7 -Confirm:$false)
        $results.Verified | Should -Be @($true, $true)
        $results.SourceRemoved | Should -Be @($true, $true)
        (Get-SsmParameterFromServer "/$json/port")["/$json/port"].Value | Should -Be '5432'
        (Get-SsmParameterFromServer "/$json/port")["/$json/port"].Type | Should -Be 'String'
        (Get-SmSecretFromServer $json).DeletedDate | Should -Not -BeNullOrEmpty
    }

    It 'keeps the source when an item fails' {
        $json = New-TestName 'mgk'
        Set-Secret "sm:$json" -Secret @{ host = 'h' } -Confirm:$false
        $items = 'host', 'missing-key' | ForEach-Object { New-PlanItem -SourceStore SecretsManager -SourceNames $json -Keys $_ -DestinationStore ParameterStore -DestinationName "/$json/$_" }
        $results = @($items | Invoke-SecretMigration -RemoveSource -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err)
        Get-ErrorIds $err | Should -Be 'PlanConflict'
        $results.SourceRemoved | Should -Be @($false, $false)
        (Get-SmSecretFromServer $json).DeletedDate | Should -BeNullOrEmpty
    }

    It 'shows -WhatIf per item and writes nothing' {
        $name = "/$(New-TestName 'mgw')/x"
        Set-Secret "ssm:$name" -Secret 'v' -Confirm:$false
        $item = New-PlanItem -SourceNames $name -DestinationName "w$($name.Replace('/', '-'))"
        $run = Invoke-WithCapturedHost -Parameters @{ item = $item } { param($item) $item | Invoke-SecretMigration -WhatIf }
        $run.HostLines | Should -Contain "What if: Performing the operation ""Migrate"" on target ""$($item.DestinationName) (Secrets Manager) from $name (Parameter Store)""."
        Get-SmSecretFromServer $item.DestinationName | Should -BeNullOrEmpty
    }
}

Describe 'Invoke-SecretMigration resumes after kill -9' {
    It 'completes when started again with the same plan, with one version per secret' {
        $stem = "/$(New-TestName 'mgr')"
        $names = 1..40 | ForEach-Object { "$stem/p$_" }
        Invoke-AwsCliParallel -Commands ($names | ForEach-Object { , @('ssm', 'put-parameter', '--name', $_, '--value', "value-$_", '--type', 'String') }) | Out-Null
        $csv = Join-Path $TestDrive 'resume.csv'
        $names | ForEach-Object { New-PlanItem -SourceNames $_ -DestinationName "r$($_.Replace('/', '-'))" } | Export-Csv $csv
        $module = Join-Path $script:RepoRoot 'out/SecretsTools/SecretsTools.psd1'
        $script = ". '$(Join-Path $script:RepoRoot 'tools/MotoServer.ps1')'; Set-MotoEnvironment -Endpoint '$env:AWS_ENDPOINT_URL'; Import-Module '$module'; " +
            "Import-Csv '$csv' | Invoke-SecretMigration -ThrottleLimit 1 -Confirm:`$false | ForEach-Object { `$_.DestinationName; [Console]::Out.Flush(); `$null = [Console]::In.ReadLine() }"
        # Each result waits for the test to read it (a line on stdin), so a slow test process (a
        # busy machine) cannot fall behind a child that has finished everything by then.
        $started = [System.Diagnostics.ProcessStartInfo]::new('dotnet', @('pwsh', '-NoProfile', '-NonInteractive', '-Command', $script))
        $started.RedirectStandardOutput = $true
        $started.RedirectStandardInput = $true
        $started.WorkingDirectory = $script:RepoRoot
        $child = [System.Diagnostics.Process]::Start($started)
        try {
            # Kill it hard once some, not all, destinations are done.
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            $done = 0
            while ($done -lt 5 -and [DateTime]::UtcNow -lt $deadline -and -not $child.HasExited) {
                if ($child.StandardOutput.ReadLine()) {
                    $done++
                    if ($done -lt 5) { $child.StandardInput.WriteLine('next'); $child.StandardInput.Flush() }
                }
            }
            $done | Should -Be 5 -Because 'the first run must get under way before it is killed'
        }
        finally { if (-not $child.HasExited) { $child.Kill($true) }; $child.WaitForExit() }
        $before = @(Get-SmNamesFromServer -Prefix "r-$($stem.Trim('/'))").Count
        $before | Should -BeLessThan 40 -Because 'the kill must come before the end'

        $results = @(Import-Csv $csv | Invoke-SecretMigration -Confirm:$false)
        @($results | Where-Object Status -EQ 'Failed') | Should -BeNullOrEmpty
        @($results | Where-Object Status -EQ 'Skipped').Count | Should -BeGreaterOrEqual 5
        foreach ($name in $names) {
            $destination = "r$($name.Replace('/', '-'))"
            (Get-SmValueFromServer $destination).SecretString | Should -Be "value-$name"
            Get-VersionCount $destination | Should -Be 1
        }
    }
}

Describe 'Move-Secret' {
    It 'copies, verifies and then deletes the source' {
        $name = "/$(New-TestName 'mv')/token"
        Set-Secret "ssm:$name" -Secret 'moving' -Confirm:$false
        $result = Move-Secret "ssm:$name" -DestinationStore SecretsManager -Confirm:$false
        $result.Status | Should -Be 'Created'
        $result.Verified | Should -BeTrue
        $result.SourceRemoved | Should -BeTrue
        (Get-SmValueFromServer $name.TrimStart('/')).SecretString | Should -Be 'moving'
        (Get-SsmParameterFromServer $name).Count | Should -Be 0
    }

    It 'schedules a Secrets Manager source''s deletion with the recovery window' {
        $name = New-TestName 'mvs'
        Set-Secret "sm:$name" -Secret 'v' -Confirm:$false
        (Move-Secret "sm:$name" -Destination "sm:$name-moved" -RecoveryWindowInDays 7 -Confirm:$false).SourceRemoved | Should -BeTrue
        (Get-SmSecretFromServer $name).DeletedDate | Should -Not -BeNullOrEmpty
        (Get-SmValueFromServer "$name-moved").SecretString | Should -Be 'v'
    }

    It 'keeps the source when the copy fails' {
        $name = New-TestName 'mvf'
        Set-Secret "sm:$name" -Secret 'one' -Confirm:$false
        Set-Secret "sm:$name-taken" -Secret 'other' -Confirm:$false
        $result = Move-Secret "sm:$name" -Destination "sm:$name-taken" -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'DestinationDiffers'
        $result.SourceRemoved | Should -BeFalse
        Get-SmSecretFromServer $name | Should -Not -BeNullOrEmpty
    }
}

Describe 'Invoke-SecretMigration through faults' {
    BeforeAll {
        # The fault proxy is test code in the xunit assembly, built by the same test run.
        $testAssembly = Join-Path $script:RepoRoot 'tests/SecretsTools.Tests/bin/Release/net10.0/SecretsTools.Tests.dll'
        if (-not ('SecretsTools.Tests.Infrastructure.Proxy.FaultProxy' -as [type])) { Add-Type -Path $testAssembly }
    }

    It 'loses nothing and duplicates nothing through throttling, 5xx and lost replies; a re-run is a no-op' {
        $stem = "/$(New-TestName 'mgf')"
        $names = 1..30 | ForEach-Object { "$stem/p$_" }
        foreach ($n in $names) { Invoke-AwsApi ssm PutParameter @{ Name = $n; Value = "fault-$n"; Type = 'SecureString' } | Out-Null }
        $plan = $names | ForEach-Object { New-PlanItem -SourceNames $_ -DestinationName "f$($_.Replace('/', '-'))" }
        $faults = [System.Collections.Generic.List[SecretsTools.Tests.Infrastructure.Proxy.FaultRule]]::new()
        function Add-Fault([string] $Operation, [long[]] $Calls, [string] $Kind) {
            $faults.Add([SecretsTools.Tests.Infrastructure.Proxy.FaultRule]::new($Operation, [SecretsTools.Tests.Infrastructure.Proxy.CallSchedule]::Calls($Calls), $Kind))
        }
        Add-Fault 'secretsmanager.CreateSecret' 2, 9, 17 DropAfterForward   # applied by moto, the reply lost
        Add-Fault 'secretsmanager.CreateSecret' 4, 12 Status503
        Add-Fault 'secretsmanager.CreateSecret' 6 Throttle
        Add-Fault 'AmazonSSM.GetParameters' 1 Status500
        Add-Fault 'secretsmanager.BatchGetSecretValue' 2 DropBeforeForward
        $options = [SecretsTools.Tests.Infrastructure.Proxy.FaultProxyOptions]@{
            Quotas  = [SecretsTools.Tests.Infrastructure.Proxy.AwsQuotas]::Defaults
            Latency = [timespan]::FromMilliseconds(5)
            Faults  = $faults
        }
        $proxy = [SecretsTools.Tests.Infrastructure.Proxy.FaultProxy]::Start($env:AWS_ENDPOINT_URL, $options)
        try {
            $results = @($plan | Invoke-SecretMigration -EndpointUrl $proxy.Endpoint -DestinationEndpointUrl $proxy.Endpoint -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue)
            $err | Should -BeNullOrEmpty
            $proxy.CountsFor('secretsmanager.CreateSecret').DroppedAfterForward | Should -Be 3
            $proxy.Total.Faulted | Should -Be 7 -Because 'every scheduled 5xx and dropped connection happened'
            $proxy.Total.Throttled | Should -BeGreaterOrEqual 1
        }
        finally { $proxy.Dispose() }
        @($results | Where-Object { $_.Status -ne 'Created' -or -not $_.Verified }) | Should -BeNullOrEmpty

        # Exactly one version each, and the values as the AWS CLI reads them.
        $destinations = $plan.DestinationName
        foreach ($d in $destinations) { Get-VersionCount $d | Should -Be 1 -Because $d }
        $read = Invoke-AwsCliParallel -Commands ($destinations | ForEach-Object { , @('secretsmanager', 'get-secret-value', '--secret-id', $_) })
        for ($i = 0; $i -lt $names.Count; $i++) { $read[$i].SecretString | Should -Be "fault-$($names[$i])" }

        $again = @($plan | Invoke-SecretMigration -Confirm:$false)
        @($again | Where-Object Status -NE 'Skipped') | Should -BeNullOrEmpty
        foreach ($d in $destinations) { Get-VersionCount $d | Should -Be 1 }
    }
}
