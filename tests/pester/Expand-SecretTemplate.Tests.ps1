# Expand-SecretTemplate against moto: placeholders replaced from both stores, references read in
# batches (counted on the wire), nothing written when one is missing, owner-only atomic files,
# -WhatIf, and no value in any record.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    function Get-Calls([string] $Service, [string] $Operation) { [SecretsTools.Diagnostics.ApiCallCounter]::Get($Service, $Operation) }
    function Reset-Calls { [SecretsTools.Diagnostics.ApiCallCounter]::Reset() }
    $script:Sm = New-TestName 'tp'
    $script:Ps = "/$(New-TestName 'tp')"
    Set-Secret "$Sm/db" -Secret '{"username":"app","password":"p@ss {x}"}' -Confirm:$false
    Set-Secret "ssm:$Ps/key" -Secret 'key-1' -Confirm:$false
    Set-Secret "ssm:$Ps/hosts" -Secret @('a', 'b') -Confirm:$false
    $script:Work = Join-Path ([System.IO.Path]::GetTempPath()) (New-TestName 'tpdir')
    New-Item -ItemType Directory -Path $Work | Out-Null
}
AfterAll {
    Remove-Item $Work -Recurse -Force -ErrorAction SilentlyContinue
    Complete-SecretsToolsTest
}

Describe 'Expand-SecretTemplate' {
    It 'replaces references from both stores, with and without spaces, and leaves other braces alone' {
        $text = "u={{sm:$Sm/db#username}} p={{ sm:$Sm/db#password }} k={{ ssm:$Ps/key }} h={{ssm:$Ps/hosts}} keep={{ not a ref }} {x}"
        $text | Expand-SecretTemplate | Should -Be "u=app p=p@ss {x} k=key-1 h=a,b keep={{ not a ref }} {x}"
    }

    It 'reads every distinct reference of piped lines in shared batches' {
        $stem = "/$(New-TestName 'tpb')"
        foreach ($i in 1..12) { $null = Invoke-AwsApi ssm PutParameter @{ Name = "$stem/p$i"; Value = "v$i"; Type = 'SecureString' } }
        $lines = 1..12 | ForEach-Object { "line $_ = {{ ssm:$stem/p$_ }} again {{ ssm:$stem/p1 }}" }
        Reset-Calls
        $out = $lines | Expand-SecretTemplate
        $out.Count | Should -Be 12
        $out[11] | Should -Be 'line 12 = v12 again v1'
        Get-Calls SSM GetParameters | Should -Be 2
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 2
    }

    It 'writes a file owner-only (0600) and atomically, keeping the template''s line ends' {
        $template = Join-Path $Work 'app.tmpl'
        $destination = Join-Path $Work 'app.conf'
        [System.IO.File]::WriteAllText($template, "user={{ sm:$Sm/db#username }}`r`npassword={{ sm:$Sm/db#password }}`r`n")
        Expand-SecretTemplate -Path $template -Destination $destination -PassThru | Should -BeOfType [System.IO.FileInfo]
        [System.IO.File]::ReadAllText($destination) | Should -Be "user=app`r`npassword=p@ss {x}`r`n"
        if (-not $IsWindows) { [System.IO.File]::GetUnixFileMode($destination) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite') }
        @(Get-ChildItem $Work -Force -Filter '*.tmp').Count | Should -Be 0
    }

    It 'writes nothing and outputs nothing when a reference is missing, with one error per missing reference' {
        $destination = Join-Path $Work 'missing.conf'
        Set-Content $destination 'old content'
        $stopped = $null
        try {
            "a={{ sm:$Sm/db#username }} b={{ sm:$Sm/nope }} c={{ sm:$Sm/db#nokey }}" |
                Expand-SecretTemplate -Destination $destination -ErrorVariable errs -ErrorAction SilentlyContinue
        } catch { $stopped = $_ }
        $stopped.FullyQualifiedErrorId | Should -BeLike 'SecretsUnavailable*'
        Get-ErrorIds $errs | Should -Contain 'SecretNotFound'
        Get-ErrorIds $errs | Should -Contain 'SecretKeyNotFound'
        Get-Content $destination | Should -Be 'old content'
        $stopped = $null
        try { $out = "x={{ sm:$Sm/nope }}" | Expand-SecretTemplate -ErrorAction SilentlyContinue } catch { $stopped = $_ }
        $stopped | Should -Not -BeNullOrEmpty
        $out | Should -BeNullOrEmpty
    }

    It 'refuses a wildcard placeholder' {
        { "x={{ sm:$Sm/* }}" | Expand-SecretTemplate -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'SecretsUnavailable*'
    }

    It '-WhatIf writes nothing; -NoClobber keeps an existing file' {
        $destination = Join-Path $Work 'whatif.conf'
        $result = Invoke-WithCapturedHost -Parameters @{ Ps = $Ps; Destination = $destination } {
            param($Ps, $Destination)
            "k={{ ssm:$Ps/key }}" | Expand-SecretTemplate -Destination $Destination -WhatIf
        }
        Test-Path $destination | Should -BeFalse
        $result.Errors | Should -BeNullOrEmpty
        ($result.HostLines -join "`n") | Should -Match ([regex]::Escape("What if: Performing the operation ""Write expanded template (owner-only)"" on target ""$destination"""))
        ($result.HostLines + $result.Output + $result.Streams | Out-String) | Should -Not -Match 'key-1'
        Set-Content $destination 'keep'
        { "k={{ ssm:$Ps/key }}" | Expand-SecretTemplate -Destination $destination -NoClobber } | Should -Throw -ErrorId 'DestinationExists*'
        Get-Content $destination | Should -Be 'keep'
    }

    It 'a template without placeholders makes no call' {
        Reset-Calls
        'plain text {{ with spaces inside }}' | Expand-SecretTemplate | Should -Be 'plain text {{ with spaces inside }}'
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
    }

    It 'never shows a value in verbose, debug, information or error records' {
        $sentinel = "SENTINEL-$([guid]::NewGuid().ToString('N'))"
        $name = New-TestName 'tpleak'
        Set-Secret $name -Secret "{`"k`":`"$sentinel`"}" -Confirm:$false
        $destination = Join-Path $Work 'leak.conf'
        $records = & {
            "v={{ sm:$name#k }}" | Expand-SecretTemplate -Destination $destination -Verbose -Debug -InformationAction Continue
            try { "v={{ sm:$name#k }} w={{ sm:$name#missing }}" | Expand-SecretTemplate -Verbose -ErrorAction SilentlyContinue -ErrorVariable e } catch { $_ }
            $e
        } *>&1
        @($records).Count | Should -BeGreaterThan 1
        ($records | Out-String) | Should -Not -Match $sentinel
        foreach ($r in $records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) {
            "$($r.Exception.Message) $($r.InvocationInfo.Line)" | Should -Not -Match $sentinel
        }
        Get-Content $destination | Should -Be "v=$sentinel"
    }
}
