# The SecretManagement 1.1 vault contract over SecretsTools' own stores. Every function is a thin
# call into [SecretsTools.Vault.VaultBridge] (in SecretsTools.dll), so the vault shares the
# cmdlets' AWS code; this file only adapts parameters, errors and SecretManagement's types.
# SecretInformation and SecretType exist only once SecretManagement is loaded, so they are looked
# up by name at run time, never referenced when the module is built or imported.

function Get-VaultBridge {
    $bridge = 'SecretsTools.Vault.VaultBridge' -as [type]
    if (-not $bridge) {
        # Register-SecretVault imports this folder on its own; the calls themselves come through SecretsTools.
        Import-Module (Join-Path $PSScriptRoot '../SecretsTools.psd1') -ErrorAction Stop
        $bridge = 'SecretsTools.Vault.VaultBridge' -as [type]
    }
    return $bridge
}

function Invoke-VaultCall {
    # Runs a bridge call; a VaultException becomes the ErrorRecord it carries (our ErrorId), written
    # as a non-terminating error so SecretManagement shows it beside its own message. SecretManagement
    # passes its own -Verbose as AdditionalParameters.Verbose; names only, never values.
    param([System.Management.Automation.PSCmdlet] $Cmdlet, [scriptblock] $Call)
    $parameters = $Cmdlet.MyInvocation.BoundParameters
    $additional = $parameters['AdditionalParameters']
    if ($additional -and $additional['Verbose'] -eq $true) {
        $what = if ($parameters.ContainsKey('Name')) { " '$($parameters['Name'])'" } elseif ($parameters.ContainsKey('Filter')) { " -Filter '$($parameters['Filter'])'" } else { '' }
        $store = if ($additional['Store']) { $additional['Store'] } else { 'SecretsManager' }
        Write-Verbose "SecretsTools vault '$($parameters['VaultName'])': $($Cmdlet.MyInvocation.MyCommand.Name)$what on $store." -Verbose
    }
    try {
        & $Call
    } catch {
        $e = $_.Exception
        while ($e -and $e.GetType().FullName -ne 'SecretsTools.Vault.VaultException') { $e = $e.InnerException }
        if ($e) { $Cmdlet.WriteError($e.ErrorRecord) } else { $Cmdlet.WriteError($_) }
    }
}

function Get-Secret {
    [CmdletBinding()]
    param(
        [string] $Name,
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    $bridge = Get-VaultBridge
    Invoke-VaultCall $PSCmdlet {
        $value = $bridge::GetSecret($Name, $VaultName, $AdditionalParameters)
        # The comma keeps a byte[] one object (SecretManagement also re-wraps bytes, but a
        # Hashtable or array must not be enumerated into the pipeline).
        if ($null -ne $value) { , $value }
    }
}

function Set-Secret {
    [CmdletBinding()]
    param(
        [string] $Name,
        [object] $Secret,
        [string] $VaultName,
        [hashtable] $AdditionalParameters,
        [hashtable] $Metadata
    )
    $bridge = Get-VaultBridge
    $ok = Invoke-VaultCall $PSCmdlet { $bridge::SetSecret($Name, $Secret, $VaultName, $AdditionalParameters, $Metadata); $true }
    return [bool] $ok
}

function Set-SecretInfo {
    [CmdletBinding()]
    param(
        [string] $Name,
        [hashtable] $Metadata,
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    $bridge = Get-VaultBridge
    $ok = Invoke-VaultCall $PSCmdlet { $bridge::SetSecretInfo($Name, $Metadata, $VaultName, $AdditionalParameters); $true }
    return [bool] $ok
}

function Remove-Secret {
    [CmdletBinding()]
    param(
        [string] $Name,
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    $bridge = Get-VaultBridge
    $ok = Invoke-VaultCall $PSCmdlet { $bridge::RemoveSecret($Name, $VaultName, $AdditionalParameters); $true }
    return [bool] $ok
}

function Get-SecretInfo {
    [CmdletBinding()]
    param(
        [string] $Filter,
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    $bridge = Get-VaultBridge
    $infoType = 'Microsoft.PowerShell.SecretManagement.SecretInformation' -as [type]
    $secretType = 'Microsoft.PowerShell.SecretManagement.SecretType' -as [type]
    if (-not $infoType -or -not $secretType) {
        $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new(
            [System.InvalidOperationException]::new('Get-SecretInfo of the SecretsTools vault runs under Microsoft.PowerShell.SecretManagement, which is not loaded; use SecretsTools\Get-SecretInfo directly.'),
            'SecretManagementNotLoaded', 'ResourceUnavailable', $VaultName))
        return
    }
    Invoke-VaultCall $PSCmdlet {
        foreach ($info in $bridge::GetSecretInfo($Filter, $VaultName, $AdditionalParameters)) {
            $infoType::new($info.Name, [System.Enum]::Parse($secretType, $info.Type), $VaultName, $info.Metadata)
        }
    }
}

function Test-SecretVault {
    [CmdletBinding()]
    param(
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    $bridge = Get-VaultBridge
    $ok = Invoke-VaultCall $PSCmdlet { $bridge::TestSecretVault($VaultName, $AdditionalParameters); $true }
    return [bool] $ok
}

function Unregister-SecretVault {
    # Nothing to clean up: the vault keeps no state of its own outside AWS.
    [CmdletBinding()]
    param(
        [string] $VaultName,
        [hashtable] $AdditionalParameters
    )
    Write-Verbose "SecretsTools vault '$VaultName' unregistered; nothing in AWS was changed."
}
