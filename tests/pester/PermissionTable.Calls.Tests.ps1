# The permission table (src/SecretsTools/Access/PermissionTable.cs) is what New-SecretAccessPolicy
# grants and every cmdlet's help lists, and it was written by reading the stores' code. Here it is
# checked against what the cmdlets really send: each case runs a cmdlet against moto_server, the
# API calls on the wire are counted (ApiCallCounter: service and operation), and every call must be
# an action of that cmdlet's table entry. A store that starts making a call the table does not
# grant fails here, before a user's narrow policy does. (moto answers every call it has; the cases
# avoid what it lacks, such as ValidateResourcePolicy, which Set-SecretResourcePolicy -SkipValidation
# leaves out.) KMS actions are not calls SecretsTools makes, so they are not seen here. Not run
# here: Enable-SecretRotation (moto's RotateSecret needs a Lambda), Stop-SecretReplication and
# Get-SecretAuditEvent (moto has no StopReplicationToReplica or LookupEvents), and the vault.
BeforeDiscovery {
    $script:Cases = @(
        @{ Cmdlet = 'Get-Secret'; Why = 'one name per store, a batch, a version selector, a path, a prefix and wildcards'; Run = {
                param($s) Get-Secret "sm:$s/a", "sm:$s/b", "ssm:/$s/p1", "ssm:/$s/p2", "ssm:/$s/p1:1" -AsPlainText | Out-Null
                Get-Secret -Path "/$s" -Recurse | Out-Null; Get-Secret -Prefix "$s/" -Store SecretsManager | Out-Null
                Get-Secret "sm:$s/*", "ssm:/$s/p*" -IncludeName | Out-Null; Get-Secret "sm:$s/b" -Label AWSPREVIOUS | Out-Null } }
        @{ Cmdlet = 'Get-Secret'; Why = 'names that are not there (the other-store hint)'; AllowErrors = $true; Run = {
                param($s) Get-Secret "/$s/none", "$s/none" -ErrorAction SilentlyContinue | Out-Null } }
        @{ Cmdlet = 'Get-SecretInfo'; Why = 'exact names, wildcards, paths, tags and replicas'; Run = {
                param($s) Get-SecretInfo "sm:$s/a", "ssm:/$s/p1" | Out-Null; Get-SecretInfo "sm:$s/*" -IncludeReplicas | Out-Null
                Get-SecretInfo -Path "/$s" -Recurse -IncludeTags | Out-Null; Get-SecretInfo "ssm:/$s/p*" -Tag @{ team = 'x' } | Out-Null } }
        @{ Cmdlet = 'Get-SecretVersion'; Why = 'both stores'; Run = { param($s) Get-SecretVersion "sm:$s/a", "ssm:/$s/p1" | Out-Null } }
        @{ Cmdlet = 'Compare-Secret'; Why = 'both stores'; Run = { param($s) Compare-Secret "ssm:/$s/p1" "sm:$s/b" | Out-Null } }
        @{ Cmdlet = 'Invoke-WithSecret'; Why = 'both stores'; Run = { param($s) Invoke-WithSecret -Environment @{ A = "sm:$s/a"; P = "ssm:/$s/p1" } { $null } | Out-Null; Invoke-WithSecret -Path "/$s" { $null } | Out-Null } }
        @{ Cmdlet = 'Expand-SecretTemplate'; Why = 'both stores'; Run = { param($s) "{{ sm:$s/a#k }} {{ ssm:/$s/p1 }}" | Expand-SecretTemplate | Out-Null } }
        @{ Cmdlet = 'Export-Secret'; Why = 'a path and a wildcard'; Run = { param($s) Export-Secret "ssm:/$s/*", "sm:$s/*" -AsPlainText | Out-Null } }
        @{ Cmdlet = 'Set-Secret'; Why = 'creates and updates with tags and a description, both stores, -NoClobber'; Run = {
                param($s) Set-Secret "sm:$s/new" -Secret 'v' -Tag @{ t = '1' } -Description 'd' -Confirm:$false
                Set-Secret "sm:$s/new" -Secret 'v2' -Tag @{ u = '2' } -Description 'd2' -Confirm:$false
                Set-Secret "ssm:/$s/new" -Secret 'v' -Tag @{ t = '1' } -Description 'd' -Confirm:$false
                Set-Secret "ssm:/$s/new" -Secret 'v2' -Tag @{ u = '2' } -Confirm:$false
                Set-Secret "ssm:/$s/nc" -Secret 'v' -NoClobber -Confirm:$false
                Set-Secret "sm:$s/a#k2" -Secret 'field' -Confirm:$false } }
        @{ Cmdlet = 'Import-Secret'; Why = 'into both stores'; Run = { param($s) Import-Secret -InputObject @{ "sm:$s/imp" = 'v'; "ssm:/$s/imp" = 'v' } -Confirm:$false | Out-Null } }
        @{ Cmdlet = 'Set-SecretInfo'; Why = 'description, tags and their removal, both stores'; Run = {
                param($s) Set-SecretInfo "sm:$s/a" -Description 'x' -Tag @{ k = 'v' } -RemoveTag old -Confirm:$false
                Set-SecretInfo "ssm:/$s/p2" -Description 'x' -Tag @{ k = 'v' } -RemoveTag old -Confirm:$false } }
        @{ Cmdlet = 'Set-SecretVersionLabel'; Why = 'both stores'; Run = {
                param($s) $version = (Get-SecretInfo "sm:$s/a").Version
                [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
                Set-SecretVersionLabel "ssm:/$s/p1" -Label stable -Version 1 -Confirm:$false
                Set-SecretVersionLabel "sm:$s/a" -Label stable -Version $version -Confirm:$false } }
        @{ Cmdlet = 'Remove-SecretVersionLabel'; Why = 'both stores'; Run = {
                param($s) Remove-SecretVersionLabel "ssm:/$s/p1" -Label stable -Confirm:$false
                Remove-SecretVersionLabel "sm:$s/a" -Label stable -Confirm:$false } }
        @{ Cmdlet = 'Restore-SecretVersion'; Why = 'both stores'; Run = {
                param($s) Restore-SecretVersion "ssm:/$s/p1" -Version 1 -Confirm:$false | Out-Null
                Restore-SecretVersion "sm:$s/b" -Label AWSPREVIOUS -Confirm:$false | Out-Null } }
        @{ Cmdlet = 'Copy-Secret'; Why = 'across the stores both ways, with -TagSource and -Force'; Run = {
                param($s) Copy-Secret "ssm:/$s/p1" -Destination "sm:$s/copied" -TagSource -Confirm:$false | Out-Null
                Copy-Secret "sm:$s/a" -Destination "ssm:/$s/copied" -Force -Confirm:$false | Out-Null } }
        @{ Cmdlet = 'Move-Secret'; Why = 'across the stores both ways'; Run = {
                param($s) Set-Secret "ssm:/$s/mv" -Secret 'm' -Confirm:$false; Set-Secret "sm:$s/mv" -Secret 'm' -Confirm:$false
                [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
                Move-Secret "ssm:/$s/mv" -Destination "sm:$s/moved" -Force -Confirm:$false | Out-Null
                Move-Secret "sm:$s/mv" -Destination "ssm:/$s/moved" -Force -Confirm:$false | Out-Null } }
        @{ Cmdlet = 'Remove-Secret'; Why = 'both stores, and without recovery'; Run = {
                param($s) Set-Secret "sm:$s/rm1" -Secret 'x' -Confirm:$false; Set-Secret "sm:$s/rm2" -Secret 'x' -Confirm:$false; Set-Secret "ssm:/$s/rm" -Secret 'x' -Confirm:$false
                [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
                Remove-Secret "sm:$s/rm1", "ssm:/$s/rm" -Force -Confirm:$false; Remove-Secret "sm:$s/rm2" -WithoutRecovery -Force -Confirm:$false } }
        @{ Cmdlet = 'Restore-Secret'; Why = 'a secret scheduled for deletion'; Run = {
                param($s) Set-Secret "sm:$s/rs" -Secret 'x' -Confirm:$false; Remove-Secret "sm:$s/rs" -Force -Confirm:$false
                [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
                Restore-Secret "sm:$s/rs" -Confirm:$false | Out-Null } }
        @{ Cmdlet = 'New-SecretMigrationPlan'; Why = 'a path into Secrets Manager, grouped'; Run = { param($s) New-SecretMigrationPlan -Path "/$s" -DestinationStore SecretsManager -GroupByDepth 2 | Out-Null } }
        @{ Cmdlet = 'Invoke-SecretMigration'; Why = 'a plan run, and run again'; Run = {
                param($s) $plan = New-SecretMigrationPlan -Path "/$s" -DestinationStore SecretsManager -DestinationPrefix "$s-mig/"
                [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
                $plan | Invoke-SecretMigration -Confirm:$false | Out-Null; $plan | Invoke-SecretMigration -Confirm:$false | Out-Null } }
        @{ Cmdlet = 'Invoke-SecretRotation'; Why = 'custom rotation on both stores'; Run = {
                param($s) Invoke-SecretRotation "sm:$s/b", "ssm:/$s/p2" -GeneratePassword -Confirm:$false | Out-Null } }
        @{ Cmdlet = 'Disable-SecretRotation'; Why = 'a secret without rotation (moto refuses the cancel; the call is made)'; AllowErrors = $true; Run = { param($s) Disable-SecretRotation "sm:$s/b" -Confirm:$false | Out-Null } }
        @{ Cmdlet = 'Get-SecretResourcePolicy'; Why = 'one secret'; Run = { param($s) Get-SecretResourcePolicy "sm:$s/a" | Out-Null } }
        @{ Cmdlet = 'Set-SecretResourcePolicy'; Why = 'built from an account (moto has no ValidateResourcePolicy)'; Run = { param($s) Set-SecretResourcePolicy "sm:$s/a" -AllowAccount 123456789012 -SkipValidation -Confirm:$false } }
        @{ Cmdlet = 'Remove-SecretResourcePolicy'; Why = 'one secret'; Run = { param($s) Remove-SecretResourcePolicy "sm:$s/a" -Force -Confirm:$false } }
        @{ Cmdlet = 'Add-SecretReplica'; Why = 'one Region'; Run = { param($s) Add-SecretReplica "sm:$s/b" -ReplicaRegion eu-west-1 -Confirm:$false } }
        @{ Cmdlet = 'Remove-SecretReplica'; Why = 'one Region'; Run = {
                param($s) Add-SecretReplica "sm:$s/b" -ReplicaRegion ap-south-1 -Confirm:$false
                [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
                Remove-SecretReplica "sm:$s/b" -ReplicaRegion ap-south-1 -Force -Confirm:$false } }
        @{ Cmdlet = 'New-SecretPassword'; Why = '-UseService'; Run = { param($s) New-SecretPassword -UseService | Out-Null } }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $null = Initialize-SecretsToolsTest
    $assembly = (Get-Command Get-Secret).ImplementingType.Assembly
    $table = $assembly.GetType('SecretsTools.Access.PermissionTable', $true)
    $script:Entries = @($table.GetProperty('Entries', [Reflection.BindingFlags]'Static, Public, NonPublic').GetValue($null))
    # ApiCallCounter's service names as IAM's action prefixes.
    $script:Prefix = @{ SecretsManager = 'secretsmanager'; SSM = 'ssm'; CloudTrail = 'cloudtrail' }

    $script:Stem = New-TestName 'perm'
    Set-Secret "sm:$Stem/a" -Secret @{ k = 'v' } -Tag @{ old = 'x' } -Confirm:$false
    Set-Secret "sm:$Stem/b" -Secret 'one' -Confirm:$false
    Set-Secret "sm:$Stem/b" -Secret 'two' -Confirm:$false
    Set-Secret "ssm:/$Stem/p1" -Secret 'v1' -Type String -Confirm:$false
    Set-Secret "ssm:/$Stem/p1" -Secret 'v1b' -Type String -Confirm:$false
    Set-Secret "ssm:/$Stem/p2" -Secret 'v2' -Tag @{ old = 'x' } -Confirm:$false
}
AfterAll {
    foreach ($name in Get-SmNamesFromServer -Prefix $Stem) {
        $regions = @((Invoke-AwsCli secretsmanager describe-secret --secret-id $name).ReplicationStatus.Region | Select-Object -Unique)
        if ($regions) { $null = Invoke-AwsCliResult secretsmanager remove-regions-from-replication --secret-id $name --remove-replica-regions @regions }
        Remove-Secret "sm:$name" -WithoutRecovery -Force -ErrorAction SilentlyContinue
    }
    Complete-SecretsToolsTest
}

Describe 'The permission table grants every call the cmdlets make' {
    It '<Cmdlet>: <Why>' -ForEach $Cases {
        $entry = $script:Entries | Where-Object Cmdlet -EQ $Cmdlet
        $entry | Should -Not -BeNullOrEmpty
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $ConfirmPreference = 'None'
        # Each error as the cmdlet wrote it (not as the runner's ErrorActionPreference Stop would
        # end the case): a case that fails early would check fewer calls and still pass.
        $ErrorActionPreference = 'Continue'
        $errors = @(& $Run $Stem 2>&1 3>$null | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        if (-not $AllowErrors) { $errors | Should -BeNullOrEmpty -Because 'the case must run through' }
        $calls = @([SecretsTools.Diagnostics.ApiCallCounter]::Snapshot().Keys | ForEach-Object {
                $service, $operation = $_ -split ':', 2
                "$($Prefix[$service]):$operation"
            } | Sort-Object -Unique)
        $calls | Should -Not -BeNullOrEmpty -Because 'the case must make calls, or it proves nothing'
        $missing = @($calls | Where-Object { $_ -notin @($entry.AllActions) })
        $missing | Should -BeNullOrEmpty -Because "$Cmdlet called them, so a policy from the table must grant them"
    }
}
