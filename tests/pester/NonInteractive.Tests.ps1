# Unattended use (CI jobs, scheduled tasks, runbooks): nothing prompts when -Force, -Confirm:$false
# or $ConfirmPreference say not to, and under `pwsh -NonInteractive` a confirmation that would be
# needed is a clear ConfirmationRequired error, never a hang. Every check runs in ONE child pwsh
# -NonInteractive (a child costs about a second), with a timeout: a prompt that waited for input
# would fail the test instead of holding up the run.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../../out/SecretsTools/SecretsTools.psd1') -Force
    # Every cmdlet that asks before each item by default (ConfirmImpact High, with the default
    # $ConfirmPreference of High), found from the module so a new one is covered, or fails below.
    $script:HighImpact = @(Get-Command -Module SecretsTools -CommandType Cmdlet | Where-Object {
            $attribute = $_.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0]
            $attribute.ConfirmImpact -eq [System.Management.Automation.ConfirmImpact]::High
        } | ForEach-Object Name)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $stem = New-TestName 'ni'
    # One secret (or pair) per check; the child gets the names as JSON in its environment.
    $script:Names = [ordered]@{
        RemoveAsk      = "$stem/remove-ask"
        RemoveAskPs    = "/$stem/remove-ask"
        RemoveForce    = "$stem/remove-force"
        RemoveNoConfirm = "/$stem/remove-no-confirm"
        RemoveByPreference = "$stem/remove-by-preference"
        MoveAsk        = "$stem/move-ask"
        MoveAskTo      = "$stem/move-ask-copy"
        MoveNoConfirm  = "/$stem/move-no-confirm"
        MoveNoConfirmTo = "$stem/move-no-confirm-copy"
        SetNoValue     = "$stem/set-no-value"
        SetConfirm     = "$stem/set-confirm"
        LastStatement  = "$stem/last-statement"
        PolicyAsk      = "$stem/policy-ask"
        PolicyForce    = "$stem/policy-force"
        ReplicaAsk     = "$stem/replica-ask"
    }
    foreach ($key in 'RemoveAsk', 'RemoveForce', 'RemoveByPreference', 'MoveAsk', 'LastStatement', 'PolicyAsk', 'PolicyForce', 'ReplicaAsk') { Set-Secret "sm:$($Names[$key])" -Secret 'v' -Confirm:$false }
    foreach ($key in 'RemoveAskPs', 'RemoveNoConfirm', 'MoveNoConfirm') { Set-Secret "ssm:$($Names[$key])" -Secret 'v' -Type String -Confirm:$false }
    $policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}'
    foreach ($key in 'PolicyAsk', 'PolicyForce') { $null = Invoke-AwsCli secretsmanager put-resource-policy --secret-id $Names[$key] --resource-policy $policy }
    $null = Invoke-AwsCli secretsmanager replicate-secret-to-regions --secret-id $Names.ReplicaAsk --add-replica-regions Region=eu-west-1

    $module = Join-Path $RepoRoot 'out/SecretsTools/SecretsTools.psd1'
    $child = @'
$ErrorActionPreference = 'Continue'
Import-Module $env:NI_MODULE
$n = $env:NI_NAMES | ConvertFrom-Json
$results = [ordered]@{}
function Invoke-Check([string] $Key, [scriptblock] $Block) {
    # The errors a command wrote or threw: ErrorIds and messages, as a CI log would show them.
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $records = try { & $Block 2>&1 } catch { $_ }
    $errors = @($records | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    $results[$Key] = [ordered]@{
        Ids      = @($errors | ForEach-Object { ($_.FullyQualifiedErrorId -split ',')[0] })
        Messages = @($errors | ForEach-Object { $_.Exception.Message })
        Seconds  = $watch.Elapsed.TotalSeconds
    }
}
Invoke-Check RemoveAsk { Remove-Secret "sm:$($n.RemoveAsk)" }
Invoke-Check RemoveAskPs { Remove-Secret "ssm:$($n.RemoveAskPs)" }
Invoke-Check RemoveForce { Remove-Secret "sm:$($n.RemoveForce)" -Force }
Invoke-Check RemoveNoConfirm { Remove-Secret "ssm:$($n.RemoveNoConfirm)" -Confirm:$false }
Invoke-Check RemoveByPreference { $ConfirmPreference = 'None'; Remove-Secret "sm:$($n.RemoveByPreference)" }
Invoke-Check MoveAsk { Move-Secret "sm:$($n.MoveAsk)" -Destination "sm:$($n.MoveAskTo)" }
Invoke-Check MoveNoConfirm { Move-Secret "ssm:$($n.MoveNoConfirm)" -Destination "sm:$($n.MoveNoConfirmTo)" -Confirm:$false }
Invoke-Check SetNoValue { Set-Secret "sm:$($n.SetNoValue)" }
Invoke-Check SetConfirm { Set-Secret "sm:$($n.SetConfirm)" -Secret 'v' -Confirm }
Invoke-Check PolicyAsk { Remove-SecretResourcePolicy "sm:$($n.PolicyAsk)" }
Invoke-Check PolicyForce { Remove-SecretResourcePolicy "sm:$($n.PolicyForce)" -Force }
Invoke-Check ReplicaAsk { Remove-SecretReplica "sm:$($n.ReplicaAsk)" -ReplicaRegion eu-west-1 }
Invoke-Check PromoteAsk { Stop-SecretReplication "sm:$($n.ReplicaAsk)" -Region eu-west-1 }
$results | ConvertTo-Json -Depth 4 -Compress
# Last, and not caught: what a CI step that forgot -Force sees, its exit code and its log.
Remove-Secret "sm:$($n.LastStatement)"
'@
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $script:Run = Invoke-ChildPwsh -Arguments '-Command', $child -TimeoutSeconds 90 -Environment @{
        NI_MODULE = $module
        NI_NAMES  = ($Names | ConvertTo-Json -Compress)
        NO_COLOR  = '1'
    }
    $script:Elapsed = $watch.Elapsed
    $json = $Run.Output -split '\r?\n' | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1
    if (-not $json) { throw "The child wrote no results. Output: $($Run.Output) Error: $($Run.Error)" }
    $script:Result = $json | ConvertFrom-Json -AsHashtable

    function Test-SmScheduledForDeletion([string] $Name) { [bool] (Get-SmSecretFromServer $Name).DeletedDate }
    function Test-SmExists([string] $Name) { $d = Get-SmSecretFromServer $Name; $null -ne $d -and -not $d.DeletedDate }
    function Test-PsExists([string] $Name) { (Get-SsmParameterFromServer $Name).ContainsKey($Name) }
}
AfterAll {
    $null = Invoke-AwsCliResult secretsmanager remove-regions-from-replication --secret-id $Names.ReplicaAsk --remove-replica-regions eu-west-1
    foreach ($key in 'RemoveAsk', 'MoveAsk', 'MoveNoConfirmTo', 'LastStatement', 'PolicyAsk', 'PolicyForce', 'ReplicaAsk') { Remove-Secret "sm:$($Names[$key])" -WithoutRecovery -Force -ErrorAction SilentlyContinue }
    Remove-Secret "ssm:$($Names.RemoveAskPs)" -Force -ErrorAction SilentlyContinue
    Complete-SecretsToolsTest
}

Describe 'Confirmation in a pwsh -NonInteractive session' {
    It 'answers at once, not after waiting for input' {
        # The whole child: start-up, module import and a dozen AWS calls, far below any prompt timeout.
        $Elapsed.TotalSeconds | Should -BeLessThan 60
        foreach ($check in $Result.Values) { $check.Seconds | Should -BeLessThan 15 }
    }

    It 'covers every cmdlet with ConfirmImpact High' {
        $HighImpact | Should -Not -BeNullOrEmpty
        $covered = 'Remove-Secret', 'Move-Secret', 'Remove-SecretResourcePolicy', 'Remove-SecretReplica', 'Stop-SecretReplication'
        # A new High-impact cmdlet needs its checks in the child above: add them, then its name here.
        $HighImpact | Sort-Object | Should -Be ($covered | Sort-Object)
    }

    It 'is handled in one place: every cmdlet confirms through ShouldProcessOrExplain, none calls ShouldProcess itself' {
        # The behaviour is tested above for a few cmdlets; this keeps every other one on the same path.
        $direct = Get-ChildItem (Join-Path $RepoRoot 'src') -Recurse -Filter *.cs | Where-Object FullName -NotMatch '[\\/](bin|obj)[\\/]' |
            Select-String -Pattern '(?<![A-Za-z])(ShouldProcess|ShouldContinue)\(' |
            Where-Object { -not ($_.Filename -eq 'Confirmation.cs' -and $_.Line -match 'return cmdlet\.ShouldProcess\(target, action\)') }
        @($direct | ForEach-Object { "$($_.Filename):$($_.LineNumber)" }) | Should -BeNullOrEmpty
    }

    It 'Remove-Secret without -Force stops with ConfirmationRequired that says what to add, and deletes nothing (<Store>)' -ForEach @(
        @{ Store = 'SecretsManager'; Key = 'RemoveAsk' }
        @{ Store = 'ParameterStore'; Key = 'RemoveAskPs' }
    ) {
        $check = $Result[$Key]
        $check.Ids | Should -Be @('ConfirmationRequired')
        $message = $check.Messages[0]
        $message | Should -Match '^Remove-Secret needs a confirmation'
        $message | Should -Match ([regex]::Escape($Names[$Key]))
        $message | Should -Match 'cannot prompt'
        $message | Should -Match ([regex]::Escape('-Force or -Confirm:$false'))
        $message | Should -Match 'Nothing was done'
        if ($Store -eq 'SecretsManager') { Test-SmExists $Names[$Key] | Should -BeTrue }
        else { Test-PsExists $Names[$Key] | Should -BeTrue }
    }

    It 'Remove-Secret deletes without a prompt with -Force, -Confirm:$false or $ConfirmPreference = ''None''' {
        $Result.RemoveForce.Ids | Should -BeNullOrEmpty
        $Result.RemoveNoConfirm.Ids | Should -BeNullOrEmpty
        $Result.RemoveByPreference.Ids | Should -BeNullOrEmpty
        Test-SmScheduledForDeletion $Names.RemoveForce | Should -BeTrue
        Test-PsExists $Names.RemoveNoConfirm | Should -BeFalse
        Test-SmScheduledForDeletion $Names.RemoveByPreference | Should -BeTrue
    }

    It 'Move-Secret without -Confirm:$false stops with ConfirmationRequired, copies and deletes nothing, and does not offer -Force' {
        $Result.MoveAsk.Ids | Should -Be @('ConfirmationRequired')
        $message = $Result.MoveAsk.Messages[0]
        $message | Should -Match '^Move-Secret needs a confirmation'
        $message | Should -Match ([regex]::Escape('-Confirm:$false'))
        # Move-Secret's -Force overwrites a differing destination; it does not skip the prompt.
        $message | Should -Not -Match '-Force'
        Test-SmExists $Names.MoveAsk | Should -BeTrue
        Get-SmSecretFromServer $Names.MoveAskTo | Should -BeNullOrEmpty
    }

    It 'Move-Secret -Confirm:$false copies and deletes the source without a prompt' {
        $Result.MoveNoConfirm.Ids | Should -BeNullOrEmpty
        (Get-SmValueFromServer $Names.MoveNoConfirmTo).SecretString | Should -BeExactly 'v'
        Test-PsExists $Names.MoveNoConfirm | Should -BeFalse
    }

    It 'Remove-SecretResourcePolicy, Remove-SecretReplica and Stop-SecretReplication without -Force stop with ConfirmationRequired and change nothing' {
        foreach ($key in 'PolicyAsk', 'ReplicaAsk', 'PromoteAsk') {
            $Result[$key].Ids | Should -Be @('ConfirmationRequired') -Because $key
            $Result[$key].Messages[0] | Should -Match ([regex]::Escape('-Force or -Confirm:$false'))
        }
        (Invoke-AwsCli secretsmanager get-resource-policy --secret-id $Names.PolicyAsk).ResourcePolicy | Should -Not -BeNullOrEmpty
        (Invoke-AwsCli secretsmanager describe-secret --secret-id $Names.ReplicaAsk).ReplicationStatus.Region | Should -Be 'eu-west-1'
    }

    It 'Remove-SecretResourcePolicy -Force removes the policy without a prompt' {
        $Result.PolicyForce.Ids | Should -BeNullOrEmpty
        (Invoke-AwsCli secretsmanager get-resource-policy --secret-id $Names.PolicyForce).ResourcePolicy | Should -BeNullOrEmpty
    }

    It 'Set-Secret without -Secret refuses with SecretValueRequired and writes nothing' {
        $Result.SetNoValue.Ids | Should -Be @('SecretValueRequired')
        Get-SmSecretFromServer $Names.SetNoValue | Should -BeNullOrEmpty
    }

    It 'an explicit -Confirm the session cannot show is ConfirmationRequired too, and writes nothing' {
        $Result.SetConfirm.Ids | Should -Be @('ConfirmationRequired')
        $Result.SetConfirm.Messages[0] | Should -Match '^Set-Secret needs a confirmation'
        Get-SmSecretFromServer $Names.SetConfirm | Should -BeNullOrEmpty
    }

    It 'fails the step (exit code 1) with the reason in its error output when the last command needed a confirmation' {
        $Run.ExitCode | Should -Be 1
        ($Run.Error -replace '\s+', ' ') | Should -Match "Remove-Secret needs a confirmation .*$([regex]::Escape($Names.LastStatement)).*-Force or -Confirm:\`$false"
        Test-SmExists $Names.LastStatement | Should -BeTrue
    }
}
