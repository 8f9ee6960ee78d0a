# Replication: Add-SecretReplica, Remove-SecretReplica and replica status in Get-SecretInfo against
# moto_server, checked with the AWS CLI. moto replicates at once (status InSync), reports every
# replica's KmsKeyId as alias/aws/secretsmanager whatever was asked, and answers a second
# replication to a Region it already has with a Failed entry beside the first. moto has no
# StopReplicationToReplica (an HTML 500): Stop-SecretReplication is tested against a small local
# HTTP server (FakeSecretsManager.ps1) whose replies follow the API model's shapes.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'FakeSecretsManager.ps1')
    $script:HasModel = $null -ne (Get-SecretsManagerModel)
}
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'FakeSecretsManager.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:Stem = New-TestName 'rep'
    $script:Replica = 'eu-west-1'

    function New-ReplicaSecret([string] $Suffix) {
        $name = "$Stem/$Suffix"
        $null = Set-Secret "sm:$name" -Secret 'v' -Confirm:$false
        $name
    }
    function Get-ServerReplicas([string] $Name) { @((Invoke-AwsCli secretsmanager describe-secret --secret-id $Name).ReplicationStatus) }
}
AfterAll {
    foreach ($name in Get-SmNamesFromServer -Prefix $Stem) {
        $regions = @((Get-ServerReplicas $name).Region | Select-Object -Unique)
        if ($regions) { $null = Invoke-AwsCliResult secretsmanager remove-regions-from-replication --secret-id $name --remove-replica-regions @regions }
        Remove-Secret "sm:$name" -WithoutRecovery -Force -ErrorAction SilentlyContinue
    }
    Complete-SecretsToolsTest
}

Describe 'Add-SecretReplica against moto' {
    It 'replicates to the Regions given, as the AWS CLI shows in both Regions, with one ReplicateSecretToRegions and one DescribeSecret' {
        $name = New-ReplicaSecret 'two'
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $info = Add-SecretReplica $name -ReplicaRegion $Replica, 'ap-southeast-2' -PassThru -Confirm:$false
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'ReplicateSecretToRegions') | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'DescribeSecret') | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 2

        (Get-ServerReplicas $name).Region | Sort-Object | Should -Be @('ap-southeast-2', $Replica)
        (Invoke-AwsCli secretsmanager describe-secret --secret-id $name --region $Replica).PrimaryRegion | Should -Be 'us-east-1'

        $info | Should -BeOfType SecretsTools.Model.SecretInfo
        $info.ReplicaRegions | Sort-Object | Should -Be @('ap-southeast-2', $Replica)
        $info.Replicas | Should -HaveCount 2
        $info.Replicas[0] | Should -BeOfType SecretsTools.Model.SecretReplica
        ($info.Replicas | Where-Object Region -eq $Replica).Status | Should -Be 'InSync'
        ($info.Replicas | Where-Object Region -eq $Replica).KmsKeyId | Should -Not -BeNullOrEmpty
    }

    It 'sends -KmsKeyId for each Region and -Force as ForceOverwriteReplicaSecret (checked on the wire: moto ignores the key)' {
        $fake = Start-FakeSecretsManager -Replies @{
            ReplicateSecretToRegions = @{ Body = '{"ARN":"arn:aws:secretsmanager:us-east-1:123456789012:secret:fake-AbCdEf","ReplicationStatus":[{"Region":"eu-west-1","KmsKeyId":"alias/mine","Status":"InProgress"}]}' }
            DescribeSecret = @{ Body = '{"ARN":"arn:aws:secretsmanager:us-east-1:123456789012:secret:fake-AbCdEf","Name":"fake","ReplicationStatus":[{"Region":"eu-west-1","KmsKeyId":"alias/mine","Status":"InProgress","StatusMessage":"Replication in progress"}]}' }
        }
        try { $info = Add-SecretReplica fake -ReplicaRegion $Replica, 'eu-central-1' -KmsKeyId alias/mine -Force -PassThru -EndpointUrl $fake.Endpoint -Confirm:$false }
        finally { Stop-FakeSecretsManager $fake }
        $sent = ($fake.Requests.ToArray() | Where-Object Target -eq 'ReplicateSecretToRegions').Body | ConvertFrom-Json
        $sent.SecretId | Should -Be 'fake'
        $sent.AddReplicaRegions.Region | Should -Be @($Replica, 'eu-central-1')
        $sent.AddReplicaRegions.KmsKeyId | Should -Be @('alias/mine', 'alias/mine')
        $sent.ForceOverwriteReplicaSecret | Should -BeTrue
        $info.Replicas[0].Status | Should -Be 'InProgress'
        $info.Replicas[0].StatusMessage | Should -Be 'Replication in progress'
    }

    It 'reports a Region the answer says Failed, even when a describe right after still says InProgress (fake server)' {
        $arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:fake-AbCdEf'
        $fake = Start-FakeSecretsManager -Replies @{
            ReplicateSecretToRegions = @{ Body = "{`"ARN`":`"$arn`",`"ReplicationStatus`":[{`"Region`":`"eu-west-1`",`"Status`":`"InProgress`"},{`"Region`":`"eu-central-1`",`"Status`":`"Failed`",`"StatusMessage`":`"Access to KMS is not allowed.`"}]}" }
            DescribeSecret = @{ Body = "{`"ARN`":`"$arn`",`"Name`":`"fake`",`"ReplicationStatus`":[{`"Region`":`"eu-west-1`",`"Status`":`"InProgress`"},{`"Region`":`"eu-central-1`",`"Status`":`"InProgress`"}]}" }
        }
        $ErrorActionPreference = 'Continue'
        try { $out = @(Add-SecretReplica fake -ReplicaRegion $Replica, 'eu-central-1' -PassThru -EndpointUrl $fake.Endpoint -Confirm:$false 2>&1) }
        finally { Stop-FakeSecretsManager $fake }
        $errs = @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        Get-ErrorIds $errs | Should -Be 'ReplicationFailed'
        $errs[0].Exception.Message | Should -Match 'not replicated to eu-central-1: Access to KMS is not allowed'
        $info = $out | Where-Object { $_ -is [SecretsTools.Model.SecretInfo] }
        ($info.Replicas | Where-Object Region -EQ 'eu-central-1').Status | Should -Be 'Failed'
        ($info.Replicas | Where-Object Region -EQ $Replica).Status | Should -Be 'InProgress'
    }

    It 'writes ReplicationFailed naming the Region when the service reports it Failed' {
        $name = New-ReplicaSecret 'again'
        Add-SecretReplica $name -ReplicaRegion $Replica -Confirm:$false
        $ErrorActionPreference = 'Continue'
        $errs = @(Add-SecretReplica $name -ReplicaRegion $Replica -Confirm:$false 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        Get-ErrorIds $errs | Should -Be 'ReplicationFailed'
        $errs[0].TargetObject | Should -BeExactly $name
        $errs[0].Exception.Message | Should -Match "not replicated to $Replica"
        $errs[0].Exception.Message | Should -Match 'already exists'
    }

    It '-WhatIf replicates nothing' {
        $name = New-ReplicaSecret 'whatif'
        Add-SecretReplica $name -ReplicaRegion $Replica -WhatIf
        Get-ServerReplicas $name | Should -BeNullOrEmpty
    }
}

Describe 'Replica status in Get-SecretInfo' {
    BeforeAll {
        $script:Replicated = New-ReplicaSecret 'status'
        $null = Invoke-AwsCli secretsmanager replicate-secret-to-regions --secret-id $Replicated --add-replica-regions "Region=$Replica"
    }

    It 'fills Replicas from DescribeSecret, beside ReplicaRegions' {
        $info = Get-SecretInfo $Replicated
        $info.ReplicaRegions | Should -Be @($Replica)
        $info.Replicas.Region | Should -Be @($Replica)
        $info.Replicas.Status | Should -Be 'InSync'
    }

    It 'leaves a listing''s Replicas not loaded (ListSecrets has none), and loads them with -IncludeReplicas: one DescribeSecret per secret' {
        $other = New-ReplicaSecret 'status-plain'
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $listed = @(Get-SecretInfo "sm:$Stem/status*")
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'DescribeSecret') | Should -Be 0
        $listed.Count | Should -Be 2
        $listed | ForEach-Object { $null -eq $_.Replicas | Should -BeTrue -Because 'a listing has not loaded them' }
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $loaded = @(Get-SecretInfo "sm:$Stem/status*" -IncludeReplicas)
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'DescribeSecret') | Should -Be 2
        ($loaded | Where-Object Name -EQ $Replicated).Replicas.Region | Should -Be @($Replica)
        ($loaded | Where-Object Name -EQ $Replicated).ReplicaRegions | Should -Be @($Replica)
        $plain = $loaded | Where-Object Name -EQ $other
        $plain.Replicas.GetType().Name | Should -Be 'SecretReplica[]' # loaded: none, not unknown
        $plain.Replicas.Count | Should -Be 0
    }

    It 'shows each replica and its status in the list view' {
        $text = Get-SecretInfo $Replicated | Format-List | Out-String -Width 200
        $text | Should -Match "Replicas\s+:\s+$([regex]::Escape($Replica)): InSync"
    }
}

Describe 'Remove-SecretReplica against moto' {
    It 'deletes the replica (the AWS CLI finds none, in either Region), in one RemoveRegionsFromReplication' {
        $name = New-ReplicaSecret 'remove'
        $null = Invoke-AwsCli secretsmanager replicate-secret-to-regions --secret-id $name --add-replica-regions "Region=$Replica"
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $info = Remove-SecretReplica $name -ReplicaRegion $Replica -Force -PassThru
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'RemoveRegionsFromReplication') | Should -Be 1
        Get-ServerReplicas $name | Should -BeNullOrEmpty
        (Invoke-AwsCliResult secretsmanager describe-secret --secret-id $name --region $Replica).ExitCode | Should -Not -Be 0
        $info.Replicas | Should -BeNullOrEmpty
    }

    It '-WhatIf keeps the replica' {
        $name = New-ReplicaSecret 'rmwhatif'
        $null = Invoke-AwsCli secretsmanager replicate-secret-to-regions --secret-id $name --add-replica-regions "Region=$Replica"
        Remove-SecretReplica $name -ReplicaRegion $Replica -WhatIf
        (Get-ServerReplicas $name).Region | Should -Be $Replica
    }
}

Describe 'Copy-Secret of a replicated secret' {
    It 'warns that the copy is not replicated, naming the Regions and how to add them' {
        $name = New-ReplicaSecret 'copysrc'
        $null = Invoke-AwsCli secretsmanager replicate-secret-to-regions --secret-id $name --add-replica-regions "Region=$Replica"
        $warnings = @(Copy-Secret $name -Destination "$name-copy" -Confirm:$false 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object { "$_" })
        $warnings | Should -HaveCount 1
        $warnings[0] | Should -Match "replicated to $Replica"
        $warnings[0] | Should -Match ([regex]::Escape("Add-SecretReplica '$name-copy' -ReplicaRegion $Replica"))
        Get-ServerReplicas "$name-copy" | Should -BeNullOrEmpty
    }

    It 'does not warn for a secret without replicas' {
        $name = New-ReplicaSecret 'copyplain'
        $warnings = Copy-Secret $name -Destination "$name-copy" -Confirm:$false 3>&1 | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }
        $warnings | Should -BeNullOrEmpty
    }
}

Describe 'Stop-SecretReplication against a fake server (moto has no StopReplicationToReplica)' {
    BeforeAll {
        $script:ReplicaArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf'
        $script:Replies = @{
            StopReplicationToReplica = @{ Body = (@{ ARN = $ReplicaArn } | ConvertTo-Json -Compress) }
            DescribeSecret = @{ Body = (@{ ARN = $ReplicaArn; Name = 'prod/db'; VersionIdsToStages = @{ 'v1' = @('AWSCURRENT') } } | ConvertTo-Json -Compress) }
        }
    }

    It 'calls StopReplicationToReplica in the replica''s Region, then DescribeSecret' {
        $fake = Start-FakeSecretsManager -Replies $Replies
        try { $info = Stop-SecretReplication prod/db -Region $Replica -Force -PassThru -EndpointUrl $fake.Endpoint }
        finally { Stop-FakeSecretsManager $fake }
        $requests = @($fake.Requests.ToArray())
        $requests.Target | Should -Be @('StopReplicationToReplica', 'DescribeSecret')
        ($requests[0].Body | ConvertFrom-Json).SecretId | Should -Be 'prod/db'
        # Signed for the replica's Region: the credential scope names it.
        $requests[0].Authorization | Should -Match "/$Replica/secretsmanager/aws4_request"
        $info.Name | Should -Be 'prod/db'
        $info.PrimaryRegion | Should -BeNullOrEmpty
        $info.Region | Should -Be $Replica
    }

    It 'takes the Region from a replica''s ARN' {
        $fake = Start-FakeSecretsManager -Replies $Replies
        try { Stop-SecretReplication $ReplicaArn -Region us-east-1 -Force -EndpointUrl $fake.Endpoint }
        finally { Stop-FakeSecretsManager $fake }
        @($fake.Requests.ToArray())[0].Authorization | Should -Match "/$Replica/secretsmanager/aws4_request"
    }

    It 'writes InvalidRequest for a secret that is not a replica, and goes on' {
        $replies = @{
            StopReplicationToReplica = @{ Status = 400; Body = '{"__type":"InvalidRequestException","message":"This secret is not a replica."}' }
            DescribeSecret = $Replies.DescribeSecret
        }
        $fake = Start-FakeSecretsManager -Replies $replies
        $ErrorActionPreference = 'Continue'
        try { $errs = @(Stop-SecretReplication prod/db, prod/other -Region $Replica -Force -EndpointUrl $fake.Endpoint 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) }
        finally { Stop-FakeSecretsManager $fake }
        Get-ErrorIds $errs | Should -Be @('InvalidRequest', 'InvalidRequest')
        $errs[0].TargetObject | Should -Be 'prod/db'
        $errs[0].Exception.Message | Should -Match 'not a replica'
    }

    It '-WhatIf sends nothing' {
        $fake = Start-FakeSecretsManager -Replies $Replies
        try { Stop-SecretReplication prod/db -Region $Replica -WhatIf -EndpointUrl $fake.Endpoint }
        finally { Stop-FakeSecretsManager $fake }
        $fake.Requests.Count | Should -Be 0
    }

    It 'the fake server''s replies use only members of the operations'' output shapes in the API model' -Skip:(-not $HasModel) {
        $model = Get-SecretsManagerModel
        foreach ($op in 'StopReplicationToReplica', 'DescribeSecret') {
            $shape = $model.shapes[$model.operations[$op].output.shape]
            ($Replies[$op].Body | ConvertFrom-Json -AsHashtable).Keys | ForEach-Object { $shape.members.Keys | Should -Contain $_ -Because "$op output" }
        }
        $shape = $model.shapes[$model.operations.ReplicateSecretToRegions.output.shape]
        $shape.members.Keys | Should -Contain 'ReplicationStatus'
        $status = $model.shapes[$model.shapes[$shape.members.ReplicationStatus.shape].member.shape]
        foreach ($m in 'Region', 'KmsKeyId', 'Status', 'StatusMessage', 'LastAccessedDate') { $status.members.Keys | Should -Contain $m }
    }
}
