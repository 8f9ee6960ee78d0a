# The engine and its AWS SDK live in a private load context: SecretsTools runs next to another
# module's AWSSDK.Core of another version (AWS.Tools brings its own), in either load order, and
# Import-Module loads no AWS SDK at all. Each case runs in a fresh pwsh, as a user's session would.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:ModulePath = Join-Path $script:RepoRoot 'out/SecretsTools/SecretsTools.psd1'
    $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    $script:Foreign = @{
        # AWS.Tools today: AWSSDK.Core 3.7 (assembly version 3.3.0.0) with a service client of its own.
        v3 = @(
            (Join-Path $packages 'awssdk.core/3.7.501.1/lib/netcoreapp3.1/AWSSDK.Core.dll'),
            (Join-Path $packages 'awssdk.securitytoken/3.7.202/lib/netcoreapp3.1/AWSSDK.SecurityToken.dll'))
        # Another v4 build: the same assembly version as ours (4.0.0.0), another file, and another SSM.
        v4 = @(
            (Join-Path $packages 'awssdk.core/4.0.102.18/lib/net8.0/AWSSDK.Core.dll'),
            (Join-Path $packages 'awssdk.simplesystemsmanagement/4.0.104.10/lib/net8.0/AWSSDK.SimpleSystemsManagement.dll'))
    }

    function Invoke-Child([string] $Script) {
        # A fresh process: the default load context starts empty, as in a new session.
        $prelude = ". '$(Join-Path $script:RepoRoot 'tools/MotoServer.ps1')'; Set-MotoEnvironment -Endpoint '$endpoint'; `$ErrorActionPreference = 'Stop'`n"
        $output = & dotnet pwsh -NoProfile -NonInteractive -Command ($prelude + $Script) 2>&1
        if ($LASTEXITCODE -ne 0) { throw "The child session failed (exit $LASTEXITCODE):`n$($output -join "`n")" }
        return @($output | ForEach-Object { "$_" })
    }

    # Uses the other module's SDK against the test server and says what it got.
    $script:UseForeign = @{
        v3 = @'
$sts = [Amazon.SecurityToken.AmazonSecurityTokenServiceClient]::new(
    [Amazon.Runtime.BasicAWSCredentials]::new('testing', 'testing'),
    [Amazon.SecurityToken.AmazonSecurityTokenServiceConfig]@{ ServiceURL = $env:AWS_ENDPOINT_URL; AuthenticationRegion = 'us-east-1' })
"foreign=" + $sts.GetCallerIdentityAsync([Amazon.SecurityToken.Model.GetCallerIdentityRequest]::new()).GetAwaiter().GetResult().Account
'@
        v4 = @'
$ssm = [Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient]::new(
    [Amazon.Runtime.BasicAWSCredentials]::new('testing', 'testing'),
    [Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementConfig]@{ ServiceURL = $env:AWS_ENDPOINT_URL; AuthenticationRegion = 'us-east-1' })
$name = "/foreign-$([guid]::NewGuid().ToString('N'))"
$null = $ssm.PutParameterAsync([Amazon.SimpleSystemsManagement.Model.PutParameterRequest]@{ Name = $name; Value = 'from-the-other-sdk'; Type = 'String' }).GetAwaiter().GetResult()
"foreign=" + $ssm.GetParameterAsync([Amazon.SimpleSystemsManagement.Model.GetParameterRequest]@{ Name = $name }).GetAwaiter().GetResult().Parameter.Value
'@
    }

    # Reads, writes and listings on both stores through SecretsTools.
    $script:UseOurs = @'
Import-Module '__MODULE__'
$stem = "iso$([guid]::NewGuid().ToString('N').Substring(0, 10))"
Set-Secret "ssm:/$stem/a" -Secret 'ps-value' -Confirm:$false
Set-Secret "sm:$stem/b" -Secret @{ k = 'sm-value' } -Confirm:$false
"ours=" + (Get-Secret "ssm:/$stem/a" -AsPlainText) + "," + (Get-Secret "sm:$stem/b#k" -AsPlainText)
"listed=" + @(Get-SecretInfo -Path "/$stem").Count + "," + @(Get-SecretInfo "sm:$stem/*").Count
'@
}
AfterAll { Complete-SecretsToolsTest }

Describe 'SecretsTools beside another module''s AWS SDK' {
    It 'works after <Sdk> was loaded and used first, and leaves it working' -ForEach @(@{ Sdk = 'v3' }, @{ Sdk = 'v4' }) {
        $load = ($script:Foreign[$Sdk] | ForEach-Object { "Add-Type -Path '$_'" }) -join "`n"
        $output = Invoke-Child ($load + "`n" + $script:UseForeign[$Sdk] + "`n" + $script:UseOurs.Replace('__MODULE__', $script:ModulePath) + "`n" + @'
[SecretsTools.Diagnostics.ApiCallCounter]::Reset()
& ([scriptblock]::Create($foreignAgain))
"counted-foreign=" + [SecretsTools.Diagnostics.ApiCallCounter]::Total
[System.Runtime.Loader.AssemblyLoadContext]::All | ForEach-Object { $ctx = $_; $ctx.Assemblies | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' } | ForEach-Object { "core=" + $ctx.Name + ":" + [System.Diagnostics.FileVersionInfo]::GetVersionInfo($_.Location).FileVersion } }
'@).Replace('$foreignAgain', "@'`n$($script:UseForeign[$Sdk])`n'@")
        $output | Should -Contain 'ours=ps-value,sm-value'
        $output | Should -Contain 'listed=1,1'
        @($output | Where-Object { $_ -like 'foreign=*' }).Count | Should -Be 2
        # The other SDK's calls are not ours: our call counter (an SDK customizer) never sees them.
        $output | Should -Contain 'counted-foreign=0'
        $cores = @($output | Where-Object { $_ -like 'core=*' })
        $cores.Count | Should -Be 2
        [xml] $props = Get-Content (Join-Path $script:RepoRoot 'Directory.Packages.props')
        $ours = ($props.Project.ItemGroup.PackageVersion | Where-Object Include -EQ 'AWSSDK.Core').Version.Trim('[', ']')
        @($cores | Where-Object { $_ -like "core=SecretsTools.Engine:$ours*" }).Count | Should -Be 1
        @($cores | Where-Object { $_ -like 'core=Default:*' }).Count | Should -Be 1
    }

    It 'leaves room for <Sdk> when SecretsTools was loaded and used first' -ForEach @(@{ Sdk = 'v3' }, @{ Sdk = 'v4' }) {
        $load = ($script:Foreign[$Sdk] | ForEach-Object { "Add-Type -Path '$_'" }) -join "`n"
        $output = Invoke-Child ($script:UseOurs.Replace('__MODULE__', $script:ModulePath) + "`n" + $load + "`n" + $script:UseForeign[$Sdk] + "`n" + @'
$again = Get-Secret "ssm:/$stem/a" -AsPlainText
"ours-again=" + $again
'@)
        $output | Should -Contain 'ours=ps-value,sm-value'
        @($output | Where-Object { $_ -like 'foreign=*' }).Count | Should -Be 1
        $output | Should -Contain 'ours-again=ps-value'
    }
}

Describe 'Import-Module loads no AWS SDK' {
    It 'loads only the main assembly on import, Get-Command -Syntax and Get-Help; the engine comes with the first call' {
        $output = Invoke-Child (@'
function Loaded { ([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name } | Where-Object { $_ -like 'AWSSDK*' -or $_ -like 'SecretsTools*' } | Sort-Object) -join ',' }
Import-Module '__MODULE__'
"import=" + (Loaded)
$null = Get-Command Get-Secret, Set-Secret, Get-SecretInfo -Syntax
$null = Get-Help Get-Secret -Full
$null = Get-Command -Module SecretsTools | ForEach-Object { $_.Parameters.Values.ParameterType }
"syntax=" + (Loaded)
$null = Get-Secret "ssm:/nothing-$([guid]::NewGuid().ToString('N'))" -ErrorAction SilentlyContinue
"call=" + (Loaded)
"contexts=" + (([System.Runtime.Loader.AssemblyLoadContext]::All | Where-Object { $_.Assemblies | Where-Object { $_.GetName().Name -like 'AWSSDK*' } } | ForEach-Object Name) -join ',')
'@).Replace('__MODULE__', $script:ModulePath)
        $output | Should -Contain 'import=SecretsTools'
        $output | Should -Contain 'syntax=SecretsTools'
        $call = ($output | Where-Object { $_ -like 'call=*' })
        $call | Should -BeLike '*AWSSDK.Core*'
        $call | Should -BeLike '*SecretsTools.Engine*'
        $output | Should -Contain 'contexts=SecretsTools.Engine'
    }

    It 'exports explicit lists and one format file, and ships the SDK only in engine/' {
        $manifest = Import-PowerShellDataFile $script:ModulePath
        foreach ($key in 'CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            @($manifest[$key]) | Should -Not -Contain '*'
        }
        @($manifest.CmdletsToExport).Count | Should -BeGreaterThan 5
        @($manifest.FormatsToProcess) | Should -Be @('SecretsTools.format.ps1xml')
        $root = Split-Path $script:ModulePath
        @(Get-ChildItem $root -Filter 'AWSSDK*.dll') | Should -BeNullOrEmpty
        (Get-ChildItem (Join-Path $root 'engine') -Filter '*.dll').Name | Should -Contain 'AWSSDK.Core.dll'
    }

    It 'has no AWS SDK type in any parameter, output type or base class of its cmdlets' {
        Import-Module $script:ModulePath -Force
        $types = foreach ($command in Get-Command -Module SecretsTools -CommandType Cmdlet) {
            $command.Parameters.Values.ParameterType
            $command.OutputType.Type
            $t = $command.ImplementingType; while ($t) { $t; $t = $t.BaseType }
        }
        @($types | Where-Object { $_ -and $_.Assembly.GetName().Name -like 'AWSSDK*' }) | Should -BeNullOrEmpty
        @([SecretsTools.Commands.GetSecretCommand].Assembly.GetReferencedAssemblies().Name | Where-Object { $_ -like 'AWSSDK*' }) | Should -BeNullOrEmpty
    }
}

Describe 'Nothing of the SDK in errors, and a broken install says so' {
    It 'keeps AWS SDK types out of every error''s exception chain' {
        Import-Module $script:ModulePath -Force
        $missing = "/$(New-TestName)/none"
        Get-Secret "ssm:$missing", "sm:$(New-TestName)" -ErrorAction SilentlyContinue -ErrorVariable e1
        Get-SecretInfo "sm:$(New-TestName)" -ErrorAction SilentlyContinue -ErrorVariable e2
        Remove-Secret "sm:$(New-TestName)" -WithoutRecovery -Force -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e3
        $records = @($e1) + @($e2) + @($e3)
        $records.Count | Should -BeGreaterOrEqual 4
        foreach ($record in $records) {
            $ex = $record.Exception
            while ($ex) {
                $ex.GetType().Assembly.GetName().Name | Should -Not -BeLike 'AWSSDK*'
                $ex.GetType().Assembly.GetName().Name | Should -Not -Be 'SecretsTools.Engine'
                $ex = $ex.InnerException
            }
        }
        ($e1 | Where-Object { $_.TargetObject -eq $missing }).Exception.ErrorCode | Should -BeNullOrEmpty -Because 'GetParameters reports missing names without an AWS error'
        ($e2[0].Exception.GetType().Name) | Should -Be 'SecretStoreException'
    }

    It 'stops with a clear error when a dll is missing from engine/, never running on another SDK' {
        $copy = Join-Path $TestDrive 'broken/SecretsTools'
        Copy-Item (Split-Path $script:ModulePath) $copy -Recurse
        Remove-Item (Join-Path $copy 'engine/AWSSDK.Core.dll')
        $load = ($script:Foreign.v4 | ForEach-Object { "Add-Type -Path '$_'" }) -join "`n"
        $use = @"
Import-Module '$(Join-Path $copy 'SecretsTools.psd1')'
try { Get-Secret 'ssm:/x' -ErrorAction Stop } catch { "id=" + `$_.FullyQualifiedErrorId; "message=" + `$_.Exception.Message }
"@
        $output = Invoke-Child ($load + "`n" + $use)
        ($output | Where-Object { $_ -like 'id=*' }) | Should -BeLike 'id=AwsConfigurationError*'
        ($output | Where-Object { $_ -like 'message=*' }) | Should -BeLike "*has no AWSSDK.Core.dll; reinstall the module*"
    }
}

Describe 'Credentials the SDK gets through STS' {
    It 'assumes a role with a web identity token (AWSSDK.SecurityToken ships in engine/)' {
        $token = Join-Path $TestDrive 'token.jwt'
        Set-Content $token 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ0ZXN0In0.'
        $name = New-TestName
        $output = Invoke-Child (@"
Remove-Item Env:AWS_ACCESS_KEY_ID, Env:AWS_SECRET_ACCESS_KEY
`$env:AWS_WEB_IDENTITY_TOKEN_FILE = '$token'
`$env:AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/secretstools-test'
`$env:AWS_ROLE_SESSION_NAME = 'pester'
Import-Module '$($script:ModulePath)'
Set-Secret '$name' -Secret 'via-web-identity' -Confirm:`$false
"read=" + (Get-Secret '$name' -AsPlainText)
"@)
        $output | Should -Contain 'read=via-web-identity'
    }
}
