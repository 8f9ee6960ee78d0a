@{
    # The version is stamped in by build.ps1 from Directory.Build.props; do not edit it here.
    ModuleVersion        = '0.0.0'
    RootModule           = 'SecretsTools.dll'
    GUID                 = '5b0f3f55-1c9e-4f33-9a41-1f0c6ad2e7c4'
    Author               = 'SecretsTools contributors'
    CompanyName          = 'SecretsTools'
    Copyright            = '(c) SecretsTools contributors. Apache-2.0.'
    Description          = 'AWS Secrets Manager and SSM Parameter Store behind one set of PowerShell nouns: Get-Secret, Set-Secret, Get-SecretInfo, Remove-Secret and more.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('SecretsTools.format.ps1xml')
    # The SecretManagement vault extension (Register-SecretVault -ModuleName SecretsTools): nested,
    # so SecretManagement's "& $module 'SecretsTools.Extension\Get-Secret'" resolves in our scope.
    # Its functions are not exported (FunctionsToExport is empty): users keep our cmdlets' names.
    NestedModules        = @('SecretsTools.Extension/SecretsTools.Extension.psd1')
    CmdletsToExport      = @(
        'Get-Secret'
        'Set-Secret'
        'Get-SecretInfo'
        'Set-SecretInfo'
        'Remove-Secret'
        'Restore-Secret'
        'New-SecretPassword'
        'Copy-Secret'
        'Invoke-SecretMigration'
        'Compare-Secret'
        'Move-Secret'
        'New-SecretMigrationPlan'
        'Clear-SecretCache'
        'Invoke-WithSecret'
        'Expand-SecretTemplate'
        'Export-Secret'
        'Import-Secret'
        'Get-SecretsToolsConfiguration'
        'Set-SecretsToolsConfiguration'
        'Get-SecretVersion'
        'Set-SecretVersionLabel'
        'Remove-SecretVersionLabel'
        'Restore-SecretVersion'
        'Enable-SecretRotation'
        'Disable-SecretRotation'
        'Invoke-SecretRotation'
        'Get-SecretAuditEvent'
        'New-SecretAccessPolicy'
        'Get-SecretResourcePolicy'
        'Set-SecretResourcePolicy'
        'Remove-SecretResourcePolicy'
        'Add-SecretReplica'
        'Remove-SecretReplica'
        'Stop-SecretReplication'
        'Export-SecretInfo'
        'Measure-SecretCost'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('AWS', 'SecretsManager', 'ParameterStore', 'SSM', 'Secrets', 'Windows', 'Linux', 'MacOS')
            ProjectUri = 'https://github.com/secretstools/SecretsTools'
            LicenseUri = 'https://github.com/secretstools/SecretsTools/blob/main/LICENSE'
            # ReleaseNotes are stamped in by tools/Package.ps1 from CHANGELOG.md's section for the version.
        }
    }
}
