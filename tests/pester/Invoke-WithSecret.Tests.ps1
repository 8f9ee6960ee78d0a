# Invoke-WithSecret against moto: variables set for the run and restored after it (also on error
# and on stop), batching counted on the wire, names from paths and prefixes, JSON expansion,
# collisions refused before anything runs, programs with their exit codes, and no leaks.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    function Get-Calls([string] $Service, [string] $Operation) { [SecretsTools.Diagnostics.ApiCallCounter]::Get($Service, $Operation) }
    function Reset-Calls { [SecretsTools.Diagnostics.ApiCallCounter]::Reset() }
    $script:Sm = New-TestName 'iw'
    $script:Ps = "/$(New-TestName 'iw')"
    Set-Secret "$Sm/db" -Secret '{"username":"app","password":"pw-json","port":5432}' -Confirm:$false
    Set-Secret "$Sm/api-token" -Secret 'tok-1' -Confirm:$false
    Set-Secret "ssm:$Ps/db-password" -Secret 'pw-ssm' -Confirm:$false
    Set-Secret "ssm:$Ps/service/url" -Secret 'svc.internal' -Type String -Confirm:$false
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Invoke-WithSecret -Environment' {
    It 'sets the variables for the script block only, and restores earlier values and absence' {
        $env:IW_KEEP = 'before'
        Remove-Item Env:IW_NEW -ErrorAction SilentlyContinue
        $seen = Invoke-WithSecret -Environment @{ IW_KEEP = "sm:$Sm/db#password"; IW_NEW = "ssm:$Ps/db-password" } { "$env:IW_KEEP|$env:IW_NEW" }
        $seen | Should -Be 'pw-json|pw-ssm'
        $env:IW_KEEP | Should -Be 'before'
        Test-Path Env:IW_NEW | Should -BeFalse
        Remove-Item Env:IW_KEEP
    }

    It 'reads every reference in batches before running: 12 Parameter Store names, 2 GetParameters calls' {
        $stem = "/$(New-TestName 'iwb')"
        foreach ($i in 1..12) { $null = Invoke-AwsApi ssm PutParameter @{ Name = "$stem/p$i"; Value = "v$i"; Type = 'SecureString' } }
        $map = @{}; foreach ($i in 1..12) { $map["IWB_$i"] = "ssm:$stem/p$i" }
        Reset-Calls
        $seen = Invoke-WithSecret -Environment $map { 1..12 | ForEach-Object { [Environment]::GetEnvironmentVariable("IWB_$_") } }
        $seen | Should -Be (1..12 | ForEach-Object { "v$_" })
        Get-Calls SSM GetParameters | Should -Be 2
        Get-Calls SSM GetParameter | Should -Be 0
    }

    It 'restores the variables when the script block throws' {
        Remove-Item Env:IW_THROW -ErrorAction SilentlyContinue
        { Invoke-WithSecret -Environment @{ IW_THROW = "sm:$Sm/api-token" } { throw 'boom' } } | Should -Throw '*boom*'
        Test-Path Env:IW_THROW | Should -BeFalse
    }

    It 'restores the variables when the run is stopped (Ctrl+C)' {
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
            param($module, $reference)
            Import-Module $module
            Invoke-WithSecret -Environment @{ IW_STOP = $reference } { 'started'; Start-Sleep -Seconds 30 }
        }).AddArgument((Get-Module SecretsTools).Path).AddArgument("sm:$Sm/api-token")
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $async = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        $deadline = [DateTime]::UtcNow.AddSeconds(20)
        while ($output.Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        [Environment]::GetEnvironmentVariable('IW_STOP') | Should -Be 'tok-1'
        $ps.Stop()
        [Environment]::GetEnvironmentVariable('IW_STOP') | Should -BeNullOrEmpty
        $ps.Dispose()
    }

    It 'passes -ArgumentList to the script block' {
        Invoke-WithSecret -Environment @{ IW_A = "sm:$Sm/api-token" } { param($x, $y) "$x-$y-$env:IW_A" } -ArgumentList 1, 2 | Should -Be '1-2-tok-1'
    }

    It 'expands a JSON secret into NAME_KEY variables with -ExpandJson' {
        $seen = Invoke-WithSecret -Environment @{ DB = "sm:$Sm/db" } -ExpandJson { "$env:DB_USERNAME|$env:DB_PASSWORD|$env:DB_PORT|$env:DB" }
        $seen | Should -Be 'app|pw-json|5432|'
    }

    It 'runs nothing when a reference cannot be read, with one error per missing name' {
        $script:ran = $false
        $stopped = $null
        try { Invoke-WithSecret -Environment @{ A = "sm:$Sm/missing-1"; B = "sm:$Sm/api-token"; C = "ssm:$Ps/missing-2" } { $script:ran = $true } -ErrorVariable errors -ErrorAction SilentlyContinue }
        catch { $stopped = $_ }
        $stopped.FullyQualifiedErrorId | Should -BeLike 'SecretsUnavailable*'
        $script:ran | Should -BeFalse
        $ids = Get-ErrorIds $errors
        @($ids | Where-Object { $_ -like 'SecretNotFound*' }).Count | Should -Be 2
    }

    It 'refuses a value that is not a reference, and an invalid variable name, before any call' {
        Reset-Calls
        { Invoke-WithSecret -Environment @{ A = 42 } { } } | Should -Throw -ErrorId 'InvalidSecretReference*'
        { Invoke-WithSecret -Environment @{ 'A=B' = "sm:$Sm/api-token" } { } } | Should -Throw -ErrorId 'InvalidEnvironmentName*'
        { Invoke-WithSecret { } } | Should -Throw -ErrorId 'InvalidParameterCombination*'
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
    }

    It 'refuses a binary secret with SecretNotText' {
        $name = New-TestName 'iwbin'
        $null = Invoke-AwsApi secretsmanager CreateSecret @{ Name = $name; SecretBinary = [Convert]::ToBase64String([byte[]](1, 2, 3)) }
        $stopped = $null
        try { Invoke-WithSecret -Environment @{ BIN = "sm:$name" } { } -ErrorVariable failed -ErrorAction SilentlyContinue } catch { $stopped = $_ }
        $stopped.FullyQualifiedErrorId | Should -BeLike 'SecretsUnavailable*'
        Get-ErrorIds $failed | Should -Contain 'SecretNotText'
    }
}

Describe 'Invoke-WithSecret -Path and -Prefix' {
    It 'maps every value under a Parameter Store path to a variable named relative to it' {
        $seen = Invoke-WithSecret -Path $Ps -Recurse { "$env:DB_PASSWORD|$env:SERVICE_URL" }
        $seen | Should -Be 'pw-ssm|svc.internal'
    }

    It 'reads one level without -Recurse' {
        Invoke-WithSecret -Path $Ps { "$env:DB_PASSWORD|$([Environment]::GetEnvironmentVariable('SERVICE_URL'))" } | Should -Be 'pw-ssm|'
    }

    It 'maps a Secrets Manager prefix, expanding JSON into DB_PASSWORD, or PREFIX_DB_PASSWORD with -FullName' {
        Invoke-WithSecret -Prefix "$Sm/" -ExpandJson { "$env:DB_PASSWORD|$env:API_TOKEN" } | Should -Be 'pw-json|tok-1'
        $full = ($Sm -replace '[^A-Za-z0-9]+', '_').ToUpperInvariant()
        Invoke-WithSecret -Prefix "$Sm/" -ExpandJson -FullName { [Environment]::GetEnvironmentVariable("${full}_DB_PASSWORD") } | Should -Be 'pw-json'
    }

    It 'lets -NameTransform choose the names' {
        Invoke-WithSecret -Path $Ps -Recurse -NameTransform { "X_$($_ -replace '\W', '')" } { "$env:X_dbpassword|$env:X_serviceurl" } | Should -Be 'pw-ssm|svc.internal'
    }

    It 'refuses a name collision before anything runs' {
        $script:ranCollision = $false
        { Invoke-WithSecret -Path $Ps -Recurse -NameTransform { 'SAME' } { $script:ranCollision = $true } } | Should -Throw -ErrorId 'NameCollision*'
        $ranCollision | Should -BeFalse
        { Invoke-WithSecret -Environment @{ DB_PASSWORD = "sm:$Sm/api-token" } -Path $Ps { } } | Should -Throw -ErrorId 'NameCollision*'
        Test-Path Env:DB_PASSWORD | Should -BeFalse
    }

    It 'runs nothing when a path holds nothing' {
        { Invoke-WithSecret -Path "/$(New-TestName 'empty')" { 'ran' } } | Should -Throw -ErrorId 'SecretNotFound*'
    }
}

Describe 'Invoke-WithSecret -FilePath' {
    It 'runs a program with the variables, returns its output and sets $LASTEXITCODE' {
        $output = Invoke-WithSecret -Environment @{ IW_PROG = "sm:$Sm/api-token" } -FilePath sh -ArgumentList '-c', 'echo "got:$IW_PROG"; exit 7'
        $output | Should -Be 'got:tok-1'
        $LASTEXITCODE | Should -Be 7
        Test-Path Env:IW_PROG | Should -BeFalse
    }
}

Describe 'Invoke-WithSecret never shows values' {
    It 'keeps a sentinel out of verbose, debug, information, warning and error records' {
        $sentinel = "SENTINEL-$([guid]::NewGuid().ToString('N'))"
        $name = New-TestName 'iwleak'
        Set-Secret $name -Secret $sentinel -Confirm:$false
        $records = & {
            Invoke-WithSecret -Environment @{ IW_LEAK = "sm:$name" } { 'inside' } -Verbose -Debug -InformationAction Continue
            try { Invoke-WithSecret -Environment @{ IW_LEAK = "sm:$name"; IW_MISSING = "sm:$name-missing" } { } -Verbose -ErrorAction SilentlyContinue -ErrorVariable e } catch { $_ }
            $e
            Invoke-WithSecret -Environment @{ IW_LEAK = "sm:$name" } -ExpandJson { 'not json: one variable' } -Verbose
        } *>&1
        @($records).Count | Should -BeGreaterThan 2
        ($records | Out-String) | Should -Match 'IW_LEAK'
        ($records | Out-String) | Should -Not -Match $sentinel
        foreach ($r in $records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) {
            ($r.InvocationInfo | Out-String) | Should -Not -Match $sentinel
            "$($r.Exception)" | Should -Not -Match $sentinel
        }
    }
}
