# The resource policies Set-SecretResourcePolicy builds from -AllowPrincipal / -AllowAccount, as
# moto stores them (read back with the AWS CLI), judged by a third-party IAM evaluator
# (@cloud-copilot/iam-simulate, test-only, tests/node/iam): they grant what they say to whom they
# say, nothing more, and nothing public. moto neither evaluates nor checks a resource policy, so
# the evaluator is what proves the grant; AWS itself is not consulted.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'IamEvaluator.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:Stem = New-TestName 'rpe'
    $script:Owner = '111122223333'
    # An identity policy that grants nothing of Secrets Manager: a same-account principal is then
    # allowed by the resource policy alone, as AWS decides within one account.
    $script:Nothing = @{ Version = '2012-10-17'; Statement = @(@{ Effect = 'Allow'; Action = 'sts:GetCallerIdentity'; Resource = '*' }) }
    # What a principal in another account needs on its side too: AWS requires both for cross-account access.
    $script:AllSecrets = @{ Version = '2012-10-17'; Statement = @(@{ Effect = 'Allow'; Action = 'secretsmanager:*'; Resource = '*' }) }
    $script:Reads = 'secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'
    $script:Writes = 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecret', 'secretsmanager:UpdateSecretVersionStage'
    $script:Never = 'secretsmanager:DeleteSecret', 'secretsmanager:PutResourcePolicy', 'secretsmanager:DeleteResourcePolicy', 'secretsmanager:TagResource'

    function New-StoredPolicy([string] $Suffix, [hashtable] $Grant) {
        $name = "$Stem/$Suffix"
        $null = Set-Secret "sm:$name" -Secret 'v' -Confirm:$false
        Set-SecretResourcePolicy $name @Grant -SkipValidation -Confirm:$false
        $policy = (Invoke-AwsCli secretsmanager get-resource-policy --secret-id $name).ResourcePolicy
        $policy | Should -Not -BeNullOrEmpty
        # The secret's ARN as AWS writes it, in the owner's account (moto's account is another).
        [pscustomobject]@{ Policy = $policy; Arn = "arn:aws:secretsmanager:us-east-1:$($Owner):secret:$name-AbCdEf" }
    }

    function Test-Grant($Stored, [string[]] $Actions, [string] $Principal, [object] $Identity) {
        $requests = @($Actions | ForEach-Object { @{ action = $_; resource = $Stored.Arn; principal = $Principal; accountId = $Owner } })
        $answer = Invoke-IamEvaluator -Policies $Identity -ResourcePolicy $Stored.Policy -Requests $requests
        $answer.results | Where-Object decision -EQ 'Error' | Should -BeNullOrEmpty -Because 'the evaluator must accept every action and ARN'
        $answer.unknownActions | Should -BeNullOrEmpty
        return $answer.results
    }
}
AfterAll {
    Get-SmNamesFromServer -Prefix $Stem | ForEach-Object { Remove-Secret "sm:$_" -WithoutRecovery -Force -ErrorAction SilentlyContinue }
    Complete-SecretsToolsTest
}

Describe 'Resource policies built by Set-SecretResourcePolicy, judged by an IAM evaluator' {
    It '-AllowPrincipal -Access Read lets that role read, and nothing else: not write, not manage, not another role' {
        $role = "arn:aws:iam::$($Owner):role/reader"
        $stored = New-StoredPolicy 'principal-read' @{ AllowPrincipal = $role; Access = 'Read' }
        (Test-Grant $stored $Reads $role $Nothing).allowed | Should -Not -Contain $false
        (Test-Grant $stored ($Writes + $Never) $role $Nothing).allowed | Should -Not -Contain $true
        (Test-Grant $stored $Reads "arn:aws:iam::$($Owner):role/other" $Nothing).allowed | Should -Not -Contain $true
    }

    It '-Access Write adds the writes for that principal, and still no management of the secret' {
        $user = "arn:aws:iam::$($Owner):user/deployer"
        $stored = New-StoredPolicy 'principal-write' @{ AllowPrincipal = $user; Access = 'Write' }
        (Test-Grant $stored ($Reads + $Writes) $user $Nothing).allowed | Should -Not -Contain $false
        (Test-Grant $stored $Never $user $Nothing).allowed | Should -Not -Contain $true
    }

    It '-AllowAccount grants that account (with its own identity policy), and no other account' {
        $stored = New-StoredPolicy 'account-read' @{ AllowAccount = '444455556666'; Access = 'Read' }
        (Test-Grant $stored $Reads 'arn:aws:iam::444455556666:user/x' $AllSecrets).allowed | Should -Not -Contain $false
        (Test-Grant $stored $Writes 'arn:aws:iam::444455556666:user/x' $AllSecrets).allowed | Should -Not -Contain $true
        # Another account, however much its own policy allows: the resource policy does not name it.
        (Test-Grant $stored $Reads 'arn:aws:iam::777788889999:user/x' $AllSecrets).allowed | Should -Not -Contain $true
    }

    It 'is never public: no "*" principal, and an unnamed account is refused every action' {
        $stored = New-StoredPolicy 'not-public' @{ AllowPrincipal = "arn:aws:iam::444455556666:role/app"; AllowAccount = '555566667777'; Access = 'Write' }
        $document = $stored.Policy | ConvertFrom-Json -AsHashtable
        foreach ($statement in @($document.Statement)) {
            @($statement.Principal.AWS) | Should -Not -Contain '*'
            $statement.Principal | Should -Not -Be '*'
        }
        (Test-Grant $stored ($Reads + $Writes + $Never) 'arn:aws:iam::999988887777:user/stranger' $AllSecrets).allowed | Should -Not -Contain $true
    }
}
