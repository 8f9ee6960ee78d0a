BeforeDiscovery {
    $script:Cmdlets = 'Get-Secret', 'Set-Secret', 'Get-SecretInfo', 'Set-SecretInfo', 'Remove-Secret', 'Restore-Secret', 'New-SecretPassword', 'Copy-Secret', 'Move-Secret', 'Invoke-SecretMigration', 'Compare-Secret'
    $script:Cmdlets += 'New-SecretMigrationPlan'
    $script:Cmdlets += 'Clear-SecretCache'
    $script:Cmdlets += 'Invoke-WithSecret'
    $script:Cmdlets += 'Expand-SecretTemplate'
    $script:Cmdlets += 'Export-Secret'
    $script:Cmdlets += 'Import-Secret'
    $script:Cmdlets += 'Get-SecretsToolsConfiguration', 'Set-SecretsToolsConfiguration'
    $script:Cmdlets += 'Get-SecretVersion', 'Set-SecretVersionLabel', 'Remove-SecretVersionLabel', 'Restore-SecretVersion'
    $script:Cmdlets += 'Enable-SecretRotation', 'Disable-SecretRotation', 'Invoke-SecretRotation'
    $script:Cmdlets += 'Get-SecretAuditEvent'
    $script:Cmdlets += 'New-SecretAccessPolicy'
    $script:Cmdlets += 'Get-SecretResourcePolicy', 'Set-SecretResourcePolicy', 'Remove-SecretResourcePolicy'
    $script:Cmdlets += 'Add-SecretReplica', 'Remove-SecretReplica', 'Stop-SecretReplication'
    $script:Cmdlets += 'Export-SecretInfo', 'Measure-SecretCost'
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:ManifestPath = Join-Path $PSScriptRoot '../../out/SecretsTools/SecretsTools.psd1'
    $script:Expected = 'Get-Secret', 'Set-Secret', 'Get-SecretInfo', 'Set-SecretInfo', 'Remove-Secret', 'Restore-Secret', 'New-SecretPassword', 'Copy-Secret', 'Move-Secret', 'Invoke-SecretMigration', 'Compare-Secret'
    $script:Expected += 'New-SecretMigrationPlan'
    $script:Expected += 'Clear-SecretCache'
    $script:Expected += 'Invoke-WithSecret'
    $script:Expected += 'Expand-SecretTemplate'
    $script:Expected += 'Export-Secret'
    $script:Expected += 'Import-Secret'
    $script:Expected += 'Get-SecretsToolsConfiguration', 'Set-SecretsToolsConfiguration'
    $script:Expected += 'Get-SecretVersion', 'Set-SecretVersionLabel', 'Remove-SecretVersionLabel', 'Restore-SecretVersion'
    $script:Expected += 'Enable-SecretRotation', 'Disable-SecretRotation', 'Invoke-SecretRotation'
    $script:Expected += 'Get-SecretAuditEvent'
    $script:Expected += 'New-SecretAccessPolicy'
    $script:Expected += 'Get-SecretResourcePolicy', 'Set-SecretResourcePolicy', 'Remove-SecretResourcePolicy'
    $script:Expected += 'Add-SecretReplica', 'Remove-SecretReplica', 'Stop-SecretReplication'
    $script:Expected += 'Export-SecretInfo', 'Measure-SecretCost'
}
AfterAll { Complete-SecretsToolsTest }

Describe 'SecretsTools module' {
    It 'has a valid manifest that exports exactly its cmdlets and nothing else' {
        $manifest = Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop
        $manifest.ExportedCmdlets.Keys | Sort-Object | Should -Be ($Expected | Sort-Object)
        $manifest.ExportedFunctions.Count | Should -Be 0
        $manifest.ExportedAliases.Count | Should -Be 0
        $manifest.ExportedVariables.Count | Should -Be 0
        $manifest.CompatiblePSEditions | Should -Be 'Core'
        $manifest.ExportedFormatFiles | Should -Match 'SecretsTools\.format\.ps1xml$'
    }

    It 'carries the version from Directory.Build.props' {
        [xml] $props = Get-Content (Join-Path $PSScriptRoot '../../Directory.Build.props')
        $version = ($props.Project.PropertyGroup | Where-Object { $_['Version'] } | Select-Object -First 1).Version
        (Test-ModuleManifest -Path $ManifestPath).Version | Should -Be ([version] $version)
        (Get-Module SecretsTools).Version | Should -Be ([version] $version)
    }

    It 'loads its cmdlets as binary cmdlets' {
        $commands = Get-Command -Module SecretsTools
        $commands.Name | Sort-Object | Should -Be ($Expected | Sort-Object)
        $commands.CommandType | Select-Object -Unique | Should -Be 'Cmdlet'
    }

    It 'loads the SecretInfo table and list views' {
        $format = Get-FormatData -TypeName SecretsTools.Model.SecretInfo
        $format | Should -Not -BeNullOrEmpty
        $controls = $format.FormatViewDefinition.Control | ForEach-Object { $_.GetType().Name }
        $controls | Should -Contain 'TableControl'
        $controls | Should -Contain 'ListControl'
    }
}

Describe '<_>' -ForEach $Cmdlets {
    BeforeAll { $command = Get-Command $_ }

    It 'declares [OutputType]' {
        $command.OutputType | Should -Not -BeNullOrEmpty
        $command.OutputType.Name | Should -Not -Contain $null
    }

    It 'has a syntax PowerShell can show (parameter sets resolve)' {
        { Get-Command $_ -Syntax -ErrorAction Stop } | Should -Not -Throw
        (Get-Command $_ -Syntax) | Should -Match ([regex]::Escape($_))
    }

    # Clear-SecretCache, Export-SecretInfo and Measure-SecretCost make no AWS call; the configuration
    # cmdlets store -Region and -ProfileName as settings but connect nowhere, so they take no
    # -Credential. New-SecretAccessPolicy only writes JSON: its -Region is the Region in the ARNs.
    It 'takes the AWS connection parameters' -Skip:($_ -in 'Clear-SecretCache', 'New-SecretAccessPolicy', 'Export-SecretInfo', 'Measure-SecretCost') {
        if ($_ -like '*-SecretsToolsConfiguration') { $command.Parameters.Keys | Should -Not -Contain 'Credential'; return }
        foreach ($p in 'Region', 'ProfileName', 'EndpointUrl', 'Credential') { $command.Parameters.Keys | Should -Contain $p }
    }

    # build.ps1 generates the help from docs/en-US and fails without it, so it is always there.
    It 'has help with examples' {
        $help = Get-Help $_ -Examples
        @($help.examples.example) | Should -Not -BeNullOrEmpty
        @($help.examples.example)[0].code | Should -Match ([regex]::Escape($_))
        "$((Get-Help $_).Synopsis)" | Should -Not -Match ([regex]::Escape($_) + ' \[')
    }
}

Describe 'Cmdlet contracts' {
    It '<Name> has output type <Type>' -ForEach @(
        @{ Name = 'Get-Secret'; Type = 'System.Security.SecureString' }
        @{ Name = 'Get-Secret'; Type = 'System.String' }
        @{ Name = 'Get-Secret'; Type = 'System.String[]' }
        @{ Name = 'Get-Secret'; Type = 'System.Byte[]' }
        @{ Name = 'Get-Secret'; Type = 'System.Collections.Hashtable' }
        @{ Name = 'Get-Secret'; Type = 'System.Management.Automation.PSCredential' }
        @{ Name = 'Get-SecretInfo'; Type = 'SecretsTools.Model.SecretInfo' }
        @{ Name = 'Set-Secret'; Type = 'SecretsTools.Model.SecretInfo' }
        @{ Name = 'Set-SecretInfo'; Type = 'SecretsTools.Model.SecretInfo' }
        @{ Name = 'Restore-Secret'; Type = 'SecretsTools.Model.SecretInfo' }
        @{ Name = 'New-SecretPassword'; Type = 'System.Security.SecureString' }
        @{ Name = 'New-SecretPassword'; Type = 'System.String' }
        @{ Name = 'Get-Secret'; Type = 'SecretsTools.Model.SecretEntry' }
        @{ Name = 'Get-Secret'; Type = 'System.Collections.Specialized.OrderedDictionary' }
        @{ Name = 'Copy-Secret'; Type = 'SecretsTools.Model.SecretCopyResult' }
        @{ Name = 'Move-Secret'; Type = 'SecretsTools.Model.SecretCopyResult' }
        @{ Name = 'Invoke-SecretMigration'; Type = 'SecretsTools.Model.SecretMigrationResult' }
        @{ Name = 'Compare-Secret'; Type = 'SecretsTools.Model.SecretComparison' }
        @{ Name = 'New-SecretMigrationPlan'; Type = 'SecretsTools.Model.SecretMigrationPlanItem' }
        @{ Name = 'Import-Secret'; Type = 'SecretsTools.Model.SecretImportResult' }
        @{ Name = 'Get-SecretsToolsConfiguration'; Type = 'SecretsTools.Model.SecretsToolsConfiguration' }
        @{ Name = 'Set-SecretsToolsConfiguration'; Type = 'SecretsTools.Model.SecretsToolsConfiguration' }
        @{ Name = 'Get-SecretVersion'; Type = 'SecretsTools.Model.SecretVersion' }
        @{ Name = 'Set-SecretVersionLabel'; Type = 'SecretsTools.Model.SecretVersion' }
        @{ Name = 'Remove-SecretVersionLabel'; Type = 'SecretsTools.Model.SecretVersion' }
        @{ Name = 'Restore-SecretVersion'; Type = 'SecretsTools.Model.SecretVersionRestoreResult' }
        @{ Name = 'Enable-SecretRotation'; Type = 'SecretsTools.Model.SecretInfo' }
        @{ Name = 'Disable-SecretRotation'; Type = 'SecretsTools.Model.SecretInfo' }
        @{ Name = 'Invoke-SecretRotation'; Type = 'SecretsTools.Model.SecretRotationResult' }
        @{ Name = 'Get-SecretAuditEvent'; Type = 'SecretsTools.Model.SecretAuditEvent' }
        @{ Name = 'Get-SecretAuditEvent'; Type = 'SecretsTools.Model.SecretAuditSummary' }
        @{ Name = 'New-SecretAccessPolicy'; Type = 'System.String' }
        @{ Name = 'New-SecretAccessPolicy'; Type = 'System.Collections.Specialized.OrderedDictionary' }
        @{ Name = 'Get-SecretResourcePolicy'; Type = 'SecretsTools.Model.SecretResourcePolicy' }
        @{ Name = 'Get-SecretResourcePolicy'; Type = 'System.Collections.Hashtable' }
        @{ Name = 'Set-SecretResourcePolicy'; Type = 'SecretsTools.Model.SecretResourcePolicy' }
        @{ Name = 'Remove-SecretResourcePolicy'; Type = 'SecretsTools.Model.SecretResourcePolicy' }
        @{ Name = 'Add-SecretReplica'; Type = 'SecretsTools.Model.SecretInfo' }
        @{ Name = 'Remove-SecretReplica'; Type = 'SecretsTools.Model.SecretInfo' }
        @{ Name = 'Stop-SecretReplication'; Type = 'SecretsTools.Model.SecretInfo' }
        @{ Name = 'Export-SecretInfo'; Type = 'System.String' }
        @{ Name = 'Export-SecretInfo'; Type = 'System.IO.FileInfo' }
        @{ Name = 'Export-SecretInfo'; Type = 'SecretsTools.Model.CloudFormationImportItem' }
        @{ Name = 'Measure-SecretCost'; Type = 'SecretsTools.Model.SecretCostGroup' }
    ) {
        (Get-Command $Name).OutputType.Name | Should -Contain $Type
    }

    It '<_> supports -WhatIf and -Confirm' -ForEach 'Set-Secret', 'Set-SecretInfo', 'Remove-Secret', 'Restore-Secret', 'Copy-Secret', 'Move-Secret', 'Invoke-SecretMigration', 'Import-Secret', 'Set-SecretsToolsConfiguration', 'Expand-SecretTemplate', 'Export-Secret', 'Set-SecretVersionLabel', 'Remove-SecretVersionLabel', 'Restore-SecretVersion', 'Enable-SecretRotation', 'Disable-SecretRotation', 'Invoke-SecretRotation', 'Set-SecretResourcePolicy', 'Remove-SecretResourcePolicy', 'Add-SecretReplica', 'Remove-SecretReplica', 'Stop-SecretReplication', 'Export-SecretInfo' {
        $parameters = (Get-Command $_).Parameters.Keys
        $parameters | Should -Contain 'WhatIf'
        $parameters | Should -Contain 'Confirm'
    }

    It 'Remove-Secret asks for confirmation by default (ConfirmImpact High)' {
        $attribute = (Get-Command Remove-Secret).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }

    It 'Get-SecretInfo output binds to Get-Secret, Remove-Secret and Set-SecretInfo by property name' {
        foreach ($name in 'Get-Secret', 'Remove-Secret', 'Set-SecretInfo', 'Restore-Secret', 'Get-SecretVersion', 'Set-SecretVersionLabel', 'Restore-SecretVersion', 'Enable-SecretRotation', 'Disable-SecretRotation', 'Invoke-SecretRotation', 'Get-SecretResourcePolicy', 'Set-SecretResourcePolicy', 'Remove-SecretResourcePolicy', 'Add-SecretReplica', 'Remove-SecretReplica', 'Stop-SecretReplication') {
            $parameters = (Get-Command $name).Parameters
            $parameters['Name'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName | Should -Contain $true
            $parameters['Store'].Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName | Should -Contain $true
        }
    }
}
