# Runs a script block in a new PowerShell process with its own temporary HOME, so what it writes
# under the user's profile (PSResourceGet's repository list, installed modules, caches) never
# touches the real one, and it sees only the modules it is given. Dot-sourced by tools/Package.ps1
# and the package tests. The redirection works on Linux and macOS, where .NET finds the user's
# folders from HOME and the XDG_* variables.

function New-IsolatedHome {
    # A fresh HOME whose data, config and cache folders exist: .NET reports a special folder that
    # does not exist as '', and PSResourceGet then writes its repository list relative to the
    # current directory.
    param([Parameter(Mandatory)] [string] $Path)
    foreach ($folder in '.local/share', '.config', '.cache') {
        New-Item -ItemType Directory -Path (Join-Path $Path $folder) -Force | Out-Null
    }
    return (Resolve-Path $Path).Path
}

function Get-PwshStartCommand {
    # The PowerShell running this script. Under `dotnet pwsh` that is dotnet plus pwsh.dll: the
    # dotnet tool itself cannot be found again once HOME (and with it ~/.nuget) has moved.
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { return @($process, (Join-Path $PSHOME 'pwsh.dll')) }
    return @($process)
}

function ConvertTo-SingleQuotedLiteral {
    param([AllowEmptyString()] [string] $Value)
    return "'" + [System.Management.Automation.Language.CodeGeneration]::EscapeSingleQuotedStringContent($Value) + "'"
}

function Invoke-IsolatedPwsh {
    <#
    .SYNOPSIS
        Runs ScriptBlock with string Parameters in a new pwsh whose HOME is HomePath and whose
        PSModulePath is ModulePath (pwsh adds its own Modules folder and the user's, under HomePath).
        Returns ExitCode, Output (stdout lines) and ErrorText; the rest of the environment is inherited.
    #>
    param(
        [Parameter(Mandatory)] [scriptblock] $ScriptBlock,
        [hashtable] $Parameters = @{},
        [Parameter(Mandatory)] [string] $HomePath,
        [string[]] $ModulePath = @(),
        [int] $TimeoutSeconds = 180
    )
    $homePath = New-IsolatedHome $HomePath
    $arguments = ($Parameters.GetEnumerator() | ForEach-Object { "-$($_.Key) $(ConvertTo-SingleQuotedLiteral "$($_.Value)")" }) -join ' '
    $command = "& {$ScriptBlock} $arguments"
    $start = Get-PwshStartCommand
    $psi = [System.Diagnostics.ProcessStartInfo]::new($start[0])
    foreach ($a in @($start | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-EncodedCommand', [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($command)))) {
        $psi.ArgumentList.Add($a)
    }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.WorkingDirectory = $homePath
    $psi.Environment['HOME'] = $homePath
    $psi.Environment['XDG_DATA_HOME'] = Join-Path $homePath '.local/share'
    $psi.Environment['XDG_CONFIG_HOME'] = Join-Path $homePath '.config'
    $psi.Environment['XDG_CACHE_HOME'] = Join-Path $homePath '.cache'
    $psi.Environment['PSModulePath'] = ($ModulePath + (Join-Path $PSHOME 'Modules')) -join [IO.Path]::PathSeparator
    $psi.Environment['NO_COLOR'] = '1'
    $psi.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
    $psi.Environment['POWERSHELL_UPDATECHECK'] = 'Off'
    $process = [System.Diagnostics.Process]::Start($psi)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
            $process.Kill($true)
            throw "The child PowerShell did not finish within $TimeoutSeconds seconds."
        }
        $process.WaitForExit()
        return [pscustomobject]@{
            ExitCode  = $process.ExitCode
            Output    = @($stdout.Result -split '\r?\n' | Where-Object { $_ -ne '' })
            ErrorText = $stderr.Result.Trim()
        }
    }
    finally { $process.Dispose() }
}
