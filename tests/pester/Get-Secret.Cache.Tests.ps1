# The session's value cache behind Get-Secret: off by default, on per call or by configuration,
# keyed by store, connection, name and selector, forgotten on changes made through SecretsTools,
# and counted by the calls that reach the wire (ApiCallCounter).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    function Get-Calls([string] $Service, [string] $Operation) { [SecretsTools.Diagnostics.ApiCallCounter]::Get($Service, $Operation) }
    function Get-Total { [SecretsTools.Diagnostics.ApiCallCounter]::Total }
    function Reset-Calls { [SecretsTools.Diagnostics.ApiCallCounter]::Reset() }
    # Changes made behind SecretsTools' back, as another tool or a rotation would make them.
    function Set-SmValueBehindOurBack([string] $Name, [string] $Value) {
        $null = Invoke-AwsApi secretsmanager PutSecretValue @{ SecretId = $Name; SecretString = $Value }
    }
    function Set-SsmValueBehindOurBack([string] $Name, [string] $Value) {
        $null = Invoke-AwsApi ssm PutParameter @{ Name = $Name; Value = $Value; Type = 'SecureString'; Overwrite = $true }
    }
}
AfterAll {
    Clear-SecretCache
    Complete-SecretsToolsTest
}

Describe 'Get-Secret cache' {
    BeforeEach { Clear-SecretCache }

    It 'is off by default: every read calls AWS' {
        $name = New-TestName 'c'
        Set-Secret $name -Secret 'v1' -Confirm:$false
        Reset-Calls
        1..3 | ForEach-Object { Get-Secret $name -AsPlainText } | Should -Be @('v1', 'v1', 'v1')
        Get-Total | Should -Be 3
    }

    It 'serves 50 reads within the TTL with one value call (<Store>)' -ForEach @(
        @{ Store = 'SecretsManager'; Prefix = 'sm:'; Stem = '' }
        @{ Store = 'ParameterStore'; Prefix = 'ssm:'; Stem = '/' }
    ) {
        $name = "$Prefix$Stem$(New-TestName 'c')"
        Set-Secret $name -Secret 'cached-value' -Confirm:$false
        Reset-Calls
        $values = 1..50 | ForEach-Object { Get-Secret $name -CacheTtl 00:05:00 -AsPlainText }
        $values | Sort-Object -Unique | Should -Be 'cached-value'
        @($values).Count | Should -Be 50
        Get-Total | Should -Be 1
    }

    It 'returns SecureString by default from the cache too, and the same shapes as a fresh read' {
        $name = New-TestName 'c'
        Set-Secret $name -Secret '{"user":"u1","password":"p1"}' -Confirm:$false
        $null = Get-Secret $name -CacheTtl 00:05:00
        Reset-Calls
        Get-Secret $name -CacheTtl 00:05:00 | Should -BeOfType [securestring]
        (Get-Secret $name -CacheTtl 00:05:00 -AsHashtable -AsPlainText).password | Should -Be 'p1'
        Get-Secret "$name#user" -CacheTtl 00:05:00 -AsPlainText | Should -Be 'u1'
        Get-Total | Should -Be 0
    }

    It 'keys entries by name and version selector' {
        $name = "/$(New-TestName 'c')"
        Set-Secret "ssm:$name" -Secret 'first' -Confirm:$false
        Set-Secret "ssm:$name" -Secret 'second' -Confirm:$false
        Reset-Calls
        Get-Secret "ssm:${name}:1" -CacheTtl 00:05:00 -AsPlainText | Should -Be 'first'
        Get-Secret "ssm:$name" -CacheTtl 00:05:00 -AsPlainText | Should -Be 'second'
        Get-Secret "ssm:${name}:1" -CacheTtl 00:05:00 -AsPlainText | Should -Be 'first'
        Get-Secret "ssm:$name" -CacheTtl 00:05:00 -AsPlainText | Should -Be 'second'
        Get-Total | Should -Be 2
    }

    It 'keys entries by connection: another Region is another entry' {
        $name = New-TestName 'c'
        Set-Secret $name -Secret 'east' -Region us-east-1 -Confirm:$false
        Set-Secret $name -Secret 'west' -Region us-west-2 -Confirm:$false
        Reset-Calls
        Get-Secret $name -Region us-east-1 -CacheTtl 00:05:00 -AsPlainText | Should -Be 'east'
        Get-Secret $name -Region us-west-2 -CacheTtl 00:05:00 -AsPlainText | Should -Be 'west'
        Get-Secret $name -Region us-east-1 -CacheTtl 00:05:00 -AsPlainText | Should -Be 'east'
        Get-Total | Should -Be 2
    }

    It 'batches the names it does not hold: 25 names, 20 cached, one more call' {
        $stem = New-TestName 'cb'
        $names = 1..25 | ForEach-Object { "$stem-$_" }
        foreach ($n in $names) { $null = Invoke-AwsApi secretsmanager CreateSecret @{ Name = $n; SecretString = "v-$n" } }
        $null = Get-Secret $names[0..19] -CacheTtl 00:05:00
        Reset-Calls
        $values = Get-Secret $names -CacheTtl 00:05:00 -AsPlainText
        $values | Should -Be ($names | ForEach-Object { "v-$_" })
        Get-Total | Should -Be 1
        Get-Calls SecretsManager BatchGetSecretValue | Should -Be 1
    }

    It 'expires entries after the TTL' {
        $name = New-TestName 'c'
        Set-Secret $name -Secret 'old' -Confirm:$false
        $null = Get-Secret $name -CacheTtl 00:00:01
        Set-SmValueBehindOurBack $name 'new'
        Get-Secret $name -CacheTtl 00:00:01 -AsPlainText | Should -Be 'old'
        Start-Sleep -Milliseconds 1200
        Get-Secret $name -CacheTtl 00:00:01 -AsPlainText | Should -Be 'new'
    }

    It '-NoCache reads from AWS and keeps the fresh value for the next cached read' {
        $name = New-TestName 'c'
        Set-Secret $name -Secret 'old' -Confirm:$false
        $null = Get-Secret $name -CacheTtl 00:05:00
        Set-SmValueBehindOurBack $name 'new'
        Get-Secret $name -CacheTtl 00:05:00 -AsPlainText | Should -Be 'old'
        Get-Secret $name -CacheTtl 00:05:00 -NoCache -AsPlainText | Should -Be 'new'
        Reset-Calls
        Get-Secret $name -CacheTtl 00:05:00 -AsPlainText | Should -Be 'new'
        Get-Total | Should -Be 0
    }

    It 'Clear-SecretCache forgets one name, or everything' {
        $a = New-TestName 'c'; $b = "/$(New-TestName 'c')"
        Set-Secret $a -Secret 'a1' -Confirm:$false
        Set-Secret "ssm:$b" -Secret 'b1' -Confirm:$false
        $null = Get-Secret $a -CacheTtl 00:05:00
        $null = Get-Secret "ssm:$b" -CacheTtl 00:05:00
        Set-SmValueBehindOurBack $a 'a2'
        Set-SsmValueBehindOurBack $b 'b2'
        Clear-SecretCache "sm:$a"
        Get-Secret $a -CacheTtl 00:05:00 -AsPlainText | Should -Be 'a2'
        Get-Secret "ssm:$b" -CacheTtl 00:05:00 -AsPlainText | Should -Be 'b1'
        Clear-SecretCache
        Get-Secret "ssm:$b" -CacheTtl 00:05:00 -AsPlainText | Should -Be 'b2'
    }

    It 'a write through Set-Secret forgets the cached value (also one read by ARN)' {
        $name = New-TestName 'c'
        $arn = (Set-Secret $name -Secret 'before' -Confirm:$false -PassThru).Arn
        $null = Get-Secret $name -CacheTtl 00:05:00
        $null = Get-Secret $arn -CacheTtl 00:05:00
        Set-Secret $name -Secret 'after' -Confirm:$false
        Get-Secret $name -CacheTtl 00:05:00 -AsPlainText | Should -Be 'after'
        Get-Secret $arn -CacheTtl 00:05:00 -AsPlainText | Should -Be 'after'
    }

    It 'a field write, a delete and a restore forget the cached value' {
        $name = New-TestName 'c'
        Set-Secret $name -Secret '{"k":"1"}' -Confirm:$false
        $null = Get-Secret $name -CacheTtl 00:05:00
        Set-Secret "$name#k" -Secret '2' -Confirm:$false
        Get-Secret "$name#k" -CacheTtl 00:05:00 -AsPlainText | Should -Be '2'
        Remove-Secret $name -Force
        Get-Secret $name -CacheTtl 00:05:00 -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
        Get-ErrorIds $failed | Should -Not -BeNullOrEmpty
        Restore-Secret $name -Confirm:$false
        Set-SmValueBehindOurBack $name '{"k":"3"}'
        Get-Secret "$name#k" -CacheTtl 00:05:00 -AsPlainText | Should -Be '3'
    }

    It 'a copy forgets the destination''s cached value' {
        $source = New-TestName 'c'; $destination = "/$(New-TestName 'c')"
        Set-Secret $source -Secret 'from-source' -Confirm:$false
        Set-Secret "ssm:$destination" -Secret 'stale' -Confirm:$false
        $null = Get-Secret "ssm:$destination" -CacheTtl 00:05:00
        Copy-Secret $source -Destination "ssm:$destination" -Force -Confirm:$false | Out-Null
        Get-Secret "ssm:$destination" -CacheTtl 00:05:00 -AsPlainText | Should -Be 'from-source'
    }

    It '-RefreshIfChanged re-validates an old entry with one metadata call (<Store>)' -ForEach @(
        @{ Store = 'SecretsManager'; Prefix = 'sm:'; Stem = ''; Describe = 'DescribeSecret'; Service = 'SecretsManager' }
        @{ Store = 'ParameterStore'; Prefix = 'ssm:'; Stem = '/'; Describe = 'DescribeParameters'; Service = 'SSM' }
    ) {
        $bare = "$Stem$(New-TestName 'c')"
        $name = "$Prefix$bare"
        Set-Secret $name -Secret 'v1' -Confirm:$false
        $null = Get-Secret $name -CacheTtl 00:00:01 -RefreshIfChanged
        Start-Sleep -Milliseconds 1200
        Reset-Calls
        Get-Secret $name -CacheTtl 00:00:01 -RefreshIfChanged -AsPlainText | Should -Be 'v1'
        Get-Calls $Service $Describe | Should -Be 1
        Get-Total | Should -Be 1
        # Renewed: within the next TTL no call at all.
        Reset-Calls
        Get-Secret $name -CacheTtl 00:00:01 -RefreshIfChanged -AsPlainText | Should -Be 'v1'
        Get-Total | Should -Be 0
        # Changed: the check sees a new version and reads the value.
        if ($Store -eq 'SecretsManager') { Set-SmValueBehindOurBack $bare 'v2' } else { Set-SsmValueBehindOurBack $bare 'v2' }
        Start-Sleep -Milliseconds 1200
        Reset-Calls
        Get-Secret $name -CacheTtl 00:00:01 -RefreshIfChanged -AsPlainText | Should -Be 'v2'
        Get-Calls $Service $Describe | Should -Be 1
        Get-Total | Should -Be 2
    }

    It 'refuses a negative or too long TTL before any call' {
        Reset-Calls
        { Get-Secret 'whatever' -CacheTtl ([timespan]::FromSeconds(-1)) -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidCacheTtl*'
        { Get-Secret 'whatever' -CacheTtl ([timespan]::FromHours(13)) -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidCacheTtl*'
        # As text or seconds the value is checked while binding.
        { Get-Secret 'whatever' -CacheTtl '-00:00:01' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
        { Get-Secret 'whatever' -CacheTtl 90000 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*'
        Get-Total | Should -Be 0
    }

    It 'takes a number of seconds as -CacheTtl' {
        $name = New-TestName 'c'
        Set-Secret $name -Secret 'v' -Confirm:$false
        $null = Get-Secret $name -CacheTtl 300
        Reset-Calls
        Get-Secret $name -CacheTtl 300 -AsPlainText | Should -Be 'v'
        Get-Total | Should -Be 0
    }

    It 'uses the configured CacheTtl (Set-SecretsToolsConfiguration), and -CacheTtl 0 turns it off for a call' {
        $name = New-TestName 'c'
        Set-Secret $name -Secret 'conf' -Confirm:$false
        try {
            Set-SecretsToolsConfiguration -CacheTtl 00:05:00 -Confirm:$false
            $null = Get-Secret $name
            Reset-Calls
            Get-Secret $name -AsPlainText | Should -Be 'conf'
            Invoke-WithSecret -Environment @{ CONF_VALUE = "sm:$name" } { $env:CONF_VALUE } | Should -Be 'conf'
            Get-Total | Should -Be 0
            Get-Secret $name -CacheTtl 0 -AsPlainText | Should -Be 'conf'
            Get-Total | Should -Be 1
        }
        finally {
            Set-SecretsToolsConfiguration -CacheTtl $null -Confirm:$false
        }
        Reset-Calls
        $null = Get-Secret $name
        Get-Total | Should -Be 1
    }

    It 'never shows a cached value in verbose, debug or information records' {
        $sentinel = "SENTINEL-$([guid]::NewGuid().ToString('N'))"
        $name = New-TestName 'c'
        Set-Secret $name -Secret $sentinel -Confirm:$false
        $records = & {
            $null = Get-Secret $name -CacheTtl 00:05:00 -Verbose -Debug
            $null = Get-Secret $name -CacheTtl 00:05:00 -Verbose -Debug -InformationAction Continue
            Clear-SecretCache $name -Verbose
        } *>&1 | Where-Object { $_ -isnot [securestring] }
        @($records).Count | Should -BeGreaterThan 0
        ($records | Out-String) | Should -Match 'came from the session''s cache'
        ($records | Out-String) | Should -Not -Match $sentinel
    }
}
