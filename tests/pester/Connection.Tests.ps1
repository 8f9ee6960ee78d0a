# Profiles and the shared config files. The SDK reads those files once per process, so each case
# runs the module in a fresh child PowerShell that inherits the variables set here.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $modulePath = Join-Path $script:RepoRoot 'out/SecretsTools/SecretsTools.psd1'

    function Invoke-InChild([string] $Script) {
        $full = "`$ErrorActionPreference = 'Stop'; Import-Module '$modulePath'; $Script"
        $output = & dotnet pwsh -NoProfile -NonInteractive -Command $full 2>&1
        if ($LASTEXITCODE -ne 0) { throw "child failed: $output" }
        return $output
    }

    $awsDir = Join-Path $TestDrive 'aws'
    New-Item -ItemType Directory $awsDir | Out-Null
    Set-Content (Join-Path $awsDir 'config') "[profile team]`nregion = ap-southeast-2`n"
    Set-Content (Join-Path $awsDir 'credentials') "[team]`naws_access_key_id = AKIATEAMEXAMPLE`naws_secret_access_key = team-example-key`n"
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Connection settings from profiles' {
    BeforeEach {
        $saved = @{ Config = $env:AWS_CONFIG_FILE; Credentials = $env:AWS_SHARED_CREDENTIALS_FILE; Region = $env:AWS_REGION; Key = $env:AWS_ACCESS_KEY_ID; Secret = $env:AWS_SECRET_ACCESS_KEY }
        $env:AWS_CONFIG_FILE = Join-Path $awsDir 'config'
        $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $awsDir 'credentials'
        Remove-Item Env:AWS_REGION, Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY -ErrorAction SilentlyContinue
    }
    AfterEach {
        $env:AWS_CONFIG_FILE = $saved.Config; $env:AWS_SHARED_CREDENTIALS_FILE = $saved.Credentials
        $env:AWS_REGION = $saved.Region; $env:AWS_ACCESS_KEY_ID = $saved.Key; $env:AWS_SECRET_ACCESS_KEY = $saved.Secret
        Remove-Item Env:AWS_PROFILE -ErrorAction SilentlyContinue
    }

    It '-ProfileName takes the region and keys of a named profile' {
        $name = New-TestName
        $region = Invoke-InChild "(Set-Secret sm:$name -Secret p -ProfileName team -PassThru).Region"
        $region | Should -Be 'ap-southeast-2'
        # The CLI, told the same region, finds it there and only there.
        (Invoke-AwsCli secretsmanager describe-secret --secret-id $name --region ap-southeast-2 --profile team).Name | Should -Be $name
        { Invoke-AwsCli secretsmanager describe-secret --secret-id $name --region us-east-1 --profile team } | Should -Throw '*ResourceNotFound*'
    }

    It 'AWS_PROFILE selects the profile when -ProfileName is not given' {
        $name = "/$(New-TestName)"
        $env:AWS_PROFILE = 'team'
        Invoke-InChild "Set-Secret ssm:$name -Secret q; Get-Secret ssm:$name -AsPlainText; (Get-SecretInfo ssm:$name).Region" |
            Should -Be @('q', 'ap-southeast-2')
    }

    It 'an unknown profile is one clear error' {
        { Invoke-InChild "Get-Secret sm:x, sm:y -ProfileName nosuchprofile" } | Should -Throw '*nosuchprofile*'
    }
}

Describe 'Region names' {
    It 'a well-formed Region the SDK does not know is refused before any call, unless an endpoint of ones own is given' {
        $name = New-TestName 'rgk'
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $e = $null
        Set-Secret "sm:$name" -Secret 'v' -Region 'mars-east-1' -ErrorAction SilentlyContinue -ErrorVariable e
        $e.FullyQualifiedErrorId | Should -Match '^InvalidRegion'
        $e.Exception.Message | Should -Match '-EndpointUrl'
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
        # The endpoint decides where the call goes (an emulator, or a Region newer than the SDK):
        # the name passes (moto itself knows only real Regions, so -WhatIf stops short of the call).
        $run = Invoke-WithCapturedHost -Parameters @{ name = $name; endpoint = $env:AWS_ENDPOINT_URL } {
            param($name, $endpoint) Set-Secret "sm:$name" -Secret 'v' -Region 'mars-east-1' -EndpointUrl $endpoint -WhatIf
        }
        $run.Errors | Should -BeNullOrEmpty
        $run.HostLines -join "`n" | Should -Match 'What if'
        # Every Region the SDK lists passes, and the call is made.
        Get-Secret "sm:$name-none" -Region 'ap-southeast-2' -ErrorAction SilentlyContinue -ErrorVariable e3
        $e3.FullyQualifiedErrorId | Should -Match '^SecretNotFound'
    }
}
