# Measure-SecretCost is local arithmetic: every expected figure below is computed in the test from
# the input objects and the prices, by the rules the help states, never typed in as a number.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest

    function Get-ExpectedCost {
        # The help's rules: (secrets + replicas) x price, Advanced x its price, charged reads / 10,000
        # x price for a 30-day month, and one secret with the group's most replicas as AsOneSecret.
        param([object[]] $Info, [double] $ReadsPerDay = 0, [decimal] $PricePerSecret = 0.40, [decimal] $PricePer10kCalls = 0.05,
            [decimal] $PricePerAdvanced = 0.05, [switch] $HigherThroughput)
        $secrets = @($Info | Where-Object Store -eq 'SecretsManager')
        $parameters = @($Info | Where-Object Store -eq 'ParameterStore')
        $replicas = [int](($secrets | ForEach-Object { $_.ReplicaRegions.Count } | Measure-Object -Sum).Sum)
        $maxReplicas = [int](($secrets | ForEach-Object { $_.ReplicaRegions.Count } | Measure-Object -Maximum).Maximum)
        $advanced = @($parameters | Where-Object Tier -eq 'Advanced').Count
        $reads = [decimal]$ReadsPerDay * 30
        $charged = $secrets.Count + $(if ($HigherThroughput) { $parameters.Count } else { 0 })
        $api = $charged * $reads / 10000 * $PricePer10kCalls
        $monthly = ($secrets.Count + $replicas) * $PricePerSecret + $advanced * $PricePerAdvanced + $api
        [pscustomobject]@{
            Secrets = $secrets.Count; Replicas = $replicas; Advanced = $advanced; Standard = $parameters.Count - $advanced
            Api = $api; Monthly = $monthly; AsOne = (1 + $maxReplicas) * $PricePerSecret + $reads / 10000 * $PricePer10kCalls
        }
    }

    function Assert-Cost {
        param($Row, $Expected)
        $Row.Secrets | Should -Be $Expected.Secrets
        $Row.Replicas | Should -Be $Expected.Replicas
        $Row.AdvancedParameters | Should -Be $Expected.Advanced
        $Row.StandardParameters | Should -Be $Expected.Standard
        $Row.ApiCost | Should -Be $Expected.Api
        $Row.MonthlyCost | Should -Be $Expected.Monthly
        $Row.AsOneSecret | Should -Be $Expected.AsOne
        $Row.Saving | Should -Be ($Expected.Monthly - $Expected.AsOne)
    }

    $script:Team = New-TestName 'cost'
    foreach ($n in 'a', 'b', 'c') { Set-Secret "sm:$Team/api/$n" -Secret "v-$n" -Confirm:$false | Out-Null }
    Set-Secret "sm:$Team/web/key" -Secret 'v' -Confirm:$false | Out-Null
    Set-Secret "ssm:/$Team/api/std" -Secret 'v' -Type String -Confirm:$false | Out-Null
    Set-Secret "ssm:/$Team/api/adv" -Secret 'v' -Type String -Tier Advanced -Confirm:$false | Out-Null
    Set-Secret "ssm:/$Team/web/list" -Secret @('x', 'y') -Confirm:$false | Out-Null
    $script:Info = @(Get-SecretInfo "sm:$Team/*") + @(Get-SecretInfo -Path "/$Team" -Recurse)
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Measure-SecretCost' {
    It 'prices real Get-SecretInfo output from both stores per prefix (-GroupByDepth 2)' {
        $Info | Should -HaveCount 7
        $rows = $Info | Measure-SecretCost -GroupByDepth 2 -ReadsPerDay 1440
        $rows | Should -HaveCount 2
        $rows[0] | Should -BeOfType ([SecretsTools.Model.SecretCostGroup])
        $rows.Group | Should -Be @("$Team/api/", "$Team/web/")
        foreach ($prefix in 'api', 'web') {
            $members = $Info | Where-Object { $_.Name.TrimStart('/').StartsWith("$Team/$prefix/") }
            Assert-Cost ($rows | Where-Object Group -eq "$Team/$prefix/") (Get-ExpectedCost $members -ReadsPerDay 1440)
        }
    }

    It 'gives one row for everything with -GroupByDepth 0, the sum of the prefixes' {
        $total = $Info | Measure-SecretCost -GroupByDepth 0 -ReadsPerDay 100
        $total.Group | Should -Be '/'
        Assert-Cost $total (Get-ExpectedCost $Info -ReadsPerDay 100)
        ($Info | Measure-SecretCost -GroupByDepth 2 -ReadsPerDay 100 | Measure-Object MonthlyCost -Sum).Sum | Should -Be $total.MonthlyCost
    }

    It 'bills each replica as a secret and takes other prices, with Parameter Store reads charged under -HigherThroughput' {
        $items = @(
            [SecretsTools.Model.SecretInfo]@{ Name = 'r/one'; Store = 'SecretsManager'; ReplicaRegions = @('eu-west-1', 'ap-south-1') }
            [SecretsTools.Model.SecretInfo]@{ Name = 'r/two'; Store = 'SecretsManager'; ReplicaRegions = @('eu-west-1') }
            [SecretsTools.Model.SecretInfo]@{ Name = '/r/p'; Store = 'ParameterStore'; Tier = 'Advanced' }
            [SecretsTools.Model.SecretInfo]@{ Name = '/r/q'; Store = 'ParameterStore'; Tier = 'Intelligent-Tiering' }
        )
        $row = $items | Measure-SecretCost -ReadsPerDay 250 -PricePerSecret 0.45 -PricePer10kCalls 0.06 -PricePerAdvancedParameter 0.07 -HigherThroughput
        $row.Group | Should -Be 'r/'
        $row.PricePerSecret | Should -Be 0.45
        Assert-Cost $row (Get-ExpectedCost $items -ReadsPerDay 250 -PricePerSecret 0.45 -PricePer10kCalls 0.06 -PricePerAdvanced 0.07 -HigherThroughput)
        $row.SecretsManagerStorage | Should -Be ((2 + 3) * 0.45)
        $free = $items | Measure-SecretCost -ReadsPerDay 250
        Assert-Cost $free (Get-ExpectedCost $items -ReadsPerDay 250)
        $free.ApiCost | Should -BeLessThan $row.ApiCost
    }

    It 'counts replicas where Get-SecretInfo loaded them (-IncludeReplicas), warns where a listing did not, and counts a replica or a repeat once' {
        $name = "$Team/rep/db"
        Set-Secret "sm:$name" -Secret 'v' -Confirm:$false | Out-Null
        Add-SecretReplica $name -ReplicaRegion eu-west-1 -Confirm:$false
        $listed = @(Get-SecretInfo "sm:$Team/rep/*")
        $null -eq $listed[0].Replicas | Should -BeTrue
        $row = $listed | Measure-SecretCost -GroupByDepth 0 -WarningVariable warned -WarningAction SilentlyContinue
        $row.Replicas | Should -Be 0
        "$warned" | Should -Match '1 secret\(s\) came from a listing.*-IncludeReplicas'
        $loaded = @(Get-SecretInfo "sm:$Team/rep/*" -IncludeReplicas)
        $loaded[0].Replicas.Region | Should -Be 'eu-west-1'
        # The replica as listed in its own Region, and the primary piped twice: still one secret, one replica.
        $inReplica = Get-SecretInfo "sm:$name" -Region eu-west-1
        $inReplica.PrimaryRegion | Should -Be 'us-east-1'
        $row = @($loaded) + @($loaded) + @($inReplica) | Measure-SecretCost -GroupByDepth 0 -WarningVariable none
        $none | Should -BeNullOrEmpty
        Assert-Cost $row (Get-ExpectedCost $loaded)
        $row.Replicas | Should -Be 1
        # The replica alone (its primary not piped in) is still billed: one secret-month, and said.
        $alone = $inReplica | Measure-SecretCost -GroupByDepth 0 -WarningVariable orphan -WarningAction SilentlyContinue
        $alone.Secrets | Should -Be 1
        $alone.MonthlyCost | Should -Be 0.40
        "$orphan" | Should -Match '1 replica\(s\) came without their primary'
        Remove-SecretReplica $name -ReplicaRegion eu-west-1 -Force -Confirm:$false
    }

    It 'groups by the first N segments, never a name by itself, top-level names under /' {
        $names = '/a/b/c', 'a/b/d', '/a/x', 'top', '/solo'
        $items = $names | ForEach-Object { [SecretsTools.Model.SecretInfo]@{ Name = $_; Store = 'ParameterStore'; Tier = 'Standard' } }
        ($items | Measure-SecretCost -GroupByDepth 1).Group | Should -Be @('/', 'a/')
        ($items | Measure-SecretCost -GroupByDepth 5).Group | Should -Be @('/', 'a/', 'a/b/')
        (($items | Measure-SecretCost -GroupByDepth 5) | Where-Object Group -eq 'a/b/').StandardParameters | Should -Be 2
    }

    It 'prices a migration plan as its destinations, matching the plan''s own summary' {
        $plan = New-SecretMigrationPlan -Path "/$Team" -Recurse -DestinationStore SecretsManager -GroupByDepth 2 -InformationVariable info -InformationAction SilentlyContinue
        $summary = ($info | Where-Object { $_.MessageData -is [SecretsTools.Model.SecretMigrationPlanSummary] }).MessageData
        $items = @($plan | Where-Object { $_ -is [SecretsTools.Model.SecretMigrationPlanItem] })
        $cost = $items | Measure-SecretCost -GroupByDepth 0
        $cost.Secrets | Should -Be @($items | Where-Object Action -ne 'Conflict').Count
        $cost.MonthlyCost | Should -Be $summary.MonthlyCost
        $csv = Join-Path $TestDrive 'plan.csv'
        $items | Export-Csv $csv
        (Import-Csv $csv | Measure-SecretCost -GroupByDepth 0).MonthlyCost | Should -Be $summary.MonthlyCost
    }

    It 'reports other input as UnsupportedInputObject and counts the rest' {
        $rows = @('not a secret', $Info[0]) | Measure-SecretCost -GroupByDepth 0 -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'UnsupportedInputObject*'
        $failures[0].TargetObject | Should -Be 'not a secret'
        ($rows.Secrets + $rows.StandardParameters + $rows.AdvancedParameters) | Should -Be 1
    }

    It 'shows a table with dollars to 2 decimals' {
        $lines = $Info | Measure-SecretCost -GroupByDepth 2 | Format-Table | Out-String -Width 200
        $lines | Should -Match 'Group\s+Secrets\s+Replicas\s+Standard\s+Advanced\s+Storage\s+Api\s+Monthly\s+AsOneSecret\s+Saving'
        $lines | Should -Match ([regex]::Escape("$Team/api/"))
        $api = Get-ExpectedCost ($Info | Where-Object { $_.Name.TrimStart('/').StartsWith("$Team/api/") })
        $lines | Should -Match ([regex]::Escape("$Team/api/") + '.*\s' + [regex]::Escape($api.Monthly.ToString('0.00', [cultureinfo]::InvariantCulture)) + '\s')
    }
}
