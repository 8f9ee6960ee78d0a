# Import-Secret against moto: files and hashtables into both stores, values checked on the server
# itself, safe re-runs (counted calls), all-or-nothing input checks, and no value in any output.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:Sentinel = "SENTINEL-$([guid]::NewGuid().ToString('N'))"

    function New-ImportFile {
        # A file of that name in its own folder of $TestDrive, UTF-8 without BOM, text as given.
        param([Parameter(Mandatory)] [string] $Name, [Parameter(Mandatory)] [string] $Text)
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
        $path = Join-Path $folder $Name
        [System.IO.File]::WriteAllText($path, $Text, [System.Text.UTF8Encoding]::new($false))
        return $path
    }

    function Invoke-Captured {
        # Runs a command with every stream on and merged into one list, a terminating error included.
        param([Parameter(Mandatory)] [scriptblock] $Command)
        $InformationPreference = 'Continue'
        $VerbosePreference = 'Continue'
        $WarningPreference = 'Continue'
        $records = [System.Collections.Generic.List[object]]::new()
        try { foreach ($r in (& $Command *>&1)) { $records.Add($r) } }
        catch { $records.Add($_) }
        return , $records
    }

    function Get-RecordText {
        # Everything the records show or carry as text: messages, error details, targets, views.
        param($Records)
        $text = foreach ($r in $Records) {
            if ($r -is [System.Management.Automation.ErrorRecord]) { $r | Out-String; $r.Exception.ToString(); "$($r.ErrorDetails)"; "$($r.TargetObject)" }
            elseif ($r -is [System.Management.Automation.InformationalRecord]) { $r.Message }
            else { $r | Out-String; $r | Format-List * | Out-String }
        }
        return $text -join "`n"
    }

    # Values that break naive quoting, as a .env file writes them (DotEnvFormat's own quoting is
    # tested in xunit; this file is what a person might write).
    $script:EnvText = @"
# Database
export DB_USER=app
DB_PASSWORD="it's \"quoted\" \`$HOME \\ back\nslash"
API_KEY='single `$NOT_EXPANDED # not a comment'
SPACED=  trimmed bare value   # comment
UNICODE='clé 密 🔑'
SENTINEL=$Sentinel
"@
    $script:EnvExpected = [ordered]@{
        DB_USER     = 'app'
        DB_PASSWORD = "it's ""quoted"" `$HOME \ back`nslash"
        API_KEY     = 'single $NOT_EXPANDED # not a comment'
        SPACED      = 'trimmed bare value'
        UNICODE     = 'clé 密 🔑'
        SENTINEL    = $Sentinel
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Import-Secret from a .env file into Parameter Store' {
    BeforeAll {
        $script:Root = "/$(New-TestName 'imp')/app/"
        $script:EnvFile = New-ImportFile '.env' $EnvText
        $script:First = @(Import-Secret -Path $EnvFile -Prefix "ssm:$Root" -Confirm:$false)
    }

    It 'creates one SecureString parameter per entry under the prefix, with the exact values' {
        $First.Count | Should -Be $EnvExpected.Count
        $First | ForEach-Object { $_ | Should -BeOfType ([SecretsTools.Model.SecretImportResult]) }
        @($First | Where-Object Outcome -NE 'Created') | Should -BeNullOrEmpty
        $First.Name | Should -Be @($EnvExpected.Keys | ForEach-Object { "$Root$_" })
        $First[0].Store | Should -Be 'ParameterStore'
        $First[0].Region | Should -Be 'us-east-1'
        $First[0].Version | Should -Be '1'
        $First[1].Source | Should -Be "$($EnvFile):3"
        $server = Get-SsmParameterFromServer -Name @($EnvExpected.Keys | ForEach-Object { "$Root$_" })
        foreach ($key in $EnvExpected.Keys) {
            $server["$Root$key"].Value | Should -BeExactly $EnvExpected[$key] -Because $key
            $server["$Root$key"].Type | Should -Be 'SecureString'
        }
    }

    It 'writes nothing on a re-run: every entry Unchanged, read in one call per 10 names' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $again = @(Import-Secret -Path $EnvFile -Prefix "ssm:$Root" -Confirm:$false)
        @($again | Where-Object Outcome -NE 'Unchanged') | Should -BeNullOrEmpty
        $again.Version | Select-Object -Unique | Should -Be '1'
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SSM', 'GetParameters') | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SSM', 'PutParameter') | Should -Be 0
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 1
    }

    It 'writes only the entries whose value changed, as new versions' {
        $changed = $EnvText -replace 'DB_USER=app', 'DB_USER=app2'
        $results = @(Import-Secret -Path (New-ImportFile 'prod.env' $changed) -Prefix "ssm:$Root" -Confirm:$false)
        ($results | Where-Object Name -EQ "$($Root)DB_USER").Outcome | Should -Be 'Updated'
        ($results | Where-Object Name -EQ "$($Root)DB_USER").Version | Should -Be '2'
        @($results | Where-Object Outcome -EQ 'Unchanged').Count | Should -Be ($EnvExpected.Count - 1)
        (Get-SsmParameterFromServer "$($Root)DB_USER")["$($Root)DB_USER"].Value | Should -BeExactly 'app2'
    }

    It 'reads the current values 10 names a call, and writes only what is missing' {
        $prefix = "/$(New-TestName 'impb')/"
        # Seeded straight on the server: Parameter Store takes about 3 writes a second through SecretsTools.
        foreach ($i in 1..11) { $null = Invoke-AwsApi ssm PutParameter @{ Name = "$($prefix)K$i"; Value = "v$i"; Type = 'SecureString' } }
        $file = New-ImportFile 'many.env' ((1..12 | ForEach-Object { "K$_=v$_" }) -join "`n")
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $results = @(Import-Secret $file -Prefix $prefix -Store ParameterStore -Confirm:$false)
        @($results | Where-Object Outcome -EQ 'Unchanged').Count | Should -Be 11
        ($results | Where-Object Outcome -EQ 'Created').Name | Should -Be "$($prefix)K12"
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SSM', 'GetParameters') | Should -Be 2
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SSM', 'PutParameter') | Should -Be 1
    }
}

Describe 'Import-Secret -Type' {
    It 'writes String parameters with -Type String, and an existing parameter keeps its type without -Type' {
        $prefix = "ssm:/$(New-TestName 'impt')/"
        $name = $prefix.Substring(4) + 'URL'
        (Import-Secret -InputObject @{ URL = 'https://a' } -Prefix $prefix -Type String -Confirm:$false).Outcome | Should -Be 'Created'
        (Get-SsmParameterFromServer $name)[$name].Type | Should -Be 'String'
        (Import-Secret -InputObject @{ URL = 'https://b' } -Prefix $prefix -Confirm:$false).Outcome | Should -Be 'Updated'
        (Get-SsmParameterFromServer $name)[$name].Type | Should -Be 'String'
        # The same value with another -Type is a change of type.
        (Import-Secret -InputObject @{ URL = 'https://b' } -Prefix $prefix -Type String -Confirm:$false).Outcome | Should -Be 'Unchanged'
        (Import-Secret -InputObject @{ URL = 'https://b' } -Prefix $prefix -Type SecureString -Confirm:$false).Outcome | Should -Be 'Updated'
        $server = (Get-SsmParameterFromServer $name)[$name]
        $server.Type | Should -Be 'SecureString'
        $server.Value | Should -BeExactly 'https://b'
    }

    It 'refuses -Type for Secrets Manager before writing anything' {
        $prefix = "$(New-TestName 'impts')/"
        { Import-Secret -InputObject @{ A = 'x' } -Prefix $prefix -Store SecretsManager -Type String -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidParameterCombination,SecretsTools.Commands.ImportSecretCommand'
        Get-SmNamesFromServer $prefix | Should -BeNullOrEmpty
    }
}

Describe 'Import-Secret into Secrets Manager' {
    It 'imports a JSON file under a prefix, with every value exact' {
        $prefix = "$(New-TestName 'impj')/app/"
        $values = [ordered]@{ 'db-password' = "p'w""d`r`n`t\`$x``"; 'api.key' = 'clé 密 🔑'; SENTINEL = $Sentinel }
        $file = New-ImportFile 'secrets.json' ($values | ConvertTo-Json)
        $results = @(Import-Secret $file -Prefix "sm:$prefix" -Confirm:$false)
        $results.Outcome | Select-Object -Unique | Should -Be 'Created'
        $results.Name | Should -Be @($values.Keys | ForEach-Object { "$prefix$_" })
        $results[0].Store | Should -Be 'SecretsManager'
        foreach ($key in $values.Keys) { (Get-SmValueFromServer "$prefix$key").SecretString | Should -BeExactly $values[$key] -Because $key }

        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        @(Import-Secret $file -Prefix "sm:$prefix" -Confirm:$false | Where-Object Outcome -NE 'Unchanged') | Should -BeNullOrEmpty
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'BatchGetSecretValue') | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'PutSecretValue') | Should -Be 0
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'CreateSecret') | Should -Be 0
    }

    It 'updates a changed secret with one new version, keeping its description' {
        $name = "$(New-TestName 'impu')/db"
        Set-Secret $name -Secret 'old' -Description 'kept' -Confirm:$false
        $result = Import-Secret -InputObject @{ db = 'new' } -Prefix ($name -replace 'db$', '') -Store SecretsManager -Confirm:$false
        $result.Outcome | Should -Be 'Updated'
        $server = Get-SmValueFromServer $name
        $server.SecretString | Should -BeExactly 'new'
        $result.Version | Should -Be $server.VersionId
        $described = Get-SmSecretFromServer $name
        $described.Description | Should -Be 'kept'
        @($described.VersionIdsToStages.PSObject.Properties).Count | Should -Be 2
    }

    It 'imports a PowerShell data file without running what it holds' {
        $prefix = "$(New-TestName 'impd')/"
        $marker = Join-Path $TestDrive "ran-$([guid]::NewGuid().ToString('N'))"
        $good = New-ImportFile 'settings.psd1' "@{`n    'user' = 'app'`n    'password' = 'it''s `$(not run)'`n}`n"
        $results = @(Import-Secret $good -Prefix $prefix -Store SecretsManager -Confirm:$false)
        $results.Outcome | Should -Be @('Created', 'Created')
        (Get-SmValueFromServer "$($prefix)password").SecretString | Should -BeExactly "it's `$(not run)"

        $bad = New-ImportFile 'evil.psd1' "@{ a = 'x'; b = `$(New-Item -ItemType File -Path '$marker') }"
        Import-Secret $bad -Prefix "$($prefix)evil-" -Store SecretsManager -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'InvalidSecretFile'
        "$err" | Should -BeLike "*line 1: the value of 'b' is not a constant*"
        Test-Path $marker | Should -BeFalse
        Get-SmNamesFromServer "$($prefix)evil-" | Should -BeNullOrEmpty
    }

    It 'reports an entry that fails, writes the others, and names the entry' {
        $prefix = "$(New-TestName 'impf')/"
        Set-Secret "$($prefix)gone" -Secret 'x' -Confirm:$false
        Remove-Secret "$($prefix)gone" -Force
        $results = @(Import-Secret -InputObject ([ordered]@{ gone = $Sentinel; fine = 'ok' }) -Prefix $prefix -Store SecretsManager -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err)
        $results.Outcome | Should -Be @('Failed', 'Created')
        $results[0].Error | Should -Not -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].TargetObject | Should -Be "$($prefix)gone"
        "$err" | Should -Not -Match $Sentinel
        (Get-SmValueFromServer "$($prefix)fine").SecretString | Should -BeExactly 'ok'
    }
}

Describe 'Import-Secret from hashtables' {
    It 'takes strings and SecureStrings, piped or as -InputObject' {
        $prefix = "/$(New-TestName 'imph')/"
        $secure = ConvertTo-SecureString 'from-secure' -AsPlainText -Force
        $results = @(@{ A = 'plain' }, @{ B = $secure } | Import-Secret -Prefix $prefix -Store ParameterStore -Confirm:$false)
        $results += Import-Secret -InputObject @{ C = 'c' }, ([ordered]@{ D = 'd' }) -Prefix $prefix -Store ParameterStore -Confirm:$false
        $results.Outcome | Select-Object -Unique | Should -Be 'Created'
        $server = Get-SsmParameterFromServer -Name "$($prefix)A", "$($prefix)B", "$($prefix)C", "$($prefix)D"
        $server["$($prefix)A"].Value | Should -BeExactly 'plain'
        $server["$($prefix)B"].Value | Should -BeExactly 'from-secure'
        $server["$($prefix)D"].Value | Should -BeExactly 'd'
        $results[0].Source | Should -Be 'InputObject'
    }

    It 'refuses a value that is not a string, and writes nothing of any hashtable' {
        $prefix = "/$(New-TestName 'imhv')/"
        @{ GOOD = 'x' }, @{ PORT = 5432 } | Import-Secret -Prefix $prefix -Store ParameterStore -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err |
            Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'UnsupportedSecretType'
        "$err" | Should -BeLike "*'PORT' is a Int32*Nothing was imported.*"
        Get-SsmNamesUnderPath $prefix | Should -BeNullOrEmpty
    }
}

Describe 'Import-Secret checks all input before writing' {
    It '<Case> writes nothing, with the error <Id>' -ForEach @(
        @{ Case = 'a malformed line after good ones'; Id = 'InvalidSecretFile'; Like = "*line 3: this is not a NAME=value line. Nothing was imported."
            Files = @(@{ Name = 'a.env'; Text = "GOOD=1`nALSO=2`n{SENTINEL}`n" }) }
        @{ Case = 'an unclosed quote'; Id = 'InvalidSecretFile'; Like = "*line 2: the double-quoted value of 'B' is never closed.*"
            Files = @(@{ Name = 'a.env'; Text = "A=1`nB=`"{SENTINEL}`n" }) }
        @{ Case = 'a JSON value that is not a string'; Id = 'InvalidSecretFile'; Like = "*the value of 'nested' is an object*"
            Files = @(@{ Name = 'a.json'; Text = "{ `"good`": `"x`", `"nested`": { `"k`": `"{SENTINEL}`" } }" }) }
        @{ Case = 'invalid JSON'; Id = 'InvalidSecretFile'; Like = '*line 1: the file is not valid JSON*'
            Files = @(@{ Name = 'a.json'; Text = "{ `"good`": {SENTINEL} }" }) }
        @{ Case = 'a bad file among good ones'; Id = 'InvalidSecretFile'; Like = '*b.env*line 1*'
            Files = @(@{ Name = 'a.env'; Text = 'A=1' }, @{ Name = 'b.env'; Text = "1X={SENTINEL}" }) }
        @{ Case = 'a name the store refuses'; Id = 'InvalidSecretName'; Like = "*aws_key* (*a.env:2); nothing was imported."; NoPrefix = $true
            Files = @(@{ Name = 'a.env'; Text = "GOOD=1`naws_key={SENTINEL}" }) }
        @{ Case = 'an empty value'; Id = 'SecretValueEmpty'; Like = '*EMPTY*a.env:2*nothing was imported.'
            Files = @(@{ Name = 'a.env'; Text = "GOOD=1`nEMPTY=`n" }) }
        @{ Case = 'one name in two files'; Id = 'DuplicateSecretName'; Like = '*A'' is given twice (*a.env:1 and *b.env:1); nothing was imported.'
            Files = @(@{ Name = 'a.env'; Text = 'A=1' }, @{ Name = 'b.env'; Text = "A={SENTINEL}" }) }
        @{ Case = 'a name given twice in one file'; Id = 'InvalidSecretFile'; Like = "*line 2: 'A' is set again; it was first set on line 1.*"
            Files = @(@{ Name = 'a.env'; Text = "A=1`nA={SENTINEL}" }) }
        @{ Case = 'a file whose name tells no format'; Id = 'InvalidSecretFile'; Like = '*-Format DotEnv, Json or PowerShell.*'
            Files = @(@{ Name = 'a.env'; Text = 'A=1' }, @{ Name = 'notes.txt'; Text = "B={SENTINEL}" }) }
        @{ Case = 'a field reference as a name'; Id = 'InvalidSecretReference'; Like = "*'#' begins a field*"
            Files = @(@{ Name = 'a.json'; Text = "{ `"good`": `"x`", `"db#password`": `"{SENTINEL}`" }" }) }
    ) {
        $stem = "/$(New-TestName 'imc')/"
        # -ForEach data is made at discovery, before BeforeAll sets $Sentinel: it says {SENTINEL}.
        $paths = @(foreach ($f in $Files) { New-ImportFile $f.Name $f.Text.Replace('{SENTINEL}', $Sentinel) })
        $prefix = if ($NoPrefix) { '' } else { $stem }
        $records = Invoke-Captured { Import-Secret -Path $paths -Prefix $prefix -Store ParameterStore -Confirm:$false -ErrorAction Continue }
        $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        Get-ErrorIds $errors | Should -Be $Id
        "$($errors[0])" | Should -BeLike $Like
        @($records | Where-Object { $_ -is [SecretsTools.Model.SecretImportResult] }) | Should -BeNullOrEmpty
        Get-RecordText $records | Should -Not -Match $Sentinel
        if ($NoPrefix) { (Get-SsmParameterFromServer 'GOOD').Count | Should -Be 0 } else { Get-SsmNamesUnderPath $stem | Should -BeNullOrEmpty }
    }

    It 'a file that does not exist writes nothing' {
        $prefix = "/$(New-TestName 'imn')/"
        $good = New-ImportFile 'a.env' 'A=1'
        Import-Secret -Path $good, (Join-Path $TestDrive 'missing.env') -Prefix $prefix -Store ParameterStore -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Get-ErrorIds $err | Should -Be 'SecretFileNotFound'
        Get-SsmNamesUnderPath $prefix | Should -BeNullOrEmpty
    }

    It 'reads a file whose name tells no format with -Format, and files piped from Get-ChildItem' {
        $prefix = "/$(New-TestName 'imf')/"
        $file = New-ImportFile 'settings.txt' '{ "A": "1" }'
        (Import-Secret $file -Format Json -Prefix $prefix -Store ParameterStore -Confirm:$false).Outcome | Should -Be 'Created'
        $folder = Split-Path (New-ImportFile 'x.env' 'B=2')
        Set-Content -Path (Join-Path $folder 'y.env') -Value 'C=3'
        $results = @(Get-ChildItem (Join-Path $folder '*.env') | Import-Secret -Prefix $prefix -Store ParameterStore -Confirm:$false)
        $results.Name | Sort-Object | Should -Be @("$($prefix)B", "$($prefix)C")
    }
}

Describe 'Import-Secret -WhatIf and what it shows' {
    It 'writes and reads nothing with -WhatIf, naming each secret and never a value' {
        $prefix = "/$(New-TestName 'imw')/"
        $file = New-ImportFile '.env' $EnvText
        $run = Invoke-WithCapturedHost -Parameters @{ file = $file; prefix = $prefix } {
            param($file, $prefix)
            [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
            Import-Secret $file -Prefix "ssm:$prefix" -WhatIf -Verbose
            [SecretsTools.Diagnostics.ApiCallCounter]::Total
        }
        $run.Output[-1] | Should -Be 0
        @($run.HostLines -match '^What if: ').Count | Should -Be $EnvExpected.Count
        $run.HostLines | Should -Contain "What if: Performing the operation ""Import"" on target ""$($prefix)DB_PASSWORD (Parameter Store)""."
        $text = (@($run.HostLines) + @($run.Streams | ForEach-Object { "$_" }) + @($run.Errors | ForEach-Object { "$_" })) -join "`n"
        $text | Should -Not -Match $Sentinel
        Get-SsmNamesUnderPath $prefix | Should -BeNullOrEmpty
    }

    It 'shows no value in verbose output, results or their views' {
        $prefix = "$(New-TestName 'imv')/"
        $file = New-ImportFile '.env' $EnvText
        $records = Invoke-Captured {
            Import-Secret $file -Prefix $prefix -Store SecretsManager -Verbose -Confirm:$false
            Import-Secret $file -Prefix $prefix -Store SecretsManager -Verbose -Confirm:$false
        }
        $results = @($records | Where-Object { $_ -is [SecretsTools.Model.SecretImportResult] })
        $results.Count | Should -Be (2 * $EnvExpected.Count)
        @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -Not -BeNullOrEmpty
        Get-RecordText $records | Should -Not -Match $Sentinel
        ($results | ConvertTo-Json) | Should -Not -Match $Sentinel
        (Get-SmValueFromServer "$($prefix)SENTINEL").SecretString | Should -BeExactly $Sentinel
    }

    It 'has a table view that fits 80 columns and names the store' {
        $result = [SecretsTools.Model.SecretImportResult]@{ Name = '/app/prod/DB_PASSWORD'; Store = 'ParameterStore'; Outcome = 'Unchanged'; Version = '12' }
        $sm = [SecretsTools.Model.SecretImportResult]@{ Name = 'prod/app/api-key'; Store = 'SecretsManager'; Outcome = 'Created'; Version = 'ed99e25a-9519-56e6-a105-5619d4ca0b97' }
        $lines = $result, $sm | Get-ViewLines
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        ($lines[0] -split '\s+') | Should -Be @('Outcome', 'Name', 'Version')
        ($lines[2] -split '\s+') | Should -Be @('Unchanged', 'ssm:/app/prod/DB_PASSWORD', '12')
        ($lines[3] -split '\s+') | Should -Be @('Created', 'sm:prod/app/api-key', 'ed99e25a')
    }
}
