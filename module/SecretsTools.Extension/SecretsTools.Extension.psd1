@{
    # The Microsoft.PowerShell.SecretManagement vault extension of SecretsTools: SecretManagement
    # looks for <ModuleName>.Extension beside the module and calls these functions in it. They are
    # not exported to users (SecretsTools.psd1 exports no functions); Register-SecretVault finds them.
    ModuleVersion     = '1.0.0'
    RootModule        = 'SecretsTools.Extension.psm1'
    GUID              = 'c7a4d1e2-6b8f-4e0a-9c3d-2f5e8a1b7c90'
    Author            = 'SecretsTools contributors'
    Description       = 'SecretManagement vault extension over AWS Secrets Manager and SSM Parameter Store.'
    PowerShellVersion = '7.4'
    FunctionsToExport = @('Get-Secret', 'Set-Secret', 'Remove-Secret', 'Get-SecretInfo', 'Set-SecretInfo', 'Test-SecretVault', 'Unregister-SecretVault')
    CmdletsToExport   = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
