# New-SecretMigrationPlan against moto: grouping, naming, splitting, what the destination holds
# (Create, Skip, Update, Conflict and their reasons), the summary's figures, round trips through
# CSV and JSON, and that a plan reads only and shows no value anywhere.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest

    function New-TestParameter {
        # Straight to the server (no SecretsTools, no client-side pacing): the plan is what is tested.
        param([string] $Name, [string] $Value, [string] $Type = 'SecureString', [string] $Tier = 'Standard')
        $null = Invoke-AwsApi ssm PutParameter @{ Name = $Name; Value = $Value; Type = $Type; Tier = $Tier }
    }

    function Get-PlanSummary {
        param($InformationRecords)
        $records = @($InformationRecords | Where-Object { $_.Tags -contains 'SecretsTools.PlanSummary' })
        $records | Should -HaveCount 1
        $records[0].Tags | Should -Contain 'PSHOST'
        return $records[0].MessageData
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Grouping Parameter Store parameters into Secrets Manager secrets' {
    BeforeAll {
        $script:Stem = New-TestName 'mpg'
        New-TestParameter "/$Stem/prod/db/host" 'db.internal' -Type String
        New-TestParameter "/$Stem/prod/db/user" 'app'
        New-TestParameter "/$Stem/prod/db/password" 'pw-1'
        $script:Plan = @(New-SecretMigrationPlan -Path "/$Stem/prod" -Recurse -DestinationStore SecretsManager -GroupByDepth 3 -InformationVariable info -InformationAction Ignore)
        $script:Summary = Get-PlanSummary $info
    }

    It 'packs /x/prod/db/{host,user,password} at depth 3 into one secret x/prod/db, key i holding source i' {
        $Plan | Should -HaveCount 1
        $Plan[0] | Should -BeOfType ([SecretsTools.Model.SecretMigrationPlanItem])
        $Plan[0].DestinationName | Should -BeExactly "$Stem/prod/db"
        $Plan[0].DestinationStore | Should -Be 'SecretsManager'
        $Plan[0].SourceStore | Should -Be 'ParameterStore'
        $Plan[0].Action | Should -Be 'Create'
        $Plan[0].Keys | Should -BeExactly 'host;password;user'
        $Plan[0].SourceNames | Should -BeExactly "/$Stem/prod/db/host;/$Stem/prod/db/password;/$Stem/prod/db/user"
        $Plan[0].Type | Should -BeNullOrEmpty
    }

    It 'sums it up: 1 secret ($0.40 a month) beside 3 without grouping ($1.20)' {
        $Summary | Should -BeOfType ([SecretsTools.Model.SecretMigrationPlanSummary])
        $Summary.Items | Should -Be 1
        $Summary.Create | Should -Be 1
        $Summary.Conflict | Should -Be 0
        $Summary.SecretsAfter | Should -Be 1
        $Summary.SecretsWithoutGrouping | Should -Be 3
        $Summary.PricePerSecret | Should -Be 0.40
        $Summary.MonthlyCost | Should -Be 0.40
        $Summary.MonthlyCostWithoutGrouping | Should -Be 1.20
        $text = $Summary.ToString()
        $text | Should -Match 'Secrets Manager secrets\s+1\s+3'
        $text | Should -Match 'Monthly cost, \$0\.40 each\s+\$0\.40\s+\$1\.20'
        $text | Should -Match 'Grouping saves \$0\.80 a month'
    }

    It 'estimates the run''s calls and time at the quotas' {
        # One GetParameters for the 3 sources, one BatchGetSecretValue for the destination and one
        # to verify it, one CreateSecret: at 40, 100, 100 and 50 calls a second.
        $Summary.ApiCalls | Should -Be 4
        $Summary.EstimatedSeconds | Should -BeGreaterThan (1 / 40 + 2 / 100 + 1 / 50 - 0.0001)
        $Summary.EstimatedSeconds | Should -BeLessThan (1 / 40 + 2 / 100 + 1 / 50 + 0.0001)
    }

    It 'takes a price of its own' {
        $null = New-SecretMigrationPlan -Path "/$Stem/prod" -Recurse -DestinationStore SecretsManager -GroupByDepth 3 -PricePerSecret 1.5 -InformationVariable priced -InformationAction Ignore
        (Get-PlanSummary $priced).MonthlyCostWithoutGrouping | Should -Be 4.5
    }

    It 'keys deeper parameters by the rest of their path and keeps shallow ones one secret each' {
        $stem = New-TestName 'mpd'
        New-TestParameter "/$stem/db/host" 'h'
        New-TestParameter "/$stem/db/ro/user" 'ro'
        New-TestParameter "/$stem/flag" 'on' -Type String
        $plan = @(New-SecretMigrationPlan -Path "/$stem" -Recurse -DestinationStore SecretsManager -GroupByDepth 2 -DestinationPrefix mig -InformationAction Ignore)
        $plan | Should -HaveCount 2
        $plan[0].DestinationName | Should -BeExactly "mig/$stem/db"
        $plan[0].Keys | Should -BeExactly 'host;ro/user'
        $plan[0].SourceNames | Should -BeExactly "/$stem/db/host;/$stem/db/ro/user"
        $plan[1].DestinationName | Should -BeExactly "mig/$stem/flag"
        $plan[1].Keys | Should -BeExactly ''
    }

    It 'shows its summary on the host' {
        $run = Invoke-WithCapturedHost -Parameters @{ path = "/$Stem/prod" } {
            param($path) $null = New-SecretMigrationPlan -Path $path -Recurse -DestinationStore SecretsManager -GroupByDepth 3
        }
        $lines = @($run.HostLines -split '\r?\n')
        $lines | Should -Contain 'Migration plan to Secrets Manager: 1 item'
        $lines | Should -Contain '  Grouping saves $0.80 a month.'
    }
}

Describe 'Destination names' {
    BeforeAll {
        $script:Stem = New-TestName 'mpn'
        New-TestParameter "/$Stem/a/one" '1'
        New-TestParameter "/$Stem/a/two" '2'
    }

    It 'names each parameter''s secret after it, without the leading /' {
        $plan = @(New-SecretMigrationPlan -Path "ssm:/$Stem/a" -DestinationStore SecretsManager -InformationVariable info -InformationAction Ignore)
        $plan.DestinationName | Should -Be "$Stem/a/one", "$Stem/a/two"
        $plan.SourceNames | Should -Be "/$Stem/a/one", "/$Stem/a/two"
        $plan.Keys | Should -Be '', ''
        (Get-PlanSummary $info).MonthlyCost | Should -Be 0.80
    }

    It 'puts -DestinationPrefix in front, in the destination store''s form' {
        (New-SecretMigrationPlan -Name "ssm:/$Stem/a/one" -DestinationStore SecretsManager -DestinationPrefix 'moved' -InformationAction Ignore).DestinationName |
            Should -BeExactly "moved/$Stem/a/one"
        $toParameters = New-SecretMigrationPlan -Name "ssm:/$Stem/a/one" -DestinationStore ParameterStore -DestinationPrefix 'copy' -InformationAction Ignore
        $toParameters.DestinationName | Should -BeExactly "/copy/$Stem/a/one"
        $toParameters.Type | Should -Be 'SecureString'
    }

    It 'names destinations with -NameTransform, which gets the source name (or a group''s path) as $_' {
        $plan = @(New-SecretMigrationPlan -Path "/$Stem/a" -DestinationStore SecretsManager -NameTransform { 'renamed/' + ($_ -split '/')[-1] } -InformationAction Ignore)
        $plan.DestinationName | Should -Be 'renamed/one', 'renamed/two'
        $grouped = New-SecretMigrationPlan -Path "/$Stem" -Recurse -DestinationStore SecretsManager -GroupByDepth 2 -NameTransform { "g$_" } -InformationAction Ignore
        $grouped.DestinationName | Should -BeExactly "g/$Stem/a"
        $grouped.Keys | Should -BeExactly 'one;two'
    }

    It 'turns a failing transform into one error for that name, and plans the others' {
        $plan = @(New-SecretMigrationPlan -Path "/$Stem/a" -DestinationStore SecretsManager -InformationAction Ignore -ErrorVariable err -ErrorAction SilentlyContinue -NameTransform {
                if ($_ -like '*one') { throw 'no name for this one' } else { "t/$(($_ -split '/')[-1])" }
            })
        $plan.DestinationName | Should -BeExactly 't/two'
        Get-ErrorIds $err | Should -Be 'NameTransformFailed'
        $err[0].TargetObject | Should -BeExactly "/$Stem/a/one"
        $err[0].Exception.Message | Should -BeLike "*-NameTransform failed for '/$Stem/a/one'*no name for this one*"

        $null = New-SecretMigrationPlan -Name "ssm:/$Stem/a/one" -DestinationStore SecretsManager -NameTransform { 'x', 'y' } -InformationAction Ignore -ErrorVariable two -ErrorAction SilentlyContinue
        Get-ErrorIds $two | Should -Be 'NameTransformFailed'
        $two[0].Exception.Message | Should -BeLike '*returned 2 values*'
    }

    It 'makes a destination name its store refuses a Conflict, with the store''s reason' {
        $item = New-SecretMigrationPlan -Name "ssm:/$Stem/a/one" -DestinationStore SecretsManager -NameTransform { 'has space' } -InformationAction Ignore
        $item.Action | Should -Be 'Conflict'
        $item.Reason | Should -BeLike '*Secrets Manager names may contain only*'
    }

    It 'makes two sources onto one name both Conflicts, each naming the other' {
        $plan = @(New-SecretMigrationPlan -Path "/$Stem/a" -DestinationStore SecretsManager -NameTransform { 'same/name' } -InformationVariable info -InformationAction Ignore)
        $plan | Should -HaveCount 2
        $plan.Action | Should -Be 'Conflict', 'Conflict'
        $plan[0].Reason | Should -BeExactly "'same/name' is also the destination of '/$Stem/a/two'"
        $plan[1].Reason | Should -BeExactly "'same/name' is also the destination of '/$Stem/a/one'"
        (Get-PlanSummary $info).SecretsAfter | Should -Be 0
    }

    It 'makes a key used by two groups of one name a Conflict' {
        $stem = New-TestName 'mpk'
        New-TestParameter "/$stem/a/one" 'a1'
        New-TestParameter "/$stem/a/two" 'a2'
        New-TestParameter "/$stem/b/one" 'b1'
        $item = New-SecretMigrationPlan -Path "/$stem" -Recurse -DestinationStore SecretsManager -GroupByDepth 2 -NameTransform { 'merged' } -InformationAction Ignore
        $item.Action | Should -Be 'Conflict'
        $item.Keys | Should -BeExactly 'one;one;two'
        $item.Reason | Should -BeLike "*key 'one' is used twice*"
    }

    It 'makes a source planned onto itself a Conflict' {
        $item = @(New-SecretMigrationPlan -Name "ssm:/$Stem/a/one" -DestinationStore ParameterStore -InformationAction Ignore)
        $item.Action | Should -Be 'Conflict'
        $item.Reason | Should -BeLike '*the destination is the source itself*'
    }
}

Describe 'What the destination holds' {
    BeforeAll {
        $script:Stem = New-TestName 'mps'
        New-TestParameter "/$Stem/db/host" 'h1' -Type String
        New-TestParameter "/$Stem/db/user" 'u1'
        New-TestParameter "/$Stem/single" 'v1'
    }

    It 'skips a grouped secret that already holds the same keys, in another order and spacing' {
        Set-Secret "$Stem/db" -Secret '{ "user": "u1",  "host": "h1" }' -Confirm:$false | Out-Null
        $item = New-SecretMigrationPlan -Path "/$Stem" -Recurse -DestinationStore SecretsManager -GroupByDepth 2 -InformationAction Ignore |
            Where-Object DestinationName -EQ "$Stem/db"
        $item.Action | Should -Be 'Skip'
        $item.Reason | Should -BeLike '*already holds this content*'
    }

    It 'skips a single secret with the same value' {
        Set-Secret "$Stem/single" -Secret 'v1' -Confirm:$false | Out-Null
        (New-SecretMigrationPlan -Name "ssm:/$Stem/single" -DestinationStore SecretsManager -InformationAction Ignore).Action | Should -Be 'Skip'
    }

    It 'makes other content a Conflict, and an Update with -Force' {
        $name = "/$Stem/other"
        New-TestParameter $name 'new'
        Set-Secret $name.TrimStart('/') -Secret 'old' -Confirm:$false | Out-Null
        $conflict = New-SecretMigrationPlan -Name "ssm:$name" -DestinationStore SecretsManager -InformationAction Ignore
        $conflict.Action | Should -Be 'Conflict'
        $conflict.Reason | Should -BeLike '*exists with other content*-Force*'
        $forced = New-SecretMigrationPlan -Name "ssm:$name" -DestinationStore SecretsManager -Force -InformationVariable info -InformationAction Ignore
        $forced.Action | Should -Be 'Update'
        $summary = Get-PlanSummary $info
        $summary.Update | Should -Be 1
        $summary.SecretsAfter | Should -Be 1
        # The value Secrets Manager holds is still the old one: a plan writes nothing.
        (Get-SmValueFromServer $name.TrimStart('/')).SecretString | Should -BeExactly 'old'
    }

    It 'says how a StringList will be stored, without calling it a Conflict' {
        New-TestParameter "/$Stem/list" 'a,b,c' -Type StringList
        $item = New-SecretMigrationPlan -Name "ssm:/$Stem/list" -DestinationStore SecretsManager -InformationAction Ignore
        $item.Action | Should -Be 'Create'
        $item.Reason | Should -BeExactly 'StringList stored as comma-joined text'
        # Within Parameter Store it stays a StringList.
        $copy = New-SecretMigrationPlan -Name "ssm:/$Stem/list" -DestinationStore ParameterStore -DestinationPrefix /copy -InformationAction Ignore
        $copy.Type | Should -Be 'StringList'
        $copy.Reason | Should -BeNullOrEmpty
    }

    It 'keeps a Parameter Store source''s type, and makes Secrets Manager sources SecureString' {
        (New-SecretMigrationPlan -Name "ssm:/$Stem/db/host" -DestinationStore ParameterStore -DestinationPrefix /copy -InformationAction Ignore).Type | Should -Be 'String'
        (New-SecretMigrationPlan -Name "ssm:/$Stem/db/user" -DestinationStore ParameterStore -DestinationPrefix /copy -InformationAction Ignore).Type | Should -Be 'SecureString'
        (New-SecretMigrationPlan -Name "sm:$Stem/single" -DestinationStore ParameterStore -InformationAction Ignore).Type | Should -Be 'SecureString'
    }

    It 'makes a grouped value over 65,536 bytes a Conflict' {
        $stem = New-TestName 'mpo'
        $big = 'x' * 8000
        foreach ($i in 1..9) { New-TestParameter "/$stem/blob/p$i" $big -Tier Advanced }
        $item = New-SecretMigrationPlan -Path "/$stem" -Recurse -DestinationStore SecretsManager -GroupByDepth 2 -InformationAction Ignore
        $item.Keys | Should -BeExactly (@(1..9 | ForEach-Object { "p$_" }) -join ';')
        $item.Action | Should -Be 'Conflict'
        $item.Reason | Should -BeLike '*Secrets Manager takes at most 65536*'
    }
}

Describe 'Secrets Manager to Parameter Store' {
    BeforeAll {
        $script:Stem = New-TestName 'mpx'
        Set-Secret "$Stem/db" -Secret @{ host = 'h'; port = '5432' } -Confirm:$false | Out-Null
        Set-Secret "$Stem/token" -Secret 'plain-text' -Confirm:$false | Out-Null
        Set-Secret "$Stem/blob" -Secret ([byte[]](1, 2, 3)) -Confirm:$false | Out-Null
    }

    It 'splits a JSON secret into one parameter per key with -Split; other secrets stay one parameter' {
        $plan = @(New-SecretMigrationPlan -Name "$Stem/db", "$Stem/token" -Store SecretsManager -DestinationStore ParameterStore -Split -InformationVariable info -InformationAction Ignore)
        $plan.DestinationName | Should -Be "/$Stem/db/host", "/$Stem/db/port", "/$Stem/token"
        $plan.Keys | Should -Be 'host', 'port', ''
        $plan.SourceNames | Should -Be "$Stem/db", "$Stem/db", "$Stem/token"
        $plan.Type | Should -Be 'SecureString', 'SecureString', 'SecureString'
        $plan.Action | Should -Be 'Create', 'Create', 'Create'
        $summary = Get-PlanSummary $info
        $summary.MonthlyCost | Should -Be 0
        $summary.ToString() | Should -Match '3 parameters after the run'
    }

    It 'makes a binary secret a Conflict' {
        $item = New-SecretMigrationPlan -Name "sm:$Stem/blob" -DestinationStore ParameterStore -InformationAction Ignore
        $item.DestinationName | Should -BeExactly "/$Stem/blob"
        $item.Action | Should -Be 'Conflict'
        $item.Reason | Should -BeLike '*binary*Parameter Store holds text only*'
    }

    It 'checks values against the tier: a Conflict in Standard, a Create with -Tier Advanced' {
        Set-Secret "$Stem/large" -Secret ('y' * 5000) -Confirm:$false | Out-Null
        $standard = New-SecretMigrationPlan -Name "sm:$Stem/large" -DestinationStore ParameterStore -InformationAction Ignore
        $standard.Action | Should -Be 'Conflict'
        $standard.Reason | Should -BeLike '*5000 bytes*Standard tier takes at most 4096*'
        (New-SecretMigrationPlan -Name "sm:$Stem/large" -DestinationStore ParameterStore -Tier Advanced -InformationAction Ignore).Action | Should -Be 'Create'
    }
}

Describe 'Input' {
    BeforeAll {
        $script:Stem = New-TestName 'mpi'
        foreach ($i in 1..25) { New-TestParameter "/$Stem/p$i" "v$i" }
    }

    It 'takes Get-SecretInfo objects from the pipeline and plans them as -Path does' {
        $piped = @(Get-SecretInfo -Path "/$Stem" | New-SecretMigrationPlan -DestinationStore SecretsManager -InformationAction Ignore)
        $byPath = @(New-SecretMigrationPlan -Path "/$Stem" -DestinationStore SecretsManager -InformationAction Ignore)
        $piped | Should -HaveCount 25
        ($piped | ConvertTo-Json -EnumsAsStrings) | Should -BeExactly ($byPath | ConvertTo-Json -EnumsAsStrings)
    }

    It 'reads names in batches: 10 a GetParameters call, 20 destinations a BatchGetSecretValue call' {
        $names = 1..25 | ForEach-Object { "ssm:/$Stem/p$_" }
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $plan = @(New-SecretMigrationPlan -Name $names -DestinationStore SecretsManager -InformationAction Ignore)
        $plan | Should -HaveCount 25
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SSM', 'GetParameters') | Should -Be 3
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'BatchGetSecretValue') | Should -Be 2
    }

    It 'reads wildcards, and plans a name given twice once' {
        $plan = @(New-SecretMigrationPlan -Name "ssm:/$Stem/p1*", "ssm:/$Stem/p1" -DestinationStore SecretsManager -InformationAction Ignore)
        $plan.SourceNames | Sort-Object | Should -Be (@(1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19) | ForEach-Object { "/$Stem/p$_" } | Sort-Object)
    }

    It 'writes an error for a name that does not exist, and plans the rest' {
        $plan = @(New-SecretMigrationPlan -Name "ssm:/$Stem/p1", "ssm:/$Stem/missing" -DestinationStore SecretsManager -InformationAction Ignore -ErrorVariable err -ErrorAction SilentlyContinue)
        $plan.SourceNames | Should -BeExactly "/$Stem/p1"
        Get-ErrorIds $err | Should -Be 'SecretNotFound'
    }

    It 'refuses <Case> before reading anything' -ForEach @(
        @{ Case = '-GroupByDepth into Parameter Store'; Arguments = @{ Path = '/x'; DestinationStore = 'ParameterStore'; GroupByDepth = 2 } }
        @{ Case = '-Split into Secrets Manager'; Arguments = @{ Name = 'sm:x'; DestinationStore = 'SecretsManager'; Split = $true } }
        @{ Case = '-DestinationPrefix with -NameTransform'; Arguments = @{ Path = '/x'; DestinationStore = 'SecretsManager'; DestinationPrefix = 'p'; NameTransform = { $_ } } }
    ) {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        { New-SecretMigrationPlan @Arguments -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidParameterCombination*'
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
    }

    It 'refuses a Secrets Manager source with -GroupByDepth, and a #field' {
        $null = New-SecretMigrationPlan -Name 'sm:some/secret', "ssm:/$Stem/p1#k" -DestinationStore SecretsManager -GroupByDepth 1 -InformationAction Ignore -ErrorVariable err -ErrorAction SilentlyContinue
        Get-ErrorIds $err | Should -Be 'InvalidParameterCombination', 'InvalidParameterCombination'
    }
}

Describe 'Plans round-trip through CSV and JSON' {
    BeforeAll {
        $stem = New-TestName 'mpr'
        New-TestParameter "/$stem/db/host" 'h' -Type String
        New-TestParameter "/$stem/db/user" 'u'
        New-TestParameter "/$stem/list" 'a,b' -Type StringList
        Set-Secret "$stem/taken" -Secret 'other' -Confirm:$false | Out-Null
        New-TestParameter "/$stem/taken" 'mine'
        $script:Plan = @(New-SecretMigrationPlan -Path "/$stem" -Recurse -DestinationStore SecretsManager -GroupByDepth 2 -InformationAction Ignore)
        $script:Properties = [SecretsTools.Model.SecretMigrationPlanItem].GetProperties().Name
    }

    It 'has items of every kind to compare' {
        $Plan.Action | ForEach-Object ToString | Sort-Object -Unique | Should -Be 'Conflict', 'Create'
        @($Plan | Where-Object Keys).Count | Should -Be 1
        @($Plan | Where-Object Reason).Count | Should -Be 2
    }

    It 'gives back the same property values through Export-Csv and Import-Csv' {
        $file = Join-Path $TestDrive 'plan.csv'
        $Plan | Export-Csv $file
        $rows = @(Import-Csv $file)
        $rows | Should -HaveCount $Plan.Count
        for ($i = 0; $i -lt $Plan.Count; $i++) {
            foreach ($p in $Properties) { $rows[$i].$p | Should -BeExactly "$($Plan[$i].$p)" -Because "$p of item $i" }
        }
    }

    It 'gives back the same property values through ConvertTo-Json and ConvertFrom-Json' {
        $rows = @($Plan | ConvertTo-Json -EnumsAsStrings | ConvertFrom-Json)
        $plain = @($Plan | ConvertTo-Json | ConvertFrom-Json) # enums as numbers, which convert back
        for ($i = 0; $i -lt $Plan.Count; $i++) {
            foreach ($p in $Properties) { "$($rows[$i].$p)" | Should -BeExactly "$($Plan[$i].$p)" -Because "$p of item $i" }
            [SecretsTools.Model.SecretMigrationAction] $plain[$i].Action | Should -Be $Plan[$i].Action
            [SecretsTools.Model.SecretStoreKind] $plain[$i].DestinationStore | Should -Be $Plan[$i].DestinationStore
        }
    }
}

Describe 'The plan reads only, and shows no value' {
    It 'creates nothing on the server and makes no write call' {
        $stem = New-TestName 'mpw'
        New-TestParameter "/$stem/db/host" 'h'
        New-TestParameter "/$stem/db/user" 'u'
        Set-Secret "$stem/x" -Secret '{"k":"v"}' -Confirm:$false | Out-Null
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $null = New-SecretMigrationPlan -Path "/$stem" -Recurse -DestinationStore SecretsManager -GroupByDepth 2 -InformationAction Ignore
        $null = New-SecretMigrationPlan -Path "/$stem" -Recurse -DestinationStore ParameterStore -DestinationPrefix /copy -InformationAction Ignore
        $null = New-SecretMigrationPlan -Name "sm:$stem/x" -DestinationStore ParameterStore -Split -InformationAction Ignore
        $calls = [SecretsTools.Diagnostics.ApiCallCounter]::Snapshot().Keys
        $calls | Should -Not -BeNullOrEmpty
        foreach ($call in $calls) { ($call -split ':')[1] | Should -Match '^(Get|BatchGet|Describe|List)' }
        Get-SmNamesFromServer $stem | Should -Be "$stem/x"
        Get-SsmNamesUnderPath "/copy/$stem" | Should -BeNullOrEmpty
        Get-SsmNamesUnderPath "/$stem/x" | Should -BeNullOrEmpty
    }

    It 'shows the sentinel in no output, stream, view or exported file' {
        $sentinel = "SENTINEL-$(New-TestName)"
        $stem = New-TestName 'mpl'
        New-TestParameter "/$stem/db/password" $sentinel
        New-TestParameter "/$stem/db/list" "$sentinel,b" -Type StringList
        New-TestParameter "/$stem/alone" $sentinel
        Set-Secret "$stem/alone" -Secret "other-$sentinel" -Confirm:$false | Out-Null
        Set-Secret "$stem/json" -Secret @{ k = $sentinel } -Confirm:$false | Out-Null
        $records = & {
            New-SecretMigrationPlan -Path "/$stem" -Recurse -DestinationStore SecretsManager -GroupByDepth 2 -Verbose -InformationAction Continue
            New-SecretMigrationPlan -Path "/$stem" -Recurse -DestinationStore SecretsManager -Verbose -Force -InformationAction Continue
            New-SecretMigrationPlan -Name "sm:$stem/json", "sm:$stem/missing" -DestinationStore ParameterStore -Split -Verbose -InformationAction Continue -ErrorAction Continue -NameTransform { throw "bad $_" }
            New-SecretMigrationPlan -Name "sm:$stem/json" -DestinationStore ParameterStore -Split -Verbose -InformationAction Continue
        } *>&1
        @($records | Where-Object { $_ -is [SecretsTools.Model.SecretMigrationPlanItem] }).Count | Should -BeGreaterThan 4
        @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }).Count | Should -BeGreaterThan 0
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        foreach ($record in $records) {
            $shown = ($record | Out-String) + ($record | Format-List * -Force | Out-String) + "$record"
            if ($record -is [System.Management.Automation.InformationRecord]) { $shown += ($record.MessageData | Format-List * | Out-String) + "$($record.MessageData)" }
            $shown | Should -Not -BeLike "*$sentinel*"
        }
        $file = Join-Path $TestDrive 'leak.csv'
        $records | Where-Object { $_ -is [SecretsTools.Model.SecretMigrationPlanItem] } | Export-Csv $file
        Get-Content $file -Raw | Should -Not -BeLike "*$sentinel*"
    }
}

Describe 'The plan''s views' {
    BeforeAll {
        $stem = New-TestName 'mpv'
        New-TestParameter "/$stem/payments/db/host" 'h'
        New-TestParameter "/$stem/payments/db/password" 'p'
        New-TestParameter "/$stem/payments/hosts" 'a,b' -Type StringList
        Set-Secret "$stem/payments/api-key" -Secret 'old' -Confirm:$false | Out-Null
        New-TestParameter "/$stem/payments/api-key" 'new'
        $script:Plan = @(New-SecretMigrationPlan -Path "/$stem" -Recurse -DestinationStore SecretsManager -GroupByDepth 3 -InformationVariable info -InformationAction Ignore)
        $script:Summary = Get-PlanSummary $info
    }

    It 'fits the table in 80 columns, cutting nothing, the reasons and keys in full' {
        $lines = $Plan | Get-ViewLines
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because $_ }
        $lines -join "`n" | Should -Not -Match '…'
        $lines | Should -Contain '   Migration: ParameterStore to SecretsManager'
        # Each column's lines, read down the column, give its text in full.
        $header = $lines | Where-Object { $_ -match '^Action\s' }
        $column = { param($label) ($lines | Where-Object { $_ -notmatch '^(\s+Migration:|Action\s|-)' } | ForEach-Object { "$($_.PadRight(80).Substring($header.IndexOf($label), 22).Trim())" } | Where-Object { $_ }) -join ' ' }
        & $column 'Reason' | Should -Match "the destination exists with other content; -Force plans a new version StringList stored as comma-joined text"
        & $column 'Source' | Should -Match '2 keys: host, password'
    }

    It 'lists every member but a value' {
        $lines = $Plan[0] | Get-ViewLines -View List
        foreach ($label in 'Action', 'DestinationStore', 'DestinationName', 'SourceStore', 'SourceNames', 'Reason') {
            $lines | Where-Object { $_ -match "^$label\s*: " } | Should -Not -BeNullOrEmpty -Because $label
        }
    }

    It 'shows the summary as its text, within 80 columns' {
        $text = $Summary | Out-String -Width 80
        $text | Should -Match 'Migration plan to Secrets Manager: 3 items'
        $text -split '\r?\n' | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because $_ }
    }
}
