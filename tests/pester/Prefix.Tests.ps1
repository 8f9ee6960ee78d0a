# Import-Module SecretsTools -Prefix Aws, the way to use it beside Microsoft.PowerShell.SecretManagement:
# every cmdlet under its prefixed name, its completers and help, and module-qualified names.
# Each test runs in a fresh runspace of this process (no SecretsTools command imported there but
# the prefixed ones), so nothing in this session can answer for the prefixed names.
BeforeDiscovery {
    # The cmdlets to run, known before the module is imported (discovery runs before BeforeAll).
    $script:Exported = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../SecretsTools.psd1')).CmdletsToExport | Sort-Object
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:ModulePath = Join-Path $script:RepoRoot 'out/SecretsTools/SecretsTools.psd1'

    function Invoke-Fresh {
        # Runs $Script in a new runspace with $Setup first (an import), and returns what it outputs;
        # any error there fails the test, as it would be lost otherwise.
        param([string] $Setup = 'Import-Module $args[0] -Prefix Aws', [scriptblock] $Script, [hashtable] $Arguments = @{})
        $ps = [powershell]::Create([System.Management.Automation.RunspaceMode]::NewRunspace)
        try {
            $null = $ps.AddScript($Setup).AddArgument($script:ModulePath).AddStatement()
            $null = $ps.AddScript($Script.ToString())
            foreach ($key in $Arguments.Keys) { $null = $ps.AddParameter($key, $Arguments[$key]) }
            $output = $ps.Invoke()
            $errors = @($ps.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
            $errors | Should -BeNullOrEmpty -Because 'nothing run under the prefixed names should fail'
            return $output
        }
        finally { $ps.Dispose() }
    }

    $script:Name = New-TestName 'px'
    Set-Secret $Name -Secret @{ user = 'u0'; password = 'p0' } -Confirm:$false
    Set-Secret $Name -Secret @{ user = 'u1'; password = 'p1' } -Confirm:$false
    $script:OldVersion = (Get-SecretVersion $Name | Where-Object { -not $_.IsCurrent }).Version
    $script:Gone = New-TestName 'pxgone'
    Set-Secret $Gone -Secret 'v' -Confirm:$false
    Remove-Secret $Gone -Confirm:$false
    # moto has no CloudTrail LookupEvents: Get-AwsSecretAuditEvent reads from a fake CloudTrail.
    . (Join-Path $PSScriptRoot 'FakeCloudTrail.ps1')
    $script:Trail = Start-FakeCloudTrail -Events @(New-FakeTrailEvent -Id px1 -Name GetSecretValue -Time ([datetime]::UtcNow) -Resource "arn:aws:secretsmanager:us-east-1:123456789012:secret:$Name-AbCdEf") -SecretArn "arn:aws:secretsmanager:us-east-1:123456789012:secret:$Name-AbCdEf"
    $script:Path = "/$(New-TestName 'pxp')"
    Set-Secret "ssm:$Path/one" -Secret 'ssm-one' -Confirm:$false

    # One real call for each cmdlet under its prefixed name, read-only or -WhatIf, each returning
    # what shows the call worked (and, for -WhatIf, that nothing changed).
    $script:Calls = [ordered]@{
        'Get-Secret'                    = @{ Expected = 'u1'; Script = { param($N) Get-AwsSecret "$N#user" -AsPlainText } }
        'Set-Secret'                    = @{ Expected = 'u1'; Script = { param($N) Set-AwsSecret $N -Secret 'changed' -WhatIf; Get-AwsSecret "$N#user" -AsPlainText -NoCache } }
        'Get-SecretInfo'                = @{ Expected = 'NAME'; Script = { param($N) (Get-AwsSecretInfo $N).Name } }
        'Set-SecretInfo'                = @{ Expected = ''; Script = { param($N) Set-AwsSecretInfo $N -Description 'x' -WhatIf; [string](Get-AwsSecretInfo $N).Description } }
        'Remove-Secret'                 = @{ Expected = 'NAME'; Script = { param($N) Remove-AwsSecret $N -WhatIf; (Get-AwsSecretInfo $N).Name } }
        'Restore-Secret'                = @{ Expected = 'True'; Script = { param($G) Restore-AwsSecret $G -WhatIf; [string][bool](Get-AwsSecretInfo $G -IncludeDeleted).DeletedDate } }
        'New-SecretPassword'            = @{ Expected = '24'; Script = { [string](New-AwsSecretPassword -Length 24 -AsPlainText).Length } }
        'Copy-Secret'                   = @{ Expected = '0'; Script = { param($N) Copy-AwsSecret $N -Destination "$N-copy" -WhatIf; [string]@(Get-AwsSecretInfo "$N-copy*").Count } }
        'Move-Secret'                   = @{ Expected = '0 NAME'; Script = { param($N) Move-AwsSecret $N -Destination "$N-moved" -WhatIf; "$(@(Get-AwsSecretInfo "$N-moved*").Count) $((Get-AwsSecretInfo $N).Name)" } }
        'Compare-Secret'                = @{ Expected = 'Match'; Script = { param($N) [string](Compare-AwsSecret $N $N).Status } }
        'New-SecretMigrationPlan'       = @{ Expected = 'Create'; Script = { param($P) [string](New-AwsSecretMigrationPlan -Path $P -Recurse -DestinationStore SecretsManager | Where-Object { $_ -is [SecretsTools.Model.SecretMigrationPlanItem] }).Action } }
        'Invoke-SecretMigration'        = @{ Expected = 'True 0'; Script = { param($P) $plan = New-AwsSecretMigrationPlan -Path $P -Recurse -DestinationStore SecretsManager; Invoke-AwsSecretMigration -Plan $plan -WhatIf; $item = $plan | Where-Object { $_ -is [SecretsTools.Model.SecretMigrationPlanItem] }; "$($item.DestinationName -like '*one') $(@(Get-AwsSecretInfo "$($item.DestinationName)*").Count)" } }
        'Clear-SecretCache'             = @{ Expected = 'u1'; Script = { param($N) Clear-AwsSecretCache; Get-AwsSecret "$N#user" -AsPlainText } }
        'Invoke-WithSecret'             = @{ Expected = 'u1'; Script = { param($N) Invoke-AwsWithSecret -Environment @{ PX_USER = "$N#user" } -ScriptBlock { $env:PX_USER } } }
        'Expand-SecretTemplate'         = @{ Expected = 'user=u1'; Script = { param($N) Expand-AwsSecretTemplate -InputObject "user={{ sm:$N#user }}" } }
        'Export-Secret'                 = @{ Expected = 'True'; Script = { param($N) [string]((Export-AwsSecret $N -Format Json -AsPlainText -FullName) -match '"u1"') } }
        'Import-Secret'                 = @{ Expected = '0'; Script = { param($N) Import-AwsSecret -InputObject @{ k = 'v' } -Prefix "$N-imp/" -WhatIf; [string]@(Get-AwsSecretInfo "$N-imp/*").Count } }
        'Get-SecretsToolsConfiguration' = @{ Expected = 'Process'; Script = { [string](Get-AwsSecretsToolsConfiguration -Scope Process).Scope } }
        'Set-SecretsToolsConfiguration' = @{ Expected = ''; Script = { Set-AwsSecretsToolsConfiguration -Scope Process -DefaultStore ParameterStore -WhatIf; [string](Get-AwsSecretsToolsConfiguration -Scope Process).DefaultStore } }
        'Get-SecretVersion'             = @{ Expected = '2'; Script = { param($N) [string]@(Get-AwsSecretVersion $N).Count } }
        'Set-SecretVersionLabel'        = @{ Expected = ''; Script = { param($N, $V) Set-AwsSecretVersionLabel $N -Label pxlabel -Version $V -WhatIf; [string](Get-AwsSecretVersion $N | Where-Object Labels -Contains pxlabel).Version } }
        'Remove-SecretVersionLabel'     = @{ Expected = 'OLD'; Script = { param($N) Remove-AwsSecretVersionLabel $N -Label AWSPREVIOUS -WhatIf; [string](Get-AwsSecretVersion $N | Where-Object Labels -Contains AWSPREVIOUS).Version } }
        'Restore-SecretVersion'         = @{ Expected = 'u1'; Script = { param($N, $V) Restore-AwsSecretVersion $N $V -WhatIf; Get-AwsSecret "$N#user" -AsPlainText -NoCache } }
        'Enable-SecretRotation'         = @{ Expected = ''; Script = { param($N) Enable-AwsSecretRotation $N -LambdaArn 'arn:aws:lambda:us-east-1:123456789012:function:px' -RotateAfterDays 30 -WhatIf; [string](Get-AwsSecretInfo $N).RotationEnabled } }
        'Disable-SecretRotation'        = @{ Expected = ''; Script = { param($N) Disable-AwsSecretRotation $N -WhatIf; [string](Get-AwsSecretInfo $N).RotationEnabled } }
        'Get-SecretAuditEvent'          = @{ Expected = 'GetSecretValue'; Script = { param($N, $T) [string](Get-AwsSecretAuditEvent $N -EndpointUrl $T -Region us-east-1).EventName } }
        'Invoke-SecretRotation'         = @{ Expected = 'p1'; Script = { param($N) Invoke-AwsSecretRotation $N -GeneratePassword -PasswordKey password -WhatIf; Get-AwsSecret "$N#password" -AsPlainText -NoCache } }
        'New-SecretAccessPolicy'        = @{ Expected = 'secretsmanager:GetSecretValue'; Script = { param($N) (New-AwsSecretAccessPolicy "sm:$N" -Access Read | ConvertFrom-Json).Statement[0].Action | Where-Object { $_ -eq 'secretsmanager:GetSecretValue' } } }
        'Get-SecretResourcePolicy'      = @{ Expected = 'NAME'; Script = { param($N) [string](Get-AwsSecretResourcePolicy $N).Name } }
        'Set-SecretResourcePolicy'      = @{ Expected = ''; Script = { param($N) Set-AwsSecretResourcePolicy $N -AllowAccount 123456789012 -WhatIf; [string](Get-AwsSecretResourcePolicy $N).Policy } }
        'Remove-SecretResourcePolicy'   = @{ Expected = 'NAME'; Script = { param($N) Remove-AwsSecretResourcePolicy $N -WhatIf; [string](Get-AwsSecretResourcePolicy $N).Name } }
        'Add-SecretReplica'             = @{ Expected = '0'; Script = { param($N) Add-AwsSecretReplica $N -ReplicaRegion eu-west-1 -WhatIf; [string]@((Get-AwsSecretInfo $N).Replicas).Count } }
        'Remove-SecretReplica'          = @{ Expected = '0'; Script = { param($N) Remove-AwsSecretReplica $N -ReplicaRegion eu-west-1 -WhatIf; [string]@((Get-AwsSecretInfo $N).Replicas).Count } }
        'Stop-SecretReplication'        = @{ Expected = 'NAME'; Script = { param($N) Stop-AwsSecretReplication $N -WhatIf; [string](Get-AwsSecretInfo $N).Name } }
        'Export-SecretInfo'             = @{ Expected = 'True'; Script = { param($N) [string]((Get-AwsSecretInfo $N | Export-AwsSecretInfo -TemplateFormat Json) -match 'AWS::SecretsManager::Secret') } }
        'Measure-SecretCost'            = @{ Expected = '0.40'; Script = { param($N) '{0:0.00}' -f (Get-AwsSecretInfo $N | Measure-AwsSecretCost -GroupByDepth 0).MonthlyCost } }
    }
}
AfterAll {
    if ($script:Trail) { & $script:Trail.Stop }
    Complete-SecretsToolsTest
}

Describe 'Import-Module SecretsTools -Prefix Aws' {
    It 'exports every cmdlet under its prefixed name and no other' {
        $names = Invoke-Fresh -Script { (Get-Command -Module SecretsTools).Name }
        $expected = (Get-Command -Module SecretsTools).Name | ForEach-Object { $_ -replace '-', '-Aws' }
        $names | Sort-Object | Should -Be ($expected | Sort-Object)
        $Calls.Keys | Sort-Object | Should -Be ((Get-Command -Module SecretsTools).Name | Sort-Object) -Because 'each cmdlet has a prefixed call below'
    }

    It 'runs <Command> as its prefixed name against the server' -ForEach @($Exported | ForEach-Object { @{ Command = $_ } }) {
        $call = $Calls[$Command]
        $arguments = @{}
        $parameters = $call.Script.Ast.ParamBlock.Parameters.Name.VariablePath.UserPath
        $values = @{ N = $Name; G = $Gone; P = $Path; V = $OldVersion; T = $Trail.Endpoint }
        foreach ($p in $parameters) { $arguments[$p] = $values[$p] }
        $expected = $call.Expected -replace 'NAME', $Name -replace 'OLD', $OldVersion
        $output = Invoke-Fresh -Script $call.Script -Arguments $arguments
        ($output -join "`n") | Should -BeExactly $expected
    }

    It 'shows our help for every prefixed cmdlet: synopsis, examples and online address' {
        $ours = @{}
        foreach ($command in Get-Command -Module SecretsTools) { $ours[$command.Name -replace '-', '-Aws'] = (Get-Help $command.Name).Synopsis }
        $help = Invoke-Fresh -Script {
            foreach ($command in Get-Command -Module SecretsTools) {
                $h = Get-Help $command.Name
                [pscustomobject]@{ Name = $command.Name; Synopsis = $h.Synopsis; Examples = @($h.Examples.Example).Count; HelpUri = $command.HelpUri }
            }
        }
        $help.Count | Should -Be $ours.Count
        foreach ($h in $help) {
            $h.Synopsis | Should -BeExactly $ours[$h.Name] -Because "Get-Help $($h.Name) is the help of $($h.Name -replace '-Aws', '-')"
            $h.Examples | Should -BeGreaterOrEqual 2
            $h.HelpUri | Should -BeLike "*/$($h.Name -replace '-Aws', '-').md"
        }
        $examples = Invoke-Fresh -Script { (Get-Help Get-AwsSecret -Examples | Out-String -Width 200) }
        $examples | Should -Match 'Get-Secret '
    }

    It 'completes secret names, keys and regions under the prefixed names' {
        $completions = Invoke-Fresh -Arguments @{ N = $Name; Stem = $Name.Substring(0, 10) } -Script {
            param($N, $Stem)
            function Complete([string] $Line) { @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText) }
            [pscustomobject]@{
                Name    = Complete "Get-AwsSecret -Name $Stem"
                Key     = Complete "Get-AwsSecret $N#us"
                Region  = Complete 'Get-AwsSecret -Region us-ea'
                Info    = Complete "Get-AwsSecretInfo $Stem"
                Label   = Complete "Set-AwsSecretVersionLabel $N -Label AWSPREV"
            }
        }
        $completions.Name | Should -Be $Name
        $completions.Info | Should -Be $Name
        # Quoted, as a bare # would begin a comment.
        $completions.Key | Should -Be "'$Name#user'"
        $completions.Region | Should -Contain 'us-east-1'
        $completions.Region | Should -Contain 'us-east-2'
        $completions.Label | Should -Contain 'AWSPREVIOUS'
    }

    It 'completes only what is scheduled for deletion for Restore-AwsSecret' {
        # The completer once knew Restore-Secret by the command name, which -Prefix changes.
        $completions = Invoke-Fresh -Arguments @{ Stem = $Gone.Substring(0, 12) } -Script {
            param($Stem)
            $line = "Restore-AwsSecret $Stem"
            @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)
        }
        $completions | Should -Be $Gone
    }

    It "takes `$PSDefaultParameterValues keyed on the cmdlets' own names ('*-Secret*:Store'), not the prefixed ones" {
        # PowerShell matches these keys against the name a binary cmdlet declares (Get-Secret), not
        # the name -Prefix gives it; the about topic and README say so. If PowerShell ever matches the
        # prefixed name, this fails and the documentation must change.
        $result = Invoke-Fresh -Arguments @{ P = $Path } -Script {
            param($P)
            $PSDefaultParameterValues['*-Secret*:Store'] = 'ParameterStore'
            $PSDefaultParameterValues['Get-SecretInfo:Store'] = 'ParameterStore'
            $byOwnName = [pscustomobject]@{
                Value = Get-AwsSecret "$P/one" -AsPlainText
                Info  = [string](Get-AwsSecretInfo "$P/one").Store
            }
            $PSDefaultParameterValues.Clear()
            $PSDefaultParameterValues['*-AwsSecret*:Store'] = 'ParameterStore'
            $PSDefaultParameterValues['Get-AwsSecret:Store'] = 'ParameterStore'
            $byPrefixedName = Get-AwsSecret "$P/one" -AsPlainText -ErrorAction SilentlyContinue -ErrorVariable missed
            $byOwnName, [pscustomobject]@{ Value = $byPrefixedName; Error = [string]$missed[0].FullyQualifiedErrorId }
        }
        $result[0].Value | Should -BeExactly 'ssm-one'
        $result[0].Info | Should -BeExactly 'ParameterStore'
        $result[1].Value | Should -BeNullOrEmpty
        $result[1].Error | Should -BeLike 'SecretNotFound,*' -Because 'the prefixed key did not apply, so the name went to Secrets Manager'
    }
}

Describe 'Module-qualified names beside a SecretManagement already imported' {
    It 'reaches SecretsTools through SecretsTools\Get-Secret, and the vault module through its own name' {
        # A stand-in for Microsoft.PowerShell.SecretManagement (not installable here), imported first.
        $setup = {
            $vault = New-Module -Name Microsoft.PowerShell.SecretManagement -ScriptBlock {
                function Get-Secret { param($Name, $Vault) 'from-vault' }
                function Set-Secret { }
                function Get-SecretInfo { }
                function Remove-Secret { }
                function Set-SecretInfo { }
            }
            Import-Module $vault
            Import-Module $args[0]
        }
        $result = Invoke-Fresh -Setup $setup -Arguments @{ N = $Name } -Script {
            param($N)
            [pscustomobject]@{
                Ours      = SecretsTools\Get-Secret "$N#user" -AsPlainText
                Vault     = Microsoft.PowerShell.SecretManagement\Get-Secret -Name db -Vault local
                Info      = (SecretsTools\Get-SecretInfo $N).Name
                Sources   = @((Get-Command Get-Secret -All).Source)
            }
        }
        $result.Ours | Should -BeExactly 'u1'
        $result.Vault | Should -BeExactly 'from-vault'
        $result.Info | Should -BeExactly $Name
        $result.Sources | Should -Contain 'SecretsTools'
        $result.Sources | Should -Contain 'Microsoft.PowerShell.SecretManagement'
    }

    It 'leaves the plain names to SecretManagement under -Prefix Aws' {
        $setup = {
            Import-Module (New-Module -Name Microsoft.PowerShell.SecretManagement -ScriptBlock { function Get-Secret { param($Name) 'from-vault' } })
            Import-Module $args[0] -Prefix Aws
        }
        $result = Invoke-Fresh -Setup $setup -Arguments @{ N = $Name } -Script {
            param($N)
            [pscustomobject]@{
                Plain     = Get-Secret -Name $N
                Prefixed  = Get-AwsSecret "$N#user" -AsPlainText
                Qualified = SecretsTools\Get-AwsSecret "$N#user" -AsPlainText
            }
        }
        $result.Plain | Should -BeExactly 'from-vault'
        $result.Prefixed | Should -BeExactly 'u1'
        $result.Qualified | Should -BeExactly 'u1'
    }
}
