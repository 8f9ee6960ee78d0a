# Resource policies: Get-, Set- and Remove-SecretResourcePolicy against moto_server, checked with
# the AWS CLI. moto keeps a policy as given (it neither evaluates nor syntax-checks it) and has no
# ValidateResourcePolicy (an HTML 500): validation, and the service's policy errors
# (MalformedPolicyDocumentException, PublicPolicyException), are tested against a small local HTTP
# server (FakeSecretsManager.ps1) whose replies follow the API model's shapes.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'FakeSecretsManager.ps1')
    $script:HasModel = $null -ne (Get-SecretsManagerModel)
}
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'FakeSecretsManager.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:Stem = New-TestName 'pol'
    $script:Role = 'arn:aws:iam::210987654321:role/app'

    function New-PolicySecret([string] $Suffix) {
        $name = "$Stem/$Suffix"
        $null = Set-Secret "sm:$name" -Secret 'v' -Confirm:$false
        $name
    }
    function Get-ServerPolicy([string] $Name) {
        $p = (Invoke-AwsCli secretsmanager get-resource-policy --secret-id $Name).ResourcePolicy
        if ($p) { $p | ConvertFrom-Json -AsHashtable }
    }
    function Get-Calls { [SecretsTools.Diagnostics.ApiCallCounter]::Snapshot() }
}
AfterAll {
    Get-SmNamesFromServer -Prefix $Stem | ForEach-Object { Remove-Secret "sm:$_" -WithoutRecovery -Force -ErrorAction SilentlyContinue }
    Complete-SecretsToolsTest
}

Describe 'Set-SecretResourcePolicy -AllowPrincipal / -AllowAccount against moto' {
    It 'writes one Allow statement for the principals with the Read actions and Resource *, as the AWS CLI shows' {
        $name = New-PolicySecret 'read'
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $result = Set-SecretResourcePolicy $name -AllowPrincipal $Role -AllowAccount 111122223333 -SkipValidation -PassThru -Confirm:$false
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'PutResourcePolicy') | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'GetResourcePolicy') | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 2

        $policy = Get-ServerPolicy $name
        $policy.Version | Should -Be '2012-10-17'
        @($policy.Statement).Count | Should -Be 1
        $statement = @($policy.Statement)[0]
        $statement.Effect | Should -Be 'Allow'
        $statement.Principal.AWS | Should -Be @($Role, 'arn:aws:iam::111122223333:root')
        $statement.Action | Should -Be @('secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret')
        $statement.Resource | Should -Be '*'

        $result | Should -BeOfType SecretsTools.Model.SecretResourcePolicy
        $result.Name | Should -BeExactly $name
        $result.Arn | Should -Match ':secret:'
        ($result.Policy | ConvertFrom-Json -AsHashtable).Statement[0].Principal.AWS | Should -Be @($Role, 'arn:aws:iam::111122223333:root')
    }

    It 'adds the write actions with -Access Write, and names one principal as a string' {
        $name = New-PolicySecret 'write'
        Set-SecretResourcePolicy $name -AllowAccount 111122223333 -Access Write -SkipValidation -Confirm:$false
        $statement = @((Get-ServerPolicy $name).Statement)[0]
        $statement.Principal.AWS | Should -BeOfType [string]
        $statement.Principal.AWS | Should -Be 'arn:aws:iam::111122223333:root'
        $statement.Action | Should -Be @('secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecret', 'secretsmanager:UpdateSecretVersionStage')
    }

    It 'uses the partition of the Region called for account roots' {
        [SecretsTools.Access.ResourcePolicyDocument]::PartitionOf('cn-north-1') | Should -Be 'aws-cn'
        [SecretsTools.Access.ResourcePolicyDocument]::PartitionOf('us-gov-west-1') | Should -Be 'aws-us-gov'
        $doc = [SecretsTools.Access.ResourcePolicyDocument]::Build($null, [string[]] '111122223333', 'Read', 'aws-cn') | ConvertFrom-Json
        $doc.Statement[0].Principal.AWS | Should -Be 'arn:aws-cn:iam::111122223333:root'
    }

    It '-WhatIf writes nothing, and -Verbose shows the document (a policy is not secret)' {
        $name = New-PolicySecret 'whatif'
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $verbose = Set-SecretResourcePolicy $name -AllowPrincipal $Role -WhatIf -Verbose 4>&1 | ForEach-Object { "$_" }
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 0
        Get-ServerPolicy $name | Should -BeNullOrEmpty
        ($verbose -join "`n") | Should -Match ([regex]::Escape('"Principal":{"AWS":"' + $Role + '"}'))
    }

    It 'goes on without validation where the endpoint does not have ValidateResourcePolicy (moto), and warns' {
        $name = New-PolicySecret 'novalidate'
        Set-SecretResourcePolicy $name -AllowAccount 111122223333 -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue
        ($warned -join "`n") | Should -Match 'does not have ValidateResourcePolicy'
        @((Get-ServerPolicy $name).Statement)[0].Principal.AWS | Should -Be 'arn:aws:iam::111122223333:root'
    }
}

Describe 'Set-SecretResourcePolicy -Policy against moto' {
    It 'takes JSON text and writes it as given' {
        $name = New-PolicySecret 'json'
        $json = '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"secretsmanager:DeleteSecret","Resource":"*"}]}'
        Set-SecretResourcePolicy $name -Policy $json -SkipValidation -Confirm:$false
        $policy = Get-ServerPolicy $name
        $policy.Statement[0].Effect | Should -Be 'Deny'
        $policy.Statement[0].Action | Should -Be 'secretsmanager:DeleteSecret'
    }

    It 'takes a hashtable and writes it as JSON' {
        $name = New-PolicySecret 'table'
        Set-SecretResourcePolicy $name -Policy @{ Version = '2012-10-17'; Statement = @(@{ Effect = 'Allow'; Principal = @{ AWS = $Role }; Action = 'secretsmanager:GetSecretValue'; Resource = '*' }) } -SkipValidation -Confirm:$false
        $policy = Get-ServerPolicy $name
        @($policy.Statement)[0].Principal.AWS | Should -Be $Role
    }
}

Describe 'Get-SecretResourcePolicy against moto' {
    BeforeAll {
        $script:WithPolicy = New-PolicySecret 'get'
        $null = Invoke-AwsCli secretsmanager put-resource-policy --secret-id $WithPolicy --resource-policy ('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"' + $Role + '"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}')
        $script:WithoutPolicy = New-PolicySecret 'none'
    }

    It 'returns the policy the AWS CLI put, in one GetResourcePolicy call' {
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $result = Get-SecretResourcePolicy $WithPolicy
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 1
        $result | Should -BeOfType SecretsTools.Model.SecretResourcePolicy
        $result.Name | Should -BeExactly $WithPolicy
        ($result.Policy | ConvertFrom-Json).Statement[0].Principal.AWS | Should -Be $Role
    }

    It 'shows the policy indented in its view' {
        $text = Get-SecretResourcePolicy $WithPolicy | Out-String -Width 200
        $text | Should -Match 'Name\s+:\s+' 
        $text | Should -Match '(?m)^\s+"Statement": \['
        (Get-SecretResourcePolicy $WithPolicy).FormattedPolicy.Split("`n").Count | Should -BeGreaterThan 5
    }

    It 'gives the document as hashtables with -AsHashtable' {
        $table = Get-SecretResourcePolicy $WithPolicy -AsHashtable
        $table | Should -BeOfType [hashtable]
        $table.Statement[0].Action | Should -Be 'secretsmanager:GetSecretValue'
    }

    It 'returns a null Policy for a secret without one, and nothing with -AsHashtable' {
        (Get-SecretResourcePolicy $WithoutPolicy).Policy | Should -BeNullOrEmpty
        Get-SecretResourcePolicy $WithoutPolicy -AsHashtable | Should -BeNullOrEmpty
        Get-SecretResourcePolicy $WithoutPolicy | Out-String | Should -Match '\(none\)'
    }

    It 'writes SecretNotFound for a missing secret and goes on with the next name' {
        $out = Get-SecretResourcePolicy "$Stem/missing", $WithPolicy -ErrorVariable errs -ErrorAction SilentlyContinue
        Get-ErrorIds $errs | Should -Be 'SecretNotFound'
        $errs[0].TargetObject | Should -BeExactly "$Stem/missing"
        $out.Name | Should -BeExactly $WithPolicy
    }

    It 'binds Get-SecretInfo output' {
        (Get-SecretInfo $WithPolicy | Get-SecretResourcePolicy).Name | Should -BeExactly $WithPolicy
    }
}

Describe 'Remove-SecretResourcePolicy against moto' {
    It 'removes the policy (the AWS CLI shows none), in one DeleteResourcePolicy call' {
        $name = New-PolicySecret 'remove'
        Set-SecretResourcePolicy $name -AllowAccount 111122223333 -SkipValidation -Confirm:$false
        [SecretsTools.Diagnostics.ApiCallCounter]::Reset()
        $result = Remove-SecretResourcePolicy $name -Force -PassThru
        [SecretsTools.Diagnostics.ApiCallCounter]::Get('SecretsManager', 'DeleteResourcePolicy') | Should -Be 1
        [SecretsTools.Diagnostics.ApiCallCounter]::Total | Should -Be 1
        Get-ServerPolicy $name | Should -BeNullOrEmpty
        $result.Name | Should -BeExactly $name
        $result.Policy | Should -BeNullOrEmpty
    }

    It '-WhatIf keeps the policy' {
        $name = New-PolicySecret 'rmwhatif'
        Set-SecretResourcePolicy $name -AllowAccount 111122223333 -SkipValidation -Confirm:$false
        Remove-SecretResourcePolicy $name -WhatIf
        Get-ServerPolicy $name | Should -Not -BeNullOrEmpty
    }

    It 'is ConfirmImpact High, like Remove-Secret' {
        $attribute = (Get-Command Remove-SecretResourcePolicy).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be 'High'
    }
}

Describe 'Set-SecretResourcePolicy against a fake server (moto has no ValidateResourcePolicy)' {
    BeforeAll {
        $script:Arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:fake-AbCdEf'
        function Invoke-Fake([hashtable] $Replies, [scriptblock] $Script) {
            $fake = Start-FakeSecretsManager -Replies $Replies
            # Each error as the cmdlet wrote it, also under a runner's ErrorActionPreference Stop.
            $ErrorActionPreference = 'Continue'
            try {
                $out = & $Script $fake.Endpoint 2>&1 3>&1 4>&1
                [pscustomobject]@{
                    Output   = @($out | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] -and $_ -isnot [System.Management.Automation.ErrorRecord] -and $_ -isnot [System.Management.Automation.WarningRecord] })
                    Warnings = @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object { "$_" })
                    Verbose  = @($out | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" })
                    Errors   = @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
                    Requests = @($fake.Requests.ToArray())
                }
            } finally { Stop-FakeSecretsManager $fake }
        }
        $script:Put = @{ Body = (@{ ARN = $Arn; Name = 'fake' } | ConvertTo-Json -Compress) }
        $script:Get = @{ Body = (@{ ARN = $Arn; Name = 'fake'; ResourcePolicy = '{"Version":"2012-10-17","Statement":[]}' } | ConvertTo-Json -Compress) }
    }

    It 'sends the same document to ValidateResourcePolicy and then PutResourcePolicy, with BlockPublicPolicy' {
        $r = Invoke-Fake @{ ValidateResourcePolicy = @{ Body = '{"PolicyValidationPassed":true,"ValidationErrors":[]}' }; PutResourcePolicy = $Put; GetResourcePolicy = $Get } {
            param($e) Set-SecretResourcePolicy fake -AllowPrincipal $Role -BlockPublicPolicy -EndpointUrl $e -Confirm:$false -Verbose
        }
        $r.Errors | Should -BeNullOrEmpty
        $r.Requests.Target | Should -Be @('ValidateResourcePolicy', 'PutResourcePolicy', 'GetResourcePolicy')
        $validate = $r.Requests[0].Body | ConvertFrom-Json
        $put = $r.Requests[1].Body | ConvertFrom-Json
        $validate.SecretId | Should -Be 'fake'
        $put.SecretId | Should -Be 'fake'
        $put.ResourcePolicy | Should -BeExactly $validate.ResourcePolicy
        ($put.ResourcePolicy | ConvertFrom-Json).Statement[0].Principal.AWS | Should -Be $Role
        $put.BlockPublicPolicy | Should -BeTrue
        ($r.Verbose -join "`n") | Should -Match 'ValidateResourcePolicy passed'
    }

    It 'writes PolicyValidationFailed with the findings, and no PutResourcePolicy, when validation fails' {
        $r = Invoke-Fake @{ ValidateResourcePolicy = @{ Body = '{"PolicyValidationPassed":false,"ValidationErrors":[{"CheckName":"BLOCK_PUBLIC_POLICY","ErrorMessage":"The policy grants public access."}]}' }; PutResourcePolicy = $Put } {
            param($e) Set-SecretResourcePolicy fake -AllowAccount 111122223333 -EndpointUrl $e -Confirm:$false
        }
        Get-ErrorIds $r.Errors | Should -Be 'PolicyValidationFailed'
        $r.Errors[0].TargetObject | Should -Be 'fake'
        $r.Errors[0].Exception.Message | Should -Match 'BLOCK_PUBLIC_POLICY: The policy grants public access'
        $r.Requests.Target | Should -Be @('ValidateResourcePolicy')
    }

    It 'goes on to PutResourcePolicy when the endpoint answers UnknownOperationException, and says so' {
        $r = Invoke-Fake @{ ValidateResourcePolicy = @{ Status = 400; Body = '{"__type":"UnknownOperationException"}' }; PutResourcePolicy = $Put; GetResourcePolicy = $Get } {
            param($e) Set-SecretResourcePolicy fake -AllowAccount 111122223333 -EndpointUrl $e -Confirm:$false -Verbose
        }
        $r.Errors | Should -BeNullOrEmpty
        $r.Requests.Target | Should -Be @('ValidateResourcePolicy', 'PutResourcePolicy', 'GetResourcePolicy')
        ($r.Warnings -join "`n") | Should -Match 'does not have ValidateResourcePolicy.*UnknownOperationException'
    }

    It 'does not take a codeless 503 (a gateway, an overloaded service) for "no validation here": nothing is written' {
        $r = Invoke-Fake @{ ValidateResourcePolicy = @{ Status = 503; Body = 'Service Unavailable'; ContentType = 'text/html' }; PutResourcePolicy = $Put; GetResourcePolicy = $Get } {
            param($e) Set-SecretResourcePolicy fake -AllowAccount 111122223333 -EndpointUrl $e -Confirm:$false
        }
        $r.Errors | Should -Not -BeNullOrEmpty
        $r.Requests.Target | Should -Not -Contain 'PutResourcePolicy'
        $r.Warnings | Should -BeNullOrEmpty
    }

    It 'maps <Code> from PutResourcePolicy to <ErrorId>' -ForEach @(
        @{ Code = 'MalformedPolicyDocumentException'; ErrorId = 'MalformedPolicy' }
        @{ Code = 'PublicPolicyException'; ErrorId = 'PublicPolicyRefused' }
    ) {
        $reply = @{ Status = 400; Body = (@{ __type = $Code; message = 'refused' } | ConvertTo-Json -Compress) }
        $r = Invoke-Fake @{ PutResourcePolicy = $reply } {
            param($e) Set-SecretResourcePolicy fake -AllowAccount 111122223333 -SkipValidation -EndpointUrl $e -Confirm:$false
        }
        Get-ErrorIds $r.Errors | Should -Be $ErrorId
        $r.Errors[0].TargetObject | Should -Be 'fake'
        $r.Requests.Target | Should -Be @('PutResourcePolicy')
    }

    It 'the fake server''s replies use only members of the operations'' output shapes in the API model' -Skip:(-not $HasModel) {
        $model = Get-SecretsManagerModel
        $replies = @{
            ValidateResourcePolicy = '{"PolicyValidationPassed":false,"ValidationErrors":[{"CheckName":"BLOCK_PUBLIC_POLICY","ErrorMessage":"x"}]}'
            PutResourcePolicy = $Put.Body
            GetResourcePolicy = $Get.Body
        }
        foreach ($op in $replies.Keys) {
            $shape = $model.shapes[$model.operations[$op].output.shape]
            ($replies[$op] | ConvertFrom-Json -AsHashtable).Keys | ForEach-Object { $shape.members.Keys | Should -Contain $_ -Because "$op output" }
        }
        $entry = $model.shapes[$model.shapes['ValidationErrorsType'].member.shape]
        $entry.members.Keys | Should -Contain 'CheckName'
        $entry.members.Keys | Should -Contain 'ErrorMessage'
        foreach ($code in 'MalformedPolicyDocumentException', 'PublicPolicyException') { $model.operations.PutResourcePolicy.errors.shape | Should -Contain $code }
    }
}
