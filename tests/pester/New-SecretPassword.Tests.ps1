BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest

    $script:Punctuation = '!"#$%&''()*+,-./:;<=>?@[\]^_`{|}~'

    function New-Passwords {
        # Several generations, so a rule that holds by chance once is unlikely to hold every time.
        param([int] $Count = 25, [hashtable] $Options = @{})
        return @(1..$Count | ForEach-Object { New-SecretPassword -AsPlainText @Options })
    }

    function Test-HasClass {
        param([string] $Password, [string] $Class)
        switch ($Class) {
            'lower' { return $Password -cmatch '[a-z]' }
            'upper' { return $Password -cmatch '[A-Z]' }
            'digit' { return $Password -match '[0-9]' }
            'punct' { return $Password.IndexOfAny($script:Punctuation.ToCharArray()) -ge 0 }
            'space' { return $Password.Contains(' ') }
        }
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'New-SecretPassword' {
    It 'returns a 32-character SecureString by default' {
        $p = New-SecretPassword
        $p | Should -BeOfType [securestring]
        $p.Length | Should -Be 32
        $plain = ConvertTo-PlainText $p
        $plain.Length | Should -Be 32
        $plain | Should -Not -Match ' '
    }

    It 'returns a string of length <Length> with -AsPlainText' -ForEach @(
        @{ Length = 4 }, @{ Length = 12 }, @{ Length = 4096 }
    ) {
        $p = New-SecretPassword -Length $Length -AsPlainText
        $p | Should -BeOfType [string]
        $p.Length | Should -Be $Length
    }

    It 'makes a one-character password when not every type is required' {
        $p = New-SecretPassword -Length 1 -RequireEachIncludedType $false -AsPlainText
        $p.Length | Should -Be 1
    }

    It 'gives a different password each time' {
        $passwords = New-Passwords -Count 10
        ($passwords | Sort-Object -Unique).Count | Should -Be 10
    }

    It 'honours <Switch>' -ForEach @(
        @{ Switch = 'ExcludeNumbers'; Class = 'digit' }
        @{ Switch = 'ExcludePunctuation'; Class = 'punct' }
        @{ Switch = 'ExcludeUppercase'; Class = 'upper' }
        @{ Switch = 'ExcludeLowercase'; Class = 'lower' }
    ) {
        $passwords = New-Passwords -Options @{ Length = 64; $Switch = $true }
        foreach ($p in $passwords) {
            $p.Length | Should -Be 64
            Test-HasClass $p $Class | Should -BeFalse -Because "-$Switch was given: $p"
        }
        # Without the switch the class does appear (every included type is required by default).
        Test-HasClass (New-SecretPassword -Length 64 -AsPlainText) $Class | Should -BeTrue
    }

    It 'honours -ExcludeCharacters' {
        $excluded = 'abcdefABCDEF012345!@#$%^&*()'
        foreach ($p in (New-Passwords -Options @{ Length = 64; ExcludeCharacters = $excluded })) {
            $p.IndexOfAny($excluded.ToCharArray()) | Should -Be -1 -Because "no excluded character may appear: $p"
        }
    }

    It 'includes a space with -IncludeSpace' {
        foreach ($p in (New-Passwords -Count 10 -Options @{ Length = 16; IncludeSpace = $true })) {
            $p | Should -Match ' '
        }
    }

    It 'has every included type with -RequireEachIncludedType (the default), and need not without it' {
        foreach ($p in (New-Passwords -Count 40 -Options @{ Length = 4 })) {
            foreach ($class in 'lower', 'upper', 'digit', 'punct') { Test-HasClass $p $class | Should -BeTrue -Because "'$p' must have a $class character" }
        }
        foreach ($p in (New-Passwords -Count 20 -Options @{ Length = 5; IncludeSpace = $true; RequireEachIncludedType = $true })) {
            foreach ($class in 'lower', 'upper', 'digit', 'punct', 'space') { Test-HasClass $p $class | Should -BeTrue }
        }
        # Four random characters from 94 have all four types only about 7% of the time.
        $missingSome = New-Passwords -Count 40 -Options @{ Length = 4; RequireEachIncludedType = $false } | Where-Object {
            $p = $_
            @('lower', 'upper', 'digit', 'punct' | Where-Object { -not (Test-HasClass $p $_) }).Count -gt 0
        }
        $missingSome | Should -Not -BeNullOrEmpty
    }

    It 'fails with InvalidParameterCombination when the options exclude every character' {
        { New-SecretPassword -ExcludeNumbers -ExcludePunctuation -ExcludeUppercase -ExcludeLowercase -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidParameterCombination*'
        { New-SecretPassword -ExcludeNumbers -ExcludePunctuation -ExcludeUppercase -ExcludeCharacters 'abcdefghijklmnopqrstuvwxyz' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidParameterCombination*'
        # Fewer characters than required types is impossible too.
        { New-SecretPassword -Length 3 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidParameterCombination*'
    }

    It 'refuses a length of <Length> at parameter binding' -ForEach @(@{ Length = 0 }, @{ Length = 4097 }) {
        { New-SecretPassword -Length $Length -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }
}

Describe 'New-SecretPassword -UseService' {
    It 'asks GetRandomPassword and honours the options' {
        $p = New-SecretPassword -UseService -Length 40 -ExcludePunctuation -ExcludeCharacters 'aeiou' -AsPlainText
        $p | Should -BeOfType [string]
        $p.Length | Should -Be 40
        Test-HasClass $p 'punct' | Should -BeFalse
        $p.IndexOfAny('aeiou'.ToCharArray()) | Should -Be -1
        $secure = New-SecretPassword -UseService -Length 20 -ExcludeNumbers -ExcludeUppercase -ExcludeLowercase
        $secure | Should -BeOfType [securestring]
        $plain = ConvertTo-PlainText $secure
        $plain.Length | Should -Be 20
        $plain | Should -Not -Match '[A-Za-z0-9]'
    }

    It 'calls the service: with an endpoint that does not answer it fails, while the local generator works' {
        $dead = "http://127.0.0.1:$(Get-FreeLoopbackPort)"
        (New-SecretPassword -EndpointUrl $dead -AsPlainText).Length | Should -Be 32
        $err = $null
        try { New-SecretPassword -UseService -EndpointUrl $dead -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty -Because 'GetRandomPassword cannot be reached'
        $err.FullyQualifiedErrorId | Should -BeLike 'Aws*'
    }
}
