# Set-/Get-SecretsToolsConfiguration and the order in which every setting is decided:
#   the name > the command's parameters > Process > environment variables > the CurrentUser file > defaults
# Each level is shown to beat the next through what AWS (moto) does with the result: which store
# answers, the Region in the ARN, which endpoint is reachable. Every test starts with an empty
# Process scope and its own (absent) CurrentUser folder, and puts the variables back, so other test
# files of this process never see these settings.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:Endpoint = Initialize-SecretsToolsTest
    $script:Dead = 'http://127.0.0.1:9' # the discard port: nothing listens, the connection is refused at once
    $script:Variables = 'XDG_CONFIG_HOME', 'AWS_REGION', 'AWS_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_SSM',
        'AWS_ENDPOINT_URL_SECRETS_MANAGER', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'AWS_MAX_ATTEMPTS',
        'SECRETSTOOLS_DEFAULT_STORE', 'SECRETSTOOLS_CACHE_TTL', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE',
        'SECRETSTOOLS_FALLBACK_REGION', 'SECRETSTOOLS_PARAMETER_STORE_FALLBACK_REGION'
    $script:Saved = @{}
    foreach ($v in $Variables) { $Saved[$v] = [Environment]::GetEnvironmentVariable($v) }

    function Restore-Configuration {
        Set-SecretsToolsConfiguration -Scope Process -Reset -Confirm:$false
        # Removed, not set to '': the AWS SDK takes an empty AWS_ENDPOINT_URL_* as an endpoint.
        foreach ($v in $Variables) {
            if ($null -eq $Saved[$v]) { Remove-Item "Env:$v" -ErrorAction SilentlyContinue } else { Set-Item "Env:$v" $Saved[$v] }
        }
    }

    function Set-UserFile([string] $Text) {
        $folder = Split-Path $UserFile
        New-Item -ItemType Directory $folder -Force | Out-Null
        Set-Content -LiteralPath $UserFile -Value $Text -NoNewline
    }

    function Get-Effective { Get-SecretsToolsConfiguration -Scope Effective }
}
AfterAll {
    Restore-Configuration
    Complete-SecretsToolsTest
}


Describe 'SecretsTools configuration' {
    BeforeEach {
        # A folder of its own per test, which does not exist until a test writes the file.
        $env:XDG_CONFIG_HOME = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $script:UserFile = Join-Path $env:XDG_CONFIG_HOME 'SecretsTools/config.json'
    }
    AfterEach { Restore-Configuration }

    Describe 'Set- and Get-SecretsToolsConfiguration' {
        It 'keeps Process settings in memory, and Get- shows them with their source' {
            Set-SecretsToolsConfiguration -DefaultStore ParameterStore -Region eu-west-1 -CacheTtl 00:05:00
            $process = Get-SecretsToolsConfiguration -Scope Process
            $process | Should -BeOfType SecretsTools.Model.SecretsToolsConfiguration
            $process.Scope | Should -Be 'Process'
            $process.DefaultStore | Should -Be 'ParameterStore'
            $process.Region | Should -Be 'eu-west-1'
            $process.CacheTtl | Should -Be ([timespan]'00:05:00')
            $process.ProfileName | Should -BeNullOrEmpty
            $process.Source | Should -BeNullOrEmpty
            $effective = Get-Effective
            $effective.Source.Region | Should -Be 'Process'
            $effective.Source.ProfileName | Should -Be 'Default'
            Test-Path $UserFile | Should -BeFalse
        }

        It 'changes only the settings given; $null or '''' clears one; -Reset clears the scope' {
            Set-SecretsToolsConfiguration -Region eu-west-1 -ProfileName dev
            Set-SecretsToolsConfiguration -ProfileName $null -CacheTtl 60
            $process = Get-SecretsToolsConfiguration -Scope Process
            $process.Region | Should -Be 'eu-west-1'
            $process.ProfileName | Should -BeNullOrEmpty
            $process.CacheTtl | Should -Be ([timespan]::FromSeconds(60)) -Because 'a number is seconds, not ticks'
            Set-SecretsToolsConfiguration -Region ''
            (Get-SecretsToolsConfiguration -Scope Process).Region | Should -BeNullOrEmpty
            Set-SecretsToolsConfiguration -Reset -DefaultStore SecretsManager -PassThru | ForEach-Object {
                $_.CacheTtl | Should -BeNullOrEmpty
                $_.DefaultStore | Should -Be 'SecretsManager'
            }
        }

        It '-EndpointUrl sets both stores; a store''s own parameter wins over it' {
            $result = Set-SecretsToolsConfiguration -EndpointUrl http://127.0.0.1:4566 -SecretsManagerEndpointUrl http://127.0.0.1:4567 -PassThru
            $result.ParameterStoreEndpointUrl | Should -Be 'http://127.0.0.1:4566'
            $result.SecretsManagerEndpointUrl | Should -Be 'http://127.0.0.1:4567'
        }

        It 'refuses <Case> with InvalidConfigurationValue and changes nothing' -ForEach @(
            @{ Case = 'a Region with a space'; Arguments = @{ Region = 'eu west 1' } }
            @{ Case = 'an endpoint that is not http(s)'; Arguments = @{ ParameterStoreEndpointUrl = 'ftp://example.com' } }
            @{ Case = 'an endpoint URL holding a password'; Arguments = @{ SecretsManagerEndpointUrl = 'https://user:hunter2@example.com' } }
            @{ Case = 'a negative CacheTtl'; Arguments = @{ CacheTtl = [timespan]::FromMinutes(-1) } }
            @{ Case = 'a profile name with brackets'; Arguments = @{ ProfileName = '[prod]' } }
        ) {
            Set-SecretsToolsConfiguration -Region us-west-2
            $arguments = $Arguments
            { Set-SecretsToolsConfiguration @arguments -DefaultStore ParameterStore -Scope CurrentUser } | Should -Throw -ErrorId 'InvalidConfigurationValue*'
            { Set-SecretsToolsConfiguration @arguments -DefaultStore ParameterStore } | Should -Throw -ErrorId 'InvalidConfigurationValue*'
            $process = Get-SecretsToolsConfiguration -Scope Process
            $process.Region | Should -Be 'us-west-2'
            $process.DefaultStore | Should -BeNullOrEmpty
            Test-Path $UserFile | Should -BeFalse
        }

        It 'refuses a CacheTtl that is not a duration, and a call with nothing to change' {
            { Set-SecretsToolsConfiguration -CacheTtl 'soon' } | Should -Throw '*not a duration*'
            { Set-SecretsToolsConfiguration } | Should -Throw -ErrorId 'InvalidParameterCombination*'
        }

        It '-WhatIf stores nothing, in either scope' {
            $result = Invoke-WithCapturedHost -Parameters @{ Folder = $env:XDG_CONFIG_HOME } -ScriptBlock {
                param($Folder)
                $env:XDG_CONFIG_HOME = $Folder
                Set-SecretsToolsConfiguration -Scope CurrentUser -Region eu-west-1 -WhatIf
                Set-SecretsToolsConfiguration -Region eu-west-2 -ProfileName $null -WhatIf
                (Get-SecretsToolsConfiguration -Scope Process).Region
            }
            $result.Errors | Should -BeNullOrEmpty
            $result.Output | Should -BeNullOrEmpty
            ($result.HostLines -join "`n") | Should -Match 'What if: .*Set Region to .eu-west-1.*CurrentUser'
            ($result.HostLines -join "`n") | Should -Match "Set Region to 'eu-west-2'; Clear ProfileName"
            Test-Path $env:XDG_CONFIG_HOME | Should -BeFalse -Because 'not even the folder is created'
        }

        It 'shows the settings in a list view that fits 80 columns' {
            Set-SecretsToolsConfiguration -Region eu-west-1 -CacheTtl 0
            $env:SECRETSTOOLS_DEFAULT_STORE = 'ParameterStore'
            $lines = Get-Effective | Get-ViewLines -View List
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 -Because $_ }
            $lines | Should -Contain 'Scope                     : Effective'
            $lines | Should -Contain 'DefaultStore              : ParameterStore (Environment)'
            $lines | Should -Contain 'Region                    : eu-west-1 (Process)'
            $lines | Should -Contain 'CacheTtl                  : Off (Process)'
            $lines | Should -Contain 'ProfileName               : (the AWS default chain)'
            # A long path wraps; its pieces, put together, are the file's path.
            ($lines -join '') -replace '\s+', '' | Should -BeLike "*Path:$($UserFile -replace '\s+', '')DefaultStore:*"
            $stored = Get-SecretsToolsConfiguration -Scope Process | Get-ViewLines -View List
            $stored | Should -Contain 'Region                    : eu-west-1'
        }
    }

    Describe 'The CurrentUser file' {
        It 'is JSON with one key per setting, owner-only, written without a temporary file left behind' {
            Set-SecretsToolsConfiguration -Scope CurrentUser -DefaultStore ParameterStore -Region eu-west-1 -CacheTtl 90 -ParameterStoreEndpointUrl http://127.0.0.1:4566
            $json = Get-Content -Raw $UserFile | ConvertFrom-Json -AsHashtable
            $json.Keys | Sort-Object | Should -Be @('CacheTtl', 'DefaultStore', 'ParameterStoreEndpointUrl', 'Region')
            $json.DefaultStore | Should -Be 'ParameterStore'
            $json.Region | Should -Be 'eu-west-1'
            $json.CacheTtl | Should -Be '00:01:30'
            $json.ParameterStoreEndpointUrl | Should -Be 'http://127.0.0.1:4566'
            @(Get-ChildItem -Force (Split-Path $UserFile)).Name | Should -Be 'config.json'
            if (-not $IsWindows) {
                (Get-Item $UserFile).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
                (Get-Item (Split-Path $UserFile)).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite, UserExecute')
            }
            $stored = Get-SecretsToolsConfiguration -Scope CurrentUser
            $stored.Path | Should -Be $UserFile
            $stored.CacheTtl | Should -Be ([timespan]::FromSeconds(90))
            (Get-SecretsToolsConfiguration -Scope Process).Region | Should -BeNullOrEmpty -Because 'the scopes are separate'
        }

        It 'stays owner-only when it replaces a file others could read' -Skip:$IsWindows {
            Set-UserFile '{ "Region": "eu-west-1" }'
            chmod 644 $UserFile
            Set-SecretsToolsConfiguration -Scope CurrentUser -ProfileName dev
            (Get-Item $UserFile).UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
        }

        It 'never holds a secret: values written and read with the configuration in use stay out of it' {
            $sentinel = "sentinel-$(New-TestName)"
            Set-SecretsToolsConfiguration -Scope CurrentUser -Region us-east-1 -EndpointUrl $Endpoint
            $name = New-TestName
            Set-Secret "sm:$name" -Secret $sentinel -Confirm:$false
            Get-Secret "sm:$name" -AsPlainText | Should -Be $sentinel
            $text = Get-Content -Raw $UserFile
            $text | Should -Not -Match $sentinel
            $text | Should -Not -Match $env:AWS_SECRET_ACCESS_KEY
            (Get-Content -Raw $UserFile | ConvertFrom-Json -AsHashtable).Keys | Sort-Object |
                Should -Be @('ParameterStoreEndpointUrl', 'Region', 'SecretsManagerEndpointUrl')
        }

        It 'keeps keys it does not know, reads its keys in any case, and ignores the unknown' {
            Set-UserFile "{ `"region`": `"eu-west-3`", `"Team`": { `"owner`": `"ops`" }, `"comment`": `"kept`" }"
            (Get-Effective).Region | Should -Be $env:AWS_REGION -Because 'AWS_REGION beats the file'
            (Get-SecretsToolsConfiguration -Scope CurrentUser).Region | Should -Be 'eu-west-3'
            Set-SecretsToolsConfiguration -Scope CurrentUser -ProfileName dev
            $json = Get-Content -Raw $UserFile | ConvertFrom-Json -AsHashtable
            $json.Region | Should -Be 'eu-west-3'
            $json.ProfileName | Should -Be 'dev'
            $json.Team.owner | Should -Be 'ops'
            $json.comment | Should -Be 'kept'
            @($json.Keys | Where-Object { $_ -ceq 'region' }) | Should -BeNullOrEmpty -Because 'rewritten under its own name, once'
        }

        It '-Reset clears its settings, keeps unknown keys, and deletes a file left empty' {
            Set-UserFile '{ "Region": "eu-west-1", "note": "mine" }'
            Set-SecretsToolsConfiguration -Scope CurrentUser -Reset
            (Get-Content -Raw $UserFile | ConvertFrom-Json -AsHashtable).Keys | Should -Be @('note')
            Set-UserFile '{ "Region": "eu-west-1" }'
            Set-SecretsToolsConfiguration -Scope CurrentUser -Region $null
            Test-Path $UserFile | Should -BeFalse
        }

        It 'is read again when it changes, by a command of the same session' {
            Remove-Item Env:SECRETSTOOLS_DEFAULT_STORE -ErrorAction SilentlyContinue
            Set-UserFile '{ "DefaultStore": "ParameterStore" }'
            (Get-Effective).DefaultStore | Should -Be 'ParameterStore'
            # The same length: only the timestamp tells the two apart.
            Set-UserFile '{ "DefaultStore": "SecretsManager" }'
            (Get-Effective).DefaultStore | Should -Be 'SecretsManager'
        }

        It 'a broken file (<Case>) is a clear error naming it, for every command that needs it' -ForEach @(
            @{ Case = 'not JSON'; Text = '{ "Region": "eu-west-1", ' }
            @{ Case = 'not an object'; Text = '[ "eu-west-1" ]' }
            @{ Case = 'an unknown store'; Text = '{ "DefaultStore": "Vault" }' }
            @{ Case = 'a number for a Region'; Text = '{ "Region": 5 }' }
            @{ Case = 'a bad CacheTtl'; Text = '{ "CacheTtl": "soon" }' }
        ) {
            Set-UserFile $Text
            { Get-Secret "sm:$(New-TestName)" -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigurationFileInvalid*'
            { Get-Secret "sm:$(New-TestName)" -ErrorAction Stop } | Should -Throw "*'$UserFile'*"
            { Get-SecretsToolsConfiguration } | Should -Throw -ErrorId 'ConfigurationFileInvalid*'
            { Get-SecretsToolsConfiguration -Scope CurrentUser } | Should -Throw -ErrorId 'ConfigurationFileInvalid*'
            { Set-SecretsToolsConfiguration -Scope CurrentUser -Region eu-west-1 } | Should -Throw -ErrorId 'ConfigurationFileInvalid*'
            Get-Content -Raw $UserFile | Should -Be $Text -Because 'a file that cannot be read is not overwritten'
            (Get-SecretsToolsConfiguration -Scope Process).Scope | Should -Be 'Process' -Because 'the Process scope does not read the file'
            # -Reset is the way out.
            Set-SecretsToolsConfiguration -Scope CurrentUser -Reset -Region eu-west-2
            (Get-SecretsToolsConfiguration -Scope CurrentUser).Region | Should -Be 'eu-west-2'
        }
    }

    Describe 'DefaultStore: the name > -Store > Process > SECRETSTOOLS_DEFAULT_STORE > CurrentUser > Secrets Manager' {
        BeforeAll {
            # One name in each store, with different values: the value says which store answered.
            $script:Name = New-TestName 'ds'
            Set-Secret "ssm:$Name" -Secret 'from-parameter-store' -Confirm:$false
            Set-Secret "sm:$Name" -Secret 'from-secrets-manager' -Confirm:$false
        }

        It 'defaults to Secrets Manager' {
            Get-Secret $Name -AsPlainText | Should -Be 'from-secrets-manager'
            (Get-Effective).Source.DefaultStore | Should -Be 'Default'
        }

        It 'the CurrentUser file beats the default' {
            Set-UserFile '{ "DefaultStore": "ParameterStore" }'
            Get-Secret $Name -AsPlainText | Should -Be 'from-parameter-store'
            (Get-Effective).Source.DefaultStore | Should -Be 'CurrentUser'
        }

        It 'SECRETSTOOLS_DEFAULT_STORE beats the CurrentUser file' {
            Set-UserFile '{ "DefaultStore": "ParameterStore" }'
            $env:SECRETSTOOLS_DEFAULT_STORE = 'SecretsManager'
            Get-Secret $Name -AsPlainText | Should -Be 'from-secrets-manager'
            (Get-Effective).Source.DefaultStore | Should -Be 'Environment'
        }

        It 'the Process scope beats SECRETSTOOLS_DEFAULT_STORE' {
            $env:SECRETSTOOLS_DEFAULT_STORE = 'SecretsManager'
            Set-SecretsToolsConfiguration -DefaultStore ParameterStore
            Get-Secret $Name -AsPlainText | Should -Be 'from-parameter-store'
            (Get-Effective).Source.DefaultStore | Should -Be 'Process'
        }

        It '-Store beats the Process scope' {
            Set-SecretsToolsConfiguration -DefaultStore ParameterStore
            Get-Secret $Name -Store SecretsManager -AsPlainText | Should -Be 'from-secrets-manager'
        }

        It 'the name''s prefix beats the Process scope' {
            Set-SecretsToolsConfiguration -DefaultStore ParameterStore
            Get-Secret "sm:$Name" -AsPlainText | Should -Be 'from-secrets-manager'
        }

        It 'a bad SECRETSTOOLS_DEFAULT_STORE is still one AwsConfigurationError, unless the Process scope decides first' {
            $env:SECRETSTOOLS_DEFAULT_STORE = 'Vault'
            { Get-Secret $Name -ErrorAction Stop } | Should -Throw -ErrorId 'AwsConfigurationError*'
            Set-SecretsToolsConfiguration -DefaultStore SecretsManager
            Get-Secret $Name -AsPlainText | Should -Be 'from-secrets-manager'
        }
    }

    Describe 'Region: an ARN > -Region > Process > AWS_REGION > CurrentUser > the profile''s' {
        BeforeAll {
            function Get-WrittenRegion([hashtable] $Extra = @{}) {
                # moto keeps each Region apart and puts the Region in the ARN it returns.
                $info = Set-Secret "sm:$(New-TestName 'rg')" -Secret r -Confirm:$false -PassThru @Extra
                ($info.Arn -split ':')[3] | Should -Be $info.Region
                return $info.Region
            }
        }

        It 'the CurrentUser file gives the Region when nothing above does' {
            Remove-Item Env:AWS_REGION
            Set-UserFile '{ "Region": "ap-south-1" }'
            Get-WrittenRegion | Should -Be 'ap-south-1'
            (Get-Effective).Source.Region | Should -Be 'CurrentUser'
        }

        It 'AWS_REGION beats the CurrentUser file' {
            Set-UserFile '{ "Region": "ap-south-1" }'
            $env:AWS_REGION = 'eu-central-1'
            Get-WrittenRegion | Should -Be 'eu-central-1'
            (Get-Effective).Source.Region | Should -Be 'Environment'
        }

        It 'the Process scope beats AWS_REGION' {
            $env:AWS_REGION = 'eu-central-1'
            Set-SecretsToolsConfiguration -Region eu-west-2
            Get-WrittenRegion | Should -Be 'eu-west-2'
            (Get-Effective).Source.Region | Should -Be 'Process'
        }

        It '-Region beats the Process scope' {
            Set-SecretsToolsConfiguration -Region eu-west-2
            Get-WrittenRegion @{ Region = 'sa-east-1' } | Should -Be 'sa-east-1'
        }

        It 'an ARN''s Region beats -Region and the Process scope' {
            $name = New-TestName 'arn'
            $arn = (Set-Secret "sm:$name" -Secret 'in-eu-west-3' -Region eu-west-3 -Confirm:$false -PassThru).Arn
            Set-SecretsToolsConfiguration -Region us-west-1
            Get-Secret $arn -Region us-west-2 -AsPlainText | Should -Be 'in-eu-west-3'
            (Get-SecretInfo $arn -Region us-west-2).Region | Should -Be 'eu-west-3'
        }
    }

    Describe 'ProfileName and the profile''s Region' {
        # The SDK reads the shared AWS files once per process, so this runs in a child PowerShell with
        # its own files; each line of its output is one level of the order.
        It 'goes -ProfileName > Process > AWS_PROFILE > CurrentUser > the default profile, and any configured Region beats a profile''s' {
            $awsDir = Join-Path $TestDrive 'aws-profiles'
            New-Item -ItemType Directory $awsDir | Out-Null
            $profiles = [ordered]@{ 'default' = 'eu-north-1'; 'p-param' = 'eu-west-1'; 'p-process' = 'eu-west-2'; 'p-env' = 'eu-west-3'; 'p-file' = 'eu-south-1' }
            Set-Content (Join-Path $awsDir 'config') (($profiles.Keys | ForEach-Object {
                $section = if ($_ -eq 'default') { '[default]' } else { "[profile $_]" }
                "$section`nregion = $($profiles[$_])"
            }) -join "`n")
            Set-Content (Join-Path $awsDir 'credentials') (($profiles.Keys | ForEach-Object { "[$_]`naws_access_key_id = testing`naws_secret_access_key = testing" }) -join "`n")
            $script = @'
$ErrorActionPreference = 'Stop'
Import-Module $env:ST_MODULE
function Region([hashtable] $Extra = @{}) { (Set-Secret "sm:prof$(Get-Random)" -Secret p -Confirm:$false -PassThru @Extra).Region }
"default=$(Region)"
Set-SecretsToolsConfiguration -Scope CurrentUser -ProfileName p-file
"file=$(Region)"
$env:AWS_PROFILE = 'p-env'
"environment=$(Region)"
Set-SecretsToolsConfiguration -ProfileName p-process
"process=$(Region)"
"parameter=$(Region @{ ProfileName = 'p-param' })"
"source=$((Get-SecretsToolsConfiguration).Source.ProfileName)"
Set-SecretsToolsConfiguration -Scope CurrentUser -Region ca-central-1
"file-region=$(Region @{ ProfileName = 'p-param' })"
$env:AWS_REGION = 'ap-northeast-1'
"aws-region=$(Region @{ ProfileName = 'p-param' })"
'@
            $result = Invoke-ChildPwsh -Arguments '-Command', $script -Environment @{
                ST_MODULE = (Join-Path $RepoRoot 'out/SecretsTools/SecretsTools.psd1')
                AWS_CONFIG_FILE = (Join-Path $awsDir 'config'); AWS_SHARED_CREDENTIALS_FILE = (Join-Path $awsDir 'credentials')
                AWS_REGION = $null; AWS_DEFAULT_REGION = $null; AWS_PROFILE = $null; AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null
                XDG_CONFIG_HOME = (Join-Path $TestDrive 'child-config')
            }
            $result.Error | Should -BeNullOrEmpty
            $result.ExitCode | Should -Be 0
            $lines = @($result.Output -split '\r?\n' | Where-Object { $_ })
            $lines | Should -Be @(
                'default=eu-north-1'      # the default profile's Region
                'file=eu-south-1'         # the CurrentUser file's profile beats the default profile
                'environment=eu-west-3'   # AWS_PROFILE beats the file
                'process=eu-west-2'       # the Process scope beats AWS_PROFILE
                'parameter=eu-west-1'     # -ProfileName beats the Process scope
                'source=Process'
                'file-region=ca-central-1'   # a configured Region beats the profile's own
                'aws-region=ap-northeast-1'  # so does AWS_REGION, over the CurrentUser Region
            )
        }
    }

    Describe 'Endpoints, per store: -EndpointUrl > Process > AWS_ENDPOINT_URL* > CurrentUser > AWS''s' {
        BeforeAll {
            $script:PsName = "/$(New-TestName 'ep')"
            $script:SmName = New-TestName 'ep'
            Set-Secret "ssm:$PsName" -Secret 'ps-value' -Confirm:$false
            Set-Secret "sm:$SmName" -Secret 'sm-value' -Confirm:$false
            function Read-Both([hashtable] $Extra = @{}) {
                @(Get-Secret "ssm:$PsName" -AsPlainText @Extra) + @(Get-Secret "sm:$SmName" -AsPlainText @Extra)
            }
        }
        BeforeEach { $env:AWS_MAX_ATTEMPTS = '1' } # a dead endpoint fails at once, without the SDK's retries

        It 'control: AWS_ENDPOINT_URL at a dead port is honoured (so passing tests below prove something)' {
            $env:AWS_ENDPOINT_URL = $Dead
            { Get-Secret "sm:$SmName" -ErrorAction Stop } | Should -Throw -ErrorId 'AwsRequestFailed*'
        }

        It 'the CurrentUser file gives the endpoints when nothing above does' {
            Remove-Item Env:AWS_ENDPOINT_URL
            Set-UserFile "{ `"ParameterStoreEndpointUrl`": `"$Endpoint`", `"SecretsManagerEndpointUrl`": `"$Endpoint`" }"
            (Read-Both) | Should -Be @('ps-value', 'sm-value')
            (Get-Effective).Source.SecretsManagerEndpointUrl | Should -Be 'CurrentUser'
        }

        It 'AWS_ENDPOINT_URL beats the CurrentUser file' {
            Set-UserFile "{ `"ParameterStoreEndpointUrl`": `"$Dead`", `"SecretsManagerEndpointUrl`": `"$Dead`" }"
            (Read-Both) | Should -Be @('ps-value', 'sm-value')
            (Get-Effective).Source.ParameterStoreEndpointUrl | Should -Be 'Environment'
        }

        It 'AWS_ENDPOINT_URL_SECRETS_MANAGER beats the CurrentUser file for Secrets Manager only' {
            Remove-Item Env:AWS_ENDPOINT_URL
            $env:AWS_ENDPOINT_URL_SECRETS_MANAGER = $Endpoint
            Set-UserFile "{ `"ParameterStoreEndpointUrl`": `"$Endpoint`", `"SecretsManagerEndpointUrl`": `"$Dead`" }"
            (Read-Both) | Should -Be @('ps-value', 'sm-value')
            $effective = Get-Effective
            $effective.Source.SecretsManagerEndpointUrl | Should -Be 'Environment'
            $effective.Source.ParameterStoreEndpointUrl | Should -Be 'CurrentUser'
        }

        It 'the Process scope beats AWS_ENDPOINT_URL' {
            $env:AWS_ENDPOINT_URL = $Dead
            Set-SecretsToolsConfiguration -EndpointUrl $Endpoint
            (Read-Both) | Should -Be @('ps-value', 'sm-value')
        }

        It 'each store goes to its own endpoint' {
            $env:AWS_ENDPOINT_URL = $Dead
            Set-SecretsToolsConfiguration -ParameterStoreEndpointUrl $Endpoint -SecretsManagerEndpointUrl $Dead
            Get-Secret "ssm:$PsName" -AsPlainText | Should -Be 'ps-value'
            $failure = $null
            try { Get-Secret "sm:$SmName" -ErrorAction Stop } catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -BeLike 'AwsRequestFailed*'
            "$failure" | Should -BeLike '*127.0.0.1:9*'
        }

        It '-EndpointUrl beats the Process scope, for both stores' {
            Set-SecretsToolsConfiguration -EndpointUrl $Dead
            (Read-Both @{ EndpointUrl = $Endpoint }) | Should -Be @('ps-value', 'sm-value')
        }

        It 'a copy between the stores calls the destination at the destination store''s endpoint' {
            $env:AWS_ENDPOINT_URL = $Dead
            $target = New-TestName 'epcopy'
            Set-SecretsToolsConfiguration -ParameterStoreEndpointUrl $Endpoint -SecretsManagerEndpointUrl $Dead
            { Copy-Secret "ssm:$PsName" -Destination "sm:$target" -Confirm:$false -ErrorAction Stop } | Should -Throw '*127.0.0.1:9*'
            Set-SecretsToolsConfiguration -SecretsManagerEndpointUrl $Endpoint
            (Copy-Secret "ssm:$PsName" -Destination "sm:$target" -Confirm:$false).Status | Should -Be 'Created'
            $env:AWS_ENDPOINT_URL = $Endpoint # what Get-SmValueFromServer calls
            (Get-SmValueFromServer $target).SecretString | Should -Be 'ps-value'
        }
    }

    Describe 'CacheTtl: Process > SECRETSTOOLS_CACHE_TTL > CurrentUser > off' {
        # Only the setting lives here; what the cache does with it is tested with the cache.
        It 'is off by default' {
            $effective = Get-Effective
            $effective.CacheTtl | Should -BeNullOrEmpty
            $effective.Source.CacheTtl | Should -Be 'Default'
        }

        It 'comes from the CurrentUser file (as text or seconds)' {
            Set-UserFile '{ "CacheTtl": 600 }'
            (Get-Effective).CacheTtl | Should -Be ([timespan]::FromMinutes(10))
            Set-UserFile '{ "CacheTtl": "00:20:00" }'
            $effective = Get-Effective
            $effective.CacheTtl | Should -Be ([timespan]::FromMinutes(20))
            $effective.Source.CacheTtl | Should -Be 'CurrentUser'
        }

        It 'SECRETSTOOLS_CACHE_TTL beats the CurrentUser file' {
            Set-UserFile '{ "CacheTtl": "00:20:00" }'
            $env:SECRETSTOOLS_CACHE_TTL = '120'
            $effective = Get-Effective
            $effective.CacheTtl | Should -Be ([timespan]::FromMinutes(2))
            $effective.Source.CacheTtl | Should -Be 'Environment'
        }

        It 'the Process scope beats SECRETSTOOLS_CACHE_TTL, and 0 there switches caching off' {
            $env:SECRETSTOOLS_CACHE_TTL = '00:02:00'
            Set-SecretsToolsConfiguration -CacheTtl 0
            $effective = Get-Effective
            $effective.CacheTtl | Should -Be ([timespan]::Zero)
            $effective.Source.CacheTtl | Should -Be 'Process'
        }

        It 'a bad SECRETSTOOLS_CACHE_TTL is an AwsConfigurationError naming the variable' {
            $env:SECRETSTOOLS_CACHE_TTL = 'soon'
            { Get-Effective } | Should -Throw '*SECRETSTOOLS_CACHE_TTL*'
            { Get-Effective } | Should -Throw -ErrorId 'AwsConfigurationError*'
        }
    }

    # Replica fallback's settings (the fallback itself: tests/SecretsTools.Tests/Cmdlets/ReplicaFallbackTests.cs).
    Describe 'FallbackRegion, ParameterStoreFallbackRegion and RegionEndpoint' {
        It 'are kept in the Process scope and shown with their source' {
            Set-SecretsToolsConfiguration -FallbackRegion 'eu-west-1', 'us-west-2,eu-west-1' -ParameterStoreFallbackRegion eu-central-1 -RegionEndpoint @{ 'eu-west-1' = 'http://127.0.0.1:5999' }
            $process = Get-SecretsToolsConfiguration -Scope Process
            $process.FallbackRegion | Should -Be @('eu-west-1', 'us-west-2') -Because 'a comma splits, a repeat is dropped'
            $process.ParameterStoreFallbackRegion | Should -Be @('eu-central-1')
            $process.RegionEndpoint['eu-west-1'] | Should -Be 'http://127.0.0.1:5999'
            $effective = Get-Effective
            $effective.Source.FallbackRegion | Should -Be 'Process'
            $effective.Source.RegionEndpoint | Should -Be 'Process'
            Set-SecretsToolsConfiguration -FallbackRegion @() -RegionEndpoint $null
            (Get-Effective).FallbackRegion | Should -BeNullOrEmpty
            (Get-Effective).Source.FallbackRegion | Should -Be 'Default'
            (Get-Effective).RegionEndpoint | Should -BeNullOrEmpty
        }

        It 'are written to the CurrentUser file as an array and an object, and read back' {
            Set-SecretsToolsConfiguration -Scope CurrentUser -FallbackRegion eu-west-1, us-west-2 -RegionEndpoint @{ 'us-east-1' = 'http://127.0.0.1:5998' }
            $json = Get-Content -Raw $UserFile | ConvertFrom-Json
            $json.FallbackRegion | Should -Be @('eu-west-1', 'us-west-2')
            $json.RegionEndpoint.'us-east-1' | Should -Be 'http://127.0.0.1:5998'
            $user = Get-SecretsToolsConfiguration -Scope CurrentUser
            $user.FallbackRegion | Should -Be @('eu-west-1', 'us-west-2')
            $user.RegionEndpoint['us-east-1'] | Should -Be 'http://127.0.0.1:5998'
            (Get-Effective).Source.FallbackRegion | Should -Be 'CurrentUser'
        }

        It 'go Process > SECRETSTOOLS_FALLBACK_REGION > CurrentUser, each for its own store' {
            Set-UserFile '{ "FallbackRegion": "ap-south-1", "ParameterStoreFallbackRegion": ["ap-south-1"] }'
            (Get-Effective).FallbackRegion | Should -Be @('ap-south-1')
            $env:SECRETSTOOLS_FALLBACK_REGION = 'eu-west-1, eu-west-2'
            $effective = Get-Effective
            $effective.FallbackRegion | Should -Be @('eu-west-1', 'eu-west-2')
            $effective.Source.FallbackRegion | Should -Be 'Environment'
            $effective.ParameterStoreFallbackRegion | Should -Be @('ap-south-1') -Because 'FallbackRegion is Secrets Manager''s only'
            $effective.Source.ParameterStoreFallbackRegion | Should -Be 'CurrentUser'
            Set-SecretsToolsConfiguration -FallbackRegion us-west-1
            (Get-Effective).FallbackRegion | Should -Be @('us-west-1')
        }

        It 'refuses <Case> with InvalidConfigurationValue and changes nothing' -ForEach @(
            @{ Case = 'a FallbackRegion that is no Region'; Splat = @{ FallbackRegion = 'EU-WEST-1' } }
            @{ Case = 'a RegionEndpoint key that is no Region'; Splat = @{ RegionEndpoint = @{ 'Ireland' = 'http://127.0.0.1:1' } } }
            @{ Case = 'a RegionEndpoint URL that is not http(s)'; Splat = @{ RegionEndpoint = @{ 'eu-west-1' = 'ftp://127.0.0.1' } } }
            @{ Case = 'a RegionEndpoint URL with a password'; Splat = @{ RegionEndpoint = @{ 'eu-west-1' = 'http://u:p@127.0.0.1' } } }
        ) {
            { Set-SecretsToolsConfiguration @Splat -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidConfigurationValue*'
            $process = Get-SecretsToolsConfiguration -Scope Process
            $process.FallbackRegion | Should -BeNullOrEmpty
            $process.RegionEndpoint | Should -BeNullOrEmpty
        }

        It 'a bad SECRETSTOOLS_FALLBACK_REGION is an AwsConfigurationError naming the variable; a bad file key is ConfigurationFileInvalid' {
            $env:SECRETSTOOLS_FALLBACK_REGION = 'eu-west-1,Mars'
            { Get-Effective } | Should -Throw '*SECRETSTOOLS_FALLBACK_REGION*'
            { Get-Secret sm:any -ErrorAction Stop } | Should -Throw -ErrorId 'AwsConfigurationError*'
            Remove-Item Env:SECRETSTOOLS_FALLBACK_REGION
            Set-UserFile '{ "RegionEndpoint": { "eu-west-1": 5 } }'
            { Get-Effective } | Should -Throw -ErrorId 'ConfigurationFileInvalid*'
        }

        It 'RegionEndpoint sends a Region to its own endpoint, over AWS_ENDPOINT_URL; -EndpointUrl still wins' {
            $name = "cfg-re-$([guid]::NewGuid().ToString('N').Substring(0, 12))"
            Set-Secret "sm:$name" -Secret 'via-region-endpoint' -Region us-east-1 -Confirm:$false
            $env:AWS_MAX_ATTEMPTS = '1'
            $env:AWS_ENDPOINT_URL = $Dead
            Set-SecretsToolsConfiguration -RegionEndpoint @{ 'us-east-1' = $Endpoint; 'eu-west-1' = $Dead }
            Get-Secret "sm:$name" -Region us-east-1 -AsPlainText | Should -Be 'via-region-endpoint'
            { Get-Secret "sm:$name" -Region eu-west-1 -ErrorAction Stop } | Should -Throw -ErrorId 'AwsRequestFailed*'
            { Get-Secret "sm:$name" -Region us-east-1 -EndpointUrl $Dead -ErrorAction Stop } | Should -Throw -ErrorId 'AwsRequestFailed*'
            Remove-Secret "sm:$name" -Region us-east-1 -Force -WithoutRecovery -Confirm:$false
        }
    }
}
