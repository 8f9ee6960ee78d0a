# New-SecretAccessPolicy, checked by a third-party IAM evaluator (@cloud-copilot/iam-simulate, see
# IamEvaluator.ps1): each generated policy allows every call the permission table says SecretsTools
# makes for the work, on the named secrets, and denies them on a neighbour; Read denies every write;
# the KMS grant holds only through the store's service. The evaluator also rejects unknown actions,
# ARNs that are not a resource type of their action, and condition keys that do not belong to it.
# moto's IAM mode checks the actions against real calls (GeneratedPolicyMotoTests.cs).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $null = Initialize-SecretsToolsTest
    . (Join-Path $PSScriptRoot 'IamEvaluator.ps1')

    $assembly = (Get-Command Get-Secret).ImplementingType.Assembly
    $table = $assembly.GetType('SecretsTools.Access.PermissionTable', $true)
    $script:Entries = @($table.GetProperty('Entries', [Reflection.BindingFlags]'Static, Public, NonPublic').GetValue($null))
    $script:Unscoped = @($table.GetField('Unscoped', [Reflection.BindingFlags]'Static, Public, NonPublic').GetValue($null))

    $script:Account = '111122223333'
    $script:Key = "arn:aws:kms:us-east-1:${Account}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    $script:Arn = @{
        SecretsManager          = "arn:aws:secretsmanager:us-east-1:${Account}:secret:prod/db-AbCdEf"
        SecretsManagerNeighbour = "arn:aws:secretsmanager:us-east-1:${Account}:secret:prod/db2-AbCdEf"
        ParameterStore          = "arn:aws:ssm:us-east-1:${Account}:parameter/app/db"
        ParameterStoreNeighbour = "arn:aws:ssm:us-east-1:${Account}:parameter/app-other/x"
        # GetParametersByPath is authorized on the path it is given.
        Path                    = "arn:aws:ssm:us-east-1:${Account}:parameter/app"
        PathNeighbour           = "arn:aws:ssm:us-east-1:${Account}:parameter/app-other"
        Function                = "arn:aws:lambda:us-east-1:${Account}:function:rotator"
    }

    # The table's grants for some work and role: @{ Store; Action } rows (Store '' outside the stores).
    function Get-Grant([string[]] $Access, [string] $Role = 'Target', [switch] $Kms) {
        foreach ($entry in $script:Entries | Where-Object { $null -ne $_.Access -and "$($_.Access)" -in $Access }) {
            foreach ($grant in $entry.Grants | Where-Object { "$($_.Role)" -eq $Role }) {
                foreach ($action in $(if ($Kms) { $grant.KmsActions } else { $grant.Actions })) {
                    [pscustomobject]@{ Store = "$($grant.Store)"; Action = $action }
                }
            }
        }
    }

    # The resource a call is authorized on: '*' for unscoped actions, the path for GetParametersByPath.
    function Get-Resource([string] $Store, [string] $Action, [switch] $Neighbour) {
        if ($Action -in $script:Unscoped) { return '*' }
        if (-not $Store) { return $script:Arn.Function }
        if ($Action -eq 'ssm:GetParametersByPath') { return $script:Arn[$(if ($Neighbour) { 'PathNeighbour' } else { 'Path' })] }
        return $script:Arn[$Store + $(if ($Neighbour) { 'Neighbour' } else { '' })]
    }

    function Get-Requests($Grants, [switch] $Neighbour) {
        $seen = @{}
        foreach ($g in $Grants) {
            $resource = Get-Resource $g.Store $g.Action -Neighbour:$Neighbour
            if ($Neighbour -and $resource -in '*', $script:Arn.Function) { continue }
            if ($seen["$($g.Action)|$resource"]) { continue }
            $seen["$($g.Action)|$resource"] = $true
            @{ action = $g.Action; resource = $resource }
        }
    }

    # KMS honours an identity policy only when the key policy lets IAM decide (the default key
    # policy does, and iam-simulate models it): the evaluator gets that key policy as the resource policy.
    $script:DefaultKeyPolicy = @{ Version = '2012-10-17'; Statement = @(@{ Sid = 'EnableIAMUserPermissions'; Effect = 'Allow'
        Principal = @{ AWS = "arn:aws:iam::$($script:Account):root" }; Action = 'kms:*'; Resource = '*' }) }

    function New-TestPolicy([string[]] $Access, [string] $KmsKeyArn) {
        $parameters = @{ Name = 'sm:prod/db', 'ssm:/app/'; Access = $Access; Region = 'us-east-1'; AccountId = $script:Account }
        if ($KmsKeyArn) { $parameters.KmsKeyArn = $KmsKeyArn }
        New-SecretAccessPolicy @parameters
    }
}
AfterAll { Complete-SecretsToolsTest }

Describe 'New-SecretAccessPolicy: what the evaluator allows' {
    It '-Access <_> allows every call of its cmdlets on the named secrets, and none on a neighbour' -ForEach 'Read', 'Write', 'Manage', 'Rotate' {
        $policy = New-TestPolicy -Access $_
        $grants = @(Get-Grant -Access $_)
        $grants.Count | Should -BeGreaterThan 3

        $allowed = Invoke-IamEvaluator -Policies $policy -Requests @(Get-Requests $grants)
        $allowed.unknownActions | Should -BeNullOrEmpty
        $allowed.results | Where-Object decision -ne 'Allowed' | ForEach-Object { "$($_.action) on $($_.resource): $($_.decision) $($_.errors | ConvertTo-Json -Compress)" } |
            Should -BeNullOrEmpty

        $neighbour = Invoke-IamEvaluator -Policies $policy -Requests @(Get-Requests $grants -Neighbour)
        @($neighbour.results).Count | Should -BeGreaterThan 0
        $neighbour.results | Where-Object decision -ne 'ImplicitlyDenied' | ForEach-Object { "$($_.action) on $($_.resource): $($_.decision)" } |
            Should -BeNullOrEmpty
    }

    It '-Access Read denies every write, management and rotation call' {
        $policy = New-TestPolicy -Access Read -KmsKeyArn $script:Key
        $read = @(Get-Grant -Access Read | ForEach-Object Action)
        $writes = @(Get-Grant -Access Write, Manage, Rotate | Where-Object Action -notin $read)
        $writes.Count | Should -BeGreaterThan 15
        $requests = @(Get-Requests $writes) + @(
            @{ action = 'kms:GenerateDataKey'; resource = $script:Key; context = @{ 'kms:ViaService' = 'secretsmanager.us-east-1.amazonaws.com' } }
            @{ action = 'kms:Encrypt'; resource = $script:Key; context = @{ 'kms:ViaService' = 'ssm.us-east-1.amazonaws.com' } })
        $result = Invoke-IamEvaluator -Policies $policy -Requests $requests -ResourcePolicy $script:DefaultKeyPolicy
        $result.results | Where-Object decision -ne 'ImplicitlyDenied' | ForEach-Object { "$($_.action) on $($_.resource): $($_.decision)" } |
            Should -BeNullOrEmpty
        $result.results.action | Should -Contain 'secretsmanager:PutSecretValue'
        $result.results.action | Should -Contain 'ssm:PutParameter'
        $result.results.action | Should -Contain 'secretsmanager:DeleteSecret'
    }

    It 'GetParametersByPath is allowed on the path only, not on a path that merely starts the same' {
        $policy = New-SecretAccessPolicy -Name 'ssm:/app/*' -Access Read -Region us-east-1 -AccountId $script:Account
        $result = Invoke-IamEvaluator -Policies $policy -Requests @(
            @{ action = 'ssm:GetParametersByPath'; resource = $script:Arn.Path }
            @{ action = 'ssm:GetParametersByPath'; resource = $script:Arn.PathNeighbour }
            @{ action = 'ssm:GetParameter'; resource = "arn:aws:ssm:us-east-1:$($script:Account):parameter/app/deep/er" }
            @{ action = 'ssm:GetParameter'; resource = $script:Arn.ParameterStoreNeighbour })
        $result.results.decision | Should -Be 'Allowed', 'ImplicitlyDenied', 'Allowed', 'ImplicitlyDenied'
    }

    It 'allows the customer managed key only through the store''s service in the Region' {
        $policy = New-TestPolicy -Access Read, Write -KmsKeyArn $script:Key
        $other = "arn:aws:kms:us-east-1:$($script:Account):key/00000000-1111-2222-3333-444444444444"
        $via = { param($service) @{ 'kms:ViaService' = "$service.amazonaws.com" } }
        $result = Invoke-IamEvaluator -Policies $policy -ResourcePolicy $script:DefaultKeyPolicy -Requests @(
            @{ action = 'kms:Decrypt'; resource = $script:Key; context = (& $via 'secretsmanager.us-east-1') }
            @{ action = 'kms:Decrypt'; resource = $script:Key; context = (& $via 'ssm.us-east-1') }
            @{ action = 'kms:GenerateDataKey'; resource = $script:Key; context = (& $via 'secretsmanager.us-east-1') }
            @{ action = 'kms:Encrypt'; resource = $script:Key; context = (& $via 'ssm.us-east-1') }
            @{ action = 'kms:Decrypt'; resource = $script:Key; context = (& $via 'ec2.us-east-1') }
            @{ action = 'kms:Decrypt'; resource = $script:Key; context = (& $via 'secretsmanager.eu-west-1') }
            @{ action = 'kms:Decrypt'; resource = $script:Key }
            @{ action = 'kms:Decrypt'; resource = $other; context = (& $via 'secretsmanager.us-east-1') }
            # Secrets Manager's statement does not allow Encrypt, which it does not call.
            @{ action = 'kms:Encrypt'; resource = $script:Key; context = (& $via 'secretsmanager.us-east-1') })
        $result.results.decision | Should -Be 'Allowed', 'Allowed', 'Allowed', 'Allowed', 'ImplicitlyDenied', 'ImplicitlyDenied', 'ImplicitlyDenied', 'ImplicitlyDenied', 'ImplicitlyDenied'
    }

    It 'grants no KMS action without -KmsKeyArn' {
        (New-TestPolicy -Access Read, Write | ConvertFrom-Json).Statement.Action | Where-Object { $_ -like 'kms:*' } | Should -BeNullOrEmpty
    }

    It '-Access Migrate reads the sources and writes the destinations, not the other way round' {
        $policy = New-SecretAccessPolicy -Name 'ssm:/app/' -Access Migrate -DestinationName 'sm:prod/db' -Region us-east-1 -AccountId $script:Account
        $source = @(Get-Grant -Access Migrate -Role Source | Where-Object Store -eq 'ParameterStore')
        $destination = @(Get-Grant -Access Migrate -Role Destination | Where-Object Store -eq 'SecretsManager')
        $allowed = Invoke-IamEvaluator -Policies $policy -Requests (@(Get-Requests $source) + @(Get-Requests $destination))
        $allowed.results | Where-Object decision -ne 'Allowed' | ForEach-Object { "$($_.action) on $($_.resource): $($_.decision)" } | Should -BeNullOrEmpty
        $allowed.results.action | Should -Contain 'secretsmanager:CreateSecret'
        $allowed.results.action | Should -Contain 'ssm:GetParametersByPath'

        $denied = Invoke-IamEvaluator -Policies $policy -Requests @(
            @{ action = 'ssm:PutParameter'; resource = $script:Arn.ParameterStore }
            @{ action = 'ssm:AddTagsToResource'; resource = $script:Arn.ParameterStore }
            @{ action = 'secretsmanager:CreateSecret'; resource = $script:Arn.SecretsManagerNeighbour }
            @{ action = 'secretsmanager:DeleteSecret'; resource = $script:Arn.SecretsManager }
            # Move-Secret and Invoke-SecretMigration -RemoveSource delete the source: that is allowed.
            @{ action = 'ssm:DeleteParameters'; resource = $script:Arn.ParameterStore })
        $denied.results.decision | Should -Be 'ImplicitlyDenied', 'ImplicitlyDenied', 'ImplicitlyDenied', 'ImplicitlyDenied', 'Allowed'
    }

    It 'names only actions IAM knows, and puts exactly the actions AWS does not scope on "*"' {
        $policies = @(New-TestPolicy -Access Read, Write, Manage, Rotate -KmsKeyArn $script:Key) +
            @(New-SecretAccessPolicy -Name 'ssm:/app/' -Access Migrate -DestinationName 'sm:prod/db' -KmsKeyArn $script:Key -Region us-east-1)
        foreach ($policy in $policies) {
            $result = Invoke-IamEvaluator -Policies $policy -Requests @()
            $result.unknownActions | Should -BeNullOrEmpty
            foreach ($statement in ($policy | ConvertFrom-Json).Statement) {
                foreach ($action in $statement.Action) {
                    $wildcardOnly = $result.actions.$action.wildcardOnly
                    if ($statement.Sid -eq 'NotResourceScoped') { $wildcardOnly | Should -BeTrue -Because "$action is on '*'" }
                    else { $wildcardOnly | Should -BeFalse -Because "$action is in $($statement.Sid), scoped to resources" }
                }
            }
        }
        # The table's own list of unscoped actions is what iam-data says.
        $all = @{ Version = '2012-10-17'; Statement = @(@{ Effect = 'Allow'; Action = @($script:Entries.AllActions | Sort-Object -Unique); Resource = '*' }) }
        $known = Invoke-IamEvaluator -Policies $all -Requests @()
        $known.unknownActions | Should -BeNullOrEmpty
        $wildcardOnly = @($known.actions.PSObject.Properties | Where-Object { $_.Value.wildcardOnly } | ForEach-Object Name)
        $wildcardOnly | Sort-Object | Should -Be ($script:Unscoped | Sort-Object)
    }

    It 'the evaluator refuses what is not a resource of the action (so the checks above can fail)' {
        $policy = New-TestPolicy -Access Read
        $result = Invoke-IamEvaluator -Policies $policy -Requests @(
            @{ action = 'secretsmanager:GetSecretValue'; resource = $script:Arn.ParameterStore }
            @{ action = 'secretsmanager:GetSecretValues'; resource = $script:Arn.SecretsManager }
            @{ action = 'secretsmanager:GetSecretValue'; resource = $script:Arn.SecretsManager })
        $result.results.decision | Should -Be 'Error', 'Error', 'Allowed'
    }
}

Describe 'New-SecretAccessPolicy: the document' {
    It 'scopes names as AWS writes their ARNs' {
        $policy = New-SecretAccessPolicy -Name 'sm:prod/db', 'sm:prod/', 'sm:team/*', 'ssm:/app/*', 'ssm:/app/db', 'ssm:plain', 'arn:aws:secretsmanager:eu-west-1:444455556666:secret:x-AbCdEf', 'arn:aws:ssm:eu-west-1:444455556666:parameter/p/q' -Access Read -Region us-east-1 -AccountId $script:Account |
            ConvertFrom-Json
        ($policy.Statement | Where-Object Sid -eq 'SecretsManager').Resource | Should -Be @(
            "arn:aws:secretsmanager:us-east-1:$($script:Account):secret:prod/db-??????"
            "arn:aws:secretsmanager:us-east-1:$($script:Account):secret:prod/*"
            "arn:aws:secretsmanager:us-east-1:$($script:Account):secret:team/*"
            'arn:aws:secretsmanager:eu-west-1:444455556666:secret:x-AbCdEf')
        ($policy.Statement | Where-Object Sid -eq 'ParameterStore').Resource | Should -Be @(
            "arn:aws:ssm:us-east-1:$($script:Account):parameter/app/*"
            "arn:aws:ssm:us-east-1:$($script:Account):parameter/app/db"
            "arn:aws:ssm:us-east-1:$($script:Account):parameter/plain"
            'arn:aws:ssm:eu-west-1:444455556666:parameter/p/q')
        ($policy.Statement | Where-Object Sid -eq 'ParameterStorePath').Resource | Should -Be "arn:aws:ssm:us-east-1:$($script:Account):parameter/app"
        ($policy.Statement | Where-Object Sid -eq 'NotResourceScoped').Resource | Should -Be '*'
        $policy.Version | Should -Be '2012-10-17'
    }

    It 'takes the configured Region, else "*", and the account "*" by default' {
        $before = $env:AWS_REGION
        try {
            Set-SecretsToolsConfiguration -Scope Process -Region eu-central-1 -Confirm:$false
            (New-SecretAccessPolicy sm:a -Access Read | ConvertFrom-Json).Statement[0].Resource | Should -Be 'arn:aws:secretsmanager:eu-central-1:*:secret:a-??????'
            Set-SecretsToolsConfiguration -Scope Process -Reset -Confirm:$false
            $env:AWS_REGION = $null
            $policy = New-SecretAccessPolicy sm:a -Access Read -KmsKeyArn $script:Key | ConvertFrom-Json
            $policy.Statement[0].Resource | Should -Be 'arn:aws:secretsmanager:*:*:secret:a-??????'
            # A Region wildcard in kms:ViaService needs StringLike to match.
            ($policy.Statement | Where-Object Sid -eq 'KmsViaSecretsManager').Condition.StringLike.'kms:ViaService' | Should -Be 'secretsmanager.*.amazonaws.com'
            $result = Invoke-IamEvaluator -Policies ($policy | ConvertTo-Json -Depth 10) -ResourcePolicy $script:DefaultKeyPolicy -Requests @(
                @{ action = 'kms:Decrypt'; resource = $script:Key; context = @{ 'kms:ViaService' = 'secretsmanager.ap-south-1.amazonaws.com' } })
            $result.results.decision | Should -Be 'Allowed'
        }
        finally { $env:AWS_REGION = $before; Set-SecretsToolsConfiguration -Scope Process -Reset -Confirm:$false }
    }

    It 'writes the ARNs and the key''s service host of <Region> in its partition' -ForEach @(
        @{ Region = 'cn-north-1'; Partition = 'aws-cn'; Domain = 'amazonaws.com.cn' }
        @{ Region = 'us-gov-west-1'; Partition = 'aws-us-gov'; Domain = 'amazonaws.com' }
        @{ Region = 'eu-west-1'; Partition = 'aws'; Domain = 'amazonaws.com' }
    ) {
        $key = "arn:$($Partition):kms:$($Region):111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        $policy = New-SecretAccessPolicy sm:prod/db, ssm:/app/x -Access Read -Region $Region -AccountId 111122223333 -KmsKeyArn $key | ConvertFrom-Json
        $resources = @($policy.Statement.Resource | Where-Object { $_ -ne '*' -and $_ -ne $key })
        $resources | Should -Not -BeNullOrEmpty
        $resources | ForEach-Object { $_ | Should -BeLike "arn:$($Partition):*:$($Region):111122223333:*" }
        ($policy.Statement | Where-Object Sid -eq 'KmsViaSecretsManager').Condition.StringEquals.'kms:ViaService' | Should -Be "secretsmanager.$Region.$Domain"
    }

    It 'is what the README shows as its output' {
        $readme = Get-Content (Join-Path $script:RepoRoot 'README.md') -Raw
        $readme -match '(?s)```powershell\n(New-SecretAccessPolicy [^\n]+)\n```\s*```json\n(.*?)\n```' | Should -BeTrue
        $command = $Matches[1]; $shown = $Matches[2]
        (& ([scriptblock]::Create($command))) | Should -BeExactly $shown
    }

    It '-AsHashtable is the same document' {
        $hash = New-SecretAccessPolicy -Name 'sm:prod/db', 'ssm:/app/' -Access Write -Region us-east-1 -AccountId $script:Account -AsHashtable
        $hash | Should -BeOfType System.Collections.Specialized.OrderedDictionary
        ($hash | ConvertTo-Json -Depth 10 | ConvertFrom-Json | ConvertTo-Json -Depth 10) | Should -Be (New-TestPolicy -Access Write | ConvertFrom-Json | ConvertTo-Json -Depth 10)
    }

    It 'takes names from the pipeline into one document' {
        $policy = 'sm:a', 'ssm:/b' | New-SecretAccessPolicy -Access Read -Region us-east-1 | ConvertFrom-Json
        $policy.Statement.Resource | Should -Contain 'arn:aws:secretsmanager:us-east-1:*:secret:a-??????'
        $policy.Statement.Resource | Should -Contain 'arn:aws:ssm:us-east-1:*:parameter/b'
    }

    It 'gives <ErrorId> for <Case>, and no document' -ForEach @(
        @{ Case = 'an unknown -Access'; Run = { New-SecretAccessPolicy sm:a -Access Peek }; ErrorId = 'UnknownAccessLevel'; Target = 'Peek' }
        @{ Case = 'a number as -Access'; Run = { New-SecretAccessPolicy sm:a -Access 1 }; ErrorId = 'UnknownAccessLevel'; Target = '1' }
        @{ Case = 'an alias ARN as -KmsKeyArn'; Run = { New-SecretAccessPolicy sm:a -Access Read -KmsKeyArn 'arn:aws:kms:us-east-1:111122223333:alias/app' }; ErrorId = 'InvalidKmsKeyArn'; Target = 'arn:aws:kms:us-east-1:111122223333:alias/app' }
        @{ Case = 'a key id as -KmsKeyArn'; Run = { New-SecretAccessPolicy sm:a -Access Read -KmsKeyArn '1234abcd-12ab-34cd-56ef-1234567890ab' }; ErrorId = 'InvalidKmsKeyArn'; Target = '1234abcd-12ab-34cd-56ef-1234567890ab' }
        @{ Case = 'a short account id'; Run = { New-SecretAccessPolicy sm:a -Access Read -AccountId 12345 }; ErrorId = 'InvalidAccountId'; Target = '12345' }
        @{ Case = 'a bad Region'; Run = { New-SecretAccessPolicy sm:a -Access Read -Region USEast1 }; ErrorId = 'InvalidRegion'; Target = 'USEast1' }
        @{ Case = 'a bad SM name'; Run = { New-SecretAccessPolicy 'sm:a!b' -Access Read }; ErrorId = 'InvalidSecretName'; Target = 'sm:a!b' }
        @{ Case = 'a PS name with a space'; Run = { New-SecretAccessPolicy 'ssm:/a b' -Access Read }; ErrorId = 'InvalidSecretName'; Target = 'ssm:/a b' }
        @{ Case = 'a field selector'; Run = { New-SecretAccessPolicy 'sm:a#user' -Access Read }; ErrorId = 'InvalidSecretName'; Target = 'sm:a#user' }
        @{ Case = 'a version selector'; Run = { New-SecretAccessPolicy 'ssm:/a:3' -Access Read }; ErrorId = 'InvalidSecretName'; Target = 'ssm:/a:3' }
        @{ Case = 'an ARN of another service'; Run = { New-SecretAccessPolicy 'arn:aws:s3:::bucket' -Access Read }; ErrorId = 'InvalidSecretReference'; Target = 'arn:aws:s3:::bucket' }
        @{ Case = 'a secret ARN with a bad account'; Run = { New-SecretAccessPolicy 'arn:aws:secretsmanager:us-east-1:12:secret:a' -Access Read }; ErrorId = 'InvalidSecretReference'; Target = 'arn:aws:secretsmanager:us-east-1:12:secret:a' }
        @{ Case = 'an unknown prefix'; Run = { New-SecretAccessPolicy 'vault:a' -Access Read }; ErrorId = 'UnknownStorePrefix'; Target = 'vault:a' }
        @{ Case = 'Migrate without -DestinationName'; Run = { New-SecretAccessPolicy sm:a -Access Migrate }; ErrorId = 'InvalidParameterCombination'; Target = $null }
        @{ Case = '-DestinationName without Migrate'; Run = { New-SecretAccessPolicy sm:a -Access Read -DestinationName sm:b }; ErrorId = 'InvalidParameterCombination'; Target = $null }
    ) {
        $output = $null
        $err = $null
        try { $output = & $Run } catch { $err = $_ }
        $output | Should -BeNullOrEmpty
        $err | Should -Not -BeNullOrEmpty
        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $err.TargetObject | Should -Be $Target
    }
}

Describe 'The help lists each cmdlet''s permissions from the same table' {
    BeforeDiscovery {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-Module (Join-Path $script:RepoRoot 'out/SecretsTools/SecretsTools.psd1') -Force
        $script:Exported = @((Get-Module SecretsTools).ExportedCmdlets.Keys | Sort-Object)
    }

    It '<_> has a table entry, and its Get-Help shows exactly the table''s actions' -ForEach $script:Exported {
        $entry = $script:Entries | Where-Object Cmdlet -eq $_
        $entry | Should -Not -BeNullOrEmpty -Because "$_ needs an entry in src/SecretsTools/Access/PermissionTable.cs"
        $text = (Get-Help $_).alertSet.alert.Text -join "`n"
        $text | Should -Match 'IAM permissions'
        # The generated part: the NOTES' own prose before it may name actions too.
        $text = $text.Substring($text.IndexOf('IAM permissions'))
        $shown = @([regex]::Matches($text, '\b(secretsmanager|ssm|kms|lambda|cloudtrail):[A-Za-z]+') | ForEach-Object Value | Sort-Object -Unique)
        $shown | Should -Be @($entry.AllActions | Sort-Object -Unique)
    }
}
