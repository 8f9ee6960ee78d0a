# Export-Secret against moto: the three formats with values that need quoting, checked by reading
# them back with independent readers; names, JSON expansion, plain text only when asked, owner-only
# atomic files, batching, failures that write nothing, and no leaks.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    function Get-Calls([string] $Service, [string] $Operation) { [SecretsTools.Diagnostics.ApiCallCounter]::Get($Service, $Operation) }
    function Reset-Calls { [SecretsTools.Diagnostics.ApiCallCounter]::Reset() }
    $script:Ps = "/$(New-TestName 'ex')"
    $script:Sm = New-TestName 'ex'
    # Values every format has to quote or escape.
    $script:Nasty = [ordered]@{
        'plain'     = 'simple-value_1.2:3@x+y'
        'quotes'    = "it's a `"quoted`" value"
        'newlines'  = "line1`nline2`r`nline3"
        'dollar'    = 'cost $HOME ${PATH} `tick` \back\slash'
        'hash'      = 'a # not a comment = b'
        'unicode'   = "naïve café `u{2018}curly`u{2019} `u{201E}low`u{201C} 日本"
        'spaces'    = '  padded  '
        'tab'       = "a`tb"
    }
    foreach ($k in $Nasty.Keys) { $null = Invoke-AwsApi ssm PutParameter @{ Name = "$Ps/$k"; Value = $Nasty[$k]; Type = 'SecureString' } }
    Set-Secret "$Sm/db" -Secret '{"username":"app","password":"p\"w"}' -Confirm:$false
    Set-Secret "$Sm/token" -Secret 'tok' -Confirm:$false
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) (New-TestName 'exdir')
    New-Item -ItemType Directory -Path $Work | Out-Null
    function Read-DotEnvWithBash([string] $Path, [string[]] $Names) {
        # An independent reader of the single-quoted and bare forms: bash itself (double-quoted
        # values are dotenv escapes, which bash does not share, so only names without them are asked).
        $script = ". '$Path'; " + (($Names | ForEach-Object { "printf '%s\0' `"`$$_`"" }) -join '; ')
        $bytes = & bash -c $script
        return ($bytes -join "`n") -split "`0" | Select-Object -First $Names.Count
    }
}
AfterAll {
    Remove-Item $Work -Recurse -Force -ErrorAction SilentlyContinue
    Complete-SecretsToolsTest
}

Describe 'Export-Secret formats' {
    It 'round-trips every value through PowerShell and Import-PowerShellDataFile' {
        $file = Join-Path $Work 'all.psd1'
        Export-Secret "ssm:$Ps/*" -Format PowerShell -Path $file -AsPlainText
        $data = Import-PowerShellDataFile $file
        foreach ($k in $Nasty.Keys) { $data[$k.ToUpperInvariant()] | Should -BeExactly $Nasty[$k] }
        $data.Count | Should -Be $Nasty.Count
    }

    It 'round-trips every value through Json and ConvertFrom-Json' {
        $json = Export-Secret "ssm:$Ps/*" -Format Json -AsPlainText | ConvertFrom-Json -AsHashtable
        foreach ($k in $Nasty.Keys) { $json[$k.ToUpperInvariant()] | Should -BeExactly $Nasty[$k] }
    }

    It 'writes .env values that bash reads back exactly, where bash and dotenv agree' {
        $file = Join-Path $Work 'simple.env'
        Export-Secret "ssm:$Ps/*" -Path $file -AsPlainText
        $text = Get-Content $file -Raw
        $text | Should -Match "(?m)^PLAIN=simple-value_1\.2:3@x\+y$"
        $text | Should -Match "(?m)^HASH='a # not a comment = b'$"
        $text | Should -Match "(?m)^QUOTES=`"it's a \\`"quoted\\`" value`"$"
        $text | Should -Match "(?m)^NEWLINES=`"line1\\nline2\\r\\nline3`"$"
        $text | Should -Match '(?m)^DOLLAR=''cost \$HOME \$\{PATH\} `tick` \\back\\slash''$'
        $names = 'PLAIN', 'HASH', 'DOLLAR', 'UNICODE', 'SPACES'
        $values = Read-DotEnvWithBash $file $names
        for ($i = 0; $i -lt $names.Count; $i++) { $values[$i] | Should -BeExactly $Nasty[$names[$i].ToLowerInvariant()] }
    }

    It 'round-trips every value through each format: Export-Secret, then Import-Secret into another path' -ForEach @(
        @{ Format = 'DotEnv'; File = 'rt.env' }
        @{ Format = 'Json'; File = 'rt.json' }
        @{ Format = 'PowerShell'; File = 'rt.psd1' }
    ) {
        $file = Join-Path $Work $File
        $target = "/$(New-TestName 'rt')/"
        Export-Secret "ssm:$Ps/*" -Format $Format -Path $file -AsPlainText
        $results = Import-Secret -Path $file -Store ParameterStore -Prefix $target -Confirm:$false
        @($results | Where-Object Outcome -EQ 'Created').Count | Should -Be $Nasty.Count
        $stored = Get-SsmParameterFromServer -Name ($Nasty.Keys | ForEach-Object { $target + $_.ToUpperInvariant() })
        foreach ($k in $Nasty.Keys) { $stored[$target + $k.ToUpperInvariant()].Value | Should -BeExactly $Nasty[$k] }
    }

    It 'outputs a SecureString without -AsPlainText, and refuses a file without it before any call' {
        Export-Secret "sm:$Sm/token" | Should -BeOfType [securestring]
        Reset-Calls
        { Export-Secret "sm:$Sm/token" -Path (Join-Path $Work 'x.env') } | Should -Throw -ErrorId 'AsPlainTextRequired*'
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
        Test-Path (Join-Path $Work 'x.env') | Should -BeFalse
    }
}

Describe 'Export-Secret names and content' {
    It 'exports one entry per key of a JSON secret, named from the full name' {
        $prefix = ($Sm -replace '[^A-Za-z0-9]+', '_').ToUpperInvariant()
        $json = Export-Secret "sm:$Sm/db", "sm:$Sm/token" -Format Json -AsPlainText | ConvertFrom-Json -AsHashtable
        $json["${prefix}_DB_USERNAME"] | Should -Be 'app'
        $json["${prefix}_DB_PASSWORD"] | Should -Be 'p"w'
        $json["${prefix}_TOKEN"] | Should -Be 'tok'
        $json.Count | Should -Be 3
    }

    It 'names a wildcard''s matches relative to its fixed part; -NoExpandJson keeps JSON whole' {
        $json = Export-Secret "sm:$Sm/*" -Format Json -AsPlainText -NoExpandJson | ConvertFrom-Json -AsHashtable
        @($json.Keys | Sort-Object) | Should -Be @('DB', 'TOKEN')
        ($json['DB'] | ConvertFrom-Json).username | Should -Be 'app'
    }

    It 'takes SecretInfo objects from the pipeline, and -NameTransform names' {
        $json = Get-SecretInfo -Path $Ps | Export-Secret -Format Json -AsPlainText -NameTransform { 'x_' + ($_ -split '/')[-1] } | ConvertFrom-Json -AsHashtable
        $json['x_plain'] | Should -Be $Nasty['plain']
        $json.Count | Should -Be $Nasty.Count
    }

    It 'reads names in batches: 8 parameters by name in one GetParameters call' {
        Reset-Calls
        $null = $Nasty.Keys | ForEach-Object { "ssm:$Ps/$_" } | Export-Secret -AsPlainText
        Get-Calls SSM GetParameters | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 1
    }

    It 'refuses a name collision and exports nothing' {
        $file = Join-Path $Work 'collide.env'
        { Export-Secret "sm:$Sm/token", "sm:$Sm/db" -Path $file -AsPlainText -NameTransform { 'SAME' } } | Should -Throw -ErrorId 'NameCollision*'
        Test-Path $file | Should -BeFalse
    }

    It 'writes nothing when one secret cannot be read, with its own error' {
        $file = Join-Path $Work 'fail.env'
        Set-Content $file 'old'
        $stopped = $null
        try { Export-Secret "sm:$Sm/token", "sm:$Sm/missing" -Path $file -AsPlainText -ErrorVariable errs -ErrorAction SilentlyContinue } catch { $stopped = $_ }
        $stopped.FullyQualifiedErrorId | Should -BeLike 'SecretsUnavailable*'
        Get-ErrorIds $errs | Should -Contain 'SecretNotFound'
        Get-Content $file | Should -Be 'old'
    }

    It 'writes an owner-only file; -WhatIf writes nothing and -NoClobber keeps a file' {
        $file = Join-Path $Work 'mode.env'
        Export-Secret "sm:$Sm/token" -Path $file -AsPlainText -PassThru | Should -BeOfType [System.IO.FileInfo]
        if (-not $IsWindows) { [System.IO.File]::GetUnixFileMode($file) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite') }
        $other = Join-Path $Work 'whatif.env'
        $result = Invoke-WithCapturedHost -Parameters @{ Name = "sm:$Sm/token"; File = $other } {
            param($Name, $File)
            Export-Secret $Name -Path $File -AsPlainText -WhatIf
        }
        Test-Path $other | Should -BeFalse
        ($result.HostLines -join "`n") | Should -Match 'What if: .*Export 1 secret value'
        ($result.HostLines + $result.Output | Out-String) | Should -Not -Match 'tok\b'
        { Export-Secret "sm:$Sm/token" -Path $file -AsPlainText -NoClobber } | Should -Throw -ErrorId 'DestinationExists*'
    }

    It 'never shows a value in verbose, debug, information or error records' {
        $sentinel = "SENTINEL-$([guid]::NewGuid().ToString('N'))"
        $name = New-TestName 'exleak'
        Set-Secret $name -Secret "{`"k`":`"$sentinel`"}" -Confirm:$false
        $records = & {
            $null = Export-Secret "sm:$name" -Path (Join-Path $Work 'leak.env') -AsPlainText -Verbose -Debug -InformationAction Continue
            try { Export-Secret "sm:$name", "sm:$name-missing" -Verbose -ErrorAction SilentlyContinue -ErrorVariable e } catch { $_ }
            $e
            try { Export-Secret "sm:$name" -NameTransform { 'not a name' } -AsPlainText } catch { $_ }
        } *>&1
        @($records).Count | Should -BeGreaterThan 1
        ($records | Out-String) | Should -Not -Match $sentinel
        foreach ($r in $records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) {
            "$($r.Exception.Message) $($r.InvocationInfo.Line)" | Should -Not -Match $sentinel
        }
    }
}
