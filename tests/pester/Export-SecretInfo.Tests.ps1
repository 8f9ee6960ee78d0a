# Export-SecretInfo -Format CloudFormation. Every template is checked against the CloudFormation
# resource specification (@aws-cdk/cfnspec, tests/node/cfnspec, installed by build.ps1 Test with
# npm ci), its YAML form must parse (PyYAML, which moto's CloudFormation needs anyway) to exactly its
# JSON form, and the Parameter Store part is deployed to moto's CloudFormation with the AWS CLI, in
# another Region, where the parameters it creates must match the originals.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:Validator = Join-Path $PSScriptRoot '../node/cfnspec/validate-template.js'
    if (-not (Test-Path (Join-Path $PSScriptRoot '../node/cfnspec/node_modules/@aws-cdk/cfnspec'))) {
        throw 'Run npm ci in tests/node/cfnspec first (build.ps1 Test does it).'
    }

    function Test-Template {
        # Validates a JSON template file against the specification; returns the validator's output.
        param([string] $Path)
        $output = & node $script:Validator $Path 2>&1
        if ($LASTEXITCODE -ne 0) { throw "Template $Path fails the CloudFormation specification:`n$($output -join "`n")" }
        return ($output -join "`n")
    }

    function ConvertFrom-YamlToJson {
        # YAML to canonical JSON with PyYAML's safe loader (no tags, no objects).
        param([string] $Path)
        $json = & python3 -c 'import sys, json, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8")), sort_keys=True))' $Path
        if ($LASTEXITCODE -ne 0) { throw "PyYAML could not read $Path" }
        return $json
    }

    function ConvertTo-CanonicalJson {
        param([string] $Path)
        return & python3 -c 'import sys, json; print(json.dumps(json.load(open(sys.argv[1], encoding="utf-8")), sort_keys=True))' $Path
    }

    function Export-Both {
        # Exports both forms of the same input, checks each against the specification and that they
        # are the same template; returns the parsed JSON template.
        param([object[]] $Info, [hashtable] $Options = @{})
        $json = Join-Path $TestDrive "$([guid]::NewGuid().ToString('N')).json"
        $yaml = Join-Path $TestDrive "$([guid]::NewGuid().ToString('N')).yaml"
        $Info | Export-SecretInfo -Format CloudFormation -TemplateFormat Json -Path $json @Options -WarningAction SilentlyContinue -Confirm:$false
        $Info | Export-SecretInfo -Format CloudFormation -TemplateFormat Yaml -Path $yaml @Options -WarningAction SilentlyContinue -Confirm:$false
        Test-Template $json | Should -Match '^ok '
        $fromYaml = Join-Path $TestDrive "$([guid]::NewGuid().ToString('N')).json"
        ConvertFrom-YamlToJson $yaml | Set-Content $fromYaml -Encoding utf8NoBOM
        Test-Template $fromYaml | Should -Match '^ok '
        ConvertFrom-YamlToJson $yaml | Should -BeExactly (ConvertTo-CanonicalJson $json)
        return (Get-Content $json -Raw | ConvertFrom-Json -AsHashtable)
    }

    $script:Root = "/$(New-TestName 'cfn')"
    $script:SmName = "$($Root.TrimStart('/'))/db"
    $script:Values = @{ url = 'https://example.test/a?b=1&c="x"'; list = 'one,two,three'; secure = 'S3cure-value-xyz'; sm = 'sm-value-9876' }
    Set-Secret "ssm:$Root/app/url" -Secret $Values.url -Type String -Description 'The URL: "quoted", yes' -Tier Advanced -Tag @{ team = 'core'; 'yes' = 'no' } -Confirm:$false
    Set-Secret "ssm:$Root/app/list" -Secret ($Values.list -split ',') -Description 'a list' -Confirm:$false
    Set-Secret "ssm:$Root/app/secure" -Secret $Values.secure -Confirm:$false
    Set-Secret "sm:$SmName" -Secret $Values.sm -Description 'db password' -Tag @{ owner = 'x' } -Confirm:$false
    $script:Info = @(Get-SecretInfo -Path $Root -Recurse -IncludeTags) + @(Get-SecretInfo "sm:$SmName")
}
AfterAll { Complete-SecretsToolsTest }

Describe 'Export-SecretInfo -Format CloudFormation from Get-SecretInfo' {
    It 'writes JSON and YAML that pass the specification, are the same template and hold no value' {
        $template = Export-Both $Info
        $types = $template.Resources.Values | ForEach-Object { $_.Type }
        @($types | Where-Object { $_ -eq 'AWS::SSM::Parameter' }).Count | Should -Be 2
        @($types | Where-Object { $_ -eq 'AWS::SecretsManager::Secret' }).Count | Should -Be 1
        foreach ($resource in $template.Resources.Values) {
            $resource.DeletionPolicy | Should -Be 'Retain'
            $resource.UpdateReplacePolicy | Should -Be 'Retain'
        }
        $text = (Get-ChildItem $TestDrive -Filter *.yaml | Get-Content -Raw) + (Get-ChildItem $TestDrive -Filter *.json | Get-Content -Raw)
        foreach ($value in $Values.Values) { $text | Should -Not -Match ([regex]::Escape($value)) }
    }

    It 'declares each parameter with its name, type, description, tier and tags, the value as a template parameter without a default' {
        $template = Export-Both $Info
        $url = $template.Resources.Values | Where-Object { $_.Properties.Name -eq "$Root/app/url" }
        $url.Properties.Type | Should -Be 'String'
        $url.Properties.Description | Should -BeExactly 'The URL: "quoted", yes'
        $url.Properties.Tier | Should -Be 'Advanced'
        $url.Properties.Tags.team | Should -Be 'core'
        $url.Properties.Tags.yes | Should -Be 'no'
        $ref = $url.Properties.Value.Ref
        $template.Parameters[$ref].Type | Should -Be 'String'
        $template.Parameters[$ref].Keys | Should -Not -Contain 'Default'
        $list = $template.Resources.Values | Where-Object { $_.Properties.Name -eq "$Root/app/list" }
        $list.Properties.Type | Should -Be 'StringList'
    }

    It 'declares the secret with a NoEcho value parameter and its tags' {
        $template = Export-Both $Info
        $secret = $template.Resources.Values | Where-Object { $_.Type -eq 'AWS::SecretsManager::Secret' }
        $secret.Properties.Name | Should -Be $SmName
        $secret.Properties.Description | Should -Be 'db password'
        $secret.Properties.Tags | Should -HaveCount 1
        $secret.Properties.Tags[0].Key | Should -Be 'owner'
        $template.Parameters[$secret.Properties.SecretString.Ref].NoEcho | Should -BeTrue
        $template.Parameters[$secret.Properties.SecretString.Ref].Keys | Should -Not -Contain 'Default'
    }

    It 'leaves SecureString parameters out, naming them in the Description and a warning' {
        $text = $Info | Export-SecretInfo -Format CloudFormation -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings | Where-Object { "$_" -like "*$Root/app/secure*SecureString*" }).Count | Should -Be 1
        $text | Should -Match ([regex]::Escape("Description: `"Exported by SecretsTools"))
        $text | Should -Match ([regex]::Escape("$Root/app/secure."))
        $text | Should -Not -Match 'Name: "[^"]*/app/secure"'
    }

    It 'writes the resources-to-import list: the secret by ARN, each parameter by name, matching the logical ids' {
        $json = Join-Path $TestDrive 'imp.json'; $import = Join-Path $TestDrive 'imp-import.json'
        $Info | Export-SecretInfo -TemplateFormat Json -Path $json -ImportFile $import -WarningAction SilentlyContinue
        $template = Get-Content $json -Raw | ConvertFrom-Json -AsHashtable
        $entries = Get-Content $import -Raw | ConvertFrom-Json
        $entries | Should -HaveCount 3
        foreach ($entry in $entries) {
            $template.Resources[$entry.LogicalResourceId].Type | Should -Be $entry.ResourceType
        }
        $secret = $entries | Where-Object ResourceType -eq 'AWS::SecretsManager::Secret'
        $secret.ResourceIdentifier.Id | Should -Be ($Info | Where-Object Store -eq SecretsManager).Arn
        ($entries | Where-Object ResourceType -eq 'AWS::SSM::Parameter').ResourceIdentifier.Name | Sort-Object | Should -Be @("$Root/app/list", "$Root/app/url")
        $objects = $Info | Export-SecretInfo -ResourcesToImport -WarningAction SilentlyContinue
        $objects | Should -HaveCount 3
        $objects[0] | Should -BeOfType ([SecretsTools.Model.CloudFormationImportItem])
        ($objects | ForEach-Object LogicalResourceId) | Should -Be ($entries | ForEach-Object LogicalResourceId)
    }

    It 'declares the resource policy Get-SecretResourcePolicy reads, and none for a secret without one' {
        $name = "$SmName-pol"
        Set-Secret "sm:$name" -Secret 'x' -Confirm:$false
        Set-SecretResourcePolicy "sm:$name" -AllowAccount 123456789012 -SkipValidation -Confirm:$false
        $infos = @(Get-SecretInfo "sm:$name") + @(Get-SecretInfo "sm:$SmName")
        $policies = $infos | Get-SecretResourcePolicy
        $template = Export-Both $infos @{ ResourcePolicy = $policies }
        $declared = @($template.Resources.Values | Where-Object Type -EQ 'AWS::SecretsManager::ResourcePolicy')
        $declared.Count | Should -Be 1 # the other secret has no policy
        $stored = (Invoke-AwsCli secretsmanager get-resource-policy --secret-id $name).ResourcePolicy | ConvertFrom-Json -AsHashtable
        ($declared[0].Properties.ResourcePolicy | ConvertTo-Json -Depth 10 -Compress) | Should -Be ($stored | ConvertTo-Json -Depth 10 -Compress)
        $template.Resources[$declared[0].Properties.SecretId.Ref].Properties.Name | Should -Be $name
        { $infos | Export-SecretInfo -ResourcePolicy 'not a policy' -ErrorAction Stop } | Should -Throw -ErrorId 'UnsupportedInputObject*'
    }

    It 'deploys the Parameter Store part to CloudFormation (moto, another Region) as parameters equal to the originals' {
        $params = @($Info | Where-Object { $_.Store -eq 'ParameterStore' -and $_.Type -ne 'SecureString' })
        $json = Join-Path $TestDrive 'deploy.json'
        $params | Export-SecretInfo -TemplateFormat Json -Path $json
        Test-Template $json | Should -Match '^ok 2 resources'
        $template = Get-Content $json -Raw | ConvertFrom-Json -AsHashtable
        # moto 5.2.1 reads AWS::SSM::Parameter Tags as a list of Key/Value (a 500 on the map that the
        # specification and CloudFormation take), so the deployed copy goes without them; the
        # specification check above covers the Tags as exported.
        foreach ($resource in $template.Resources.Values) { $resource.Properties.Remove('Tags') }
        $template | ConvertTo-Json -Depth 10 | Set-Content $json -Encoding utf8NoBOM
        $given = @{ "$Root/app/url" = $Values.url; "$Root/app/list" = $Values.list }
        $arguments = foreach ($id in $template.Parameters.Keys) {
            $name = ($template.Resources.Values | Where-Object { $_.Properties.Value.Ref -eq $id }).Properties.Name
            @{ ParameterKey = $id; ParameterValue = $given[$name] }
        }
        $parameterFile = Join-Path $TestDrive 'deploy-parameters.json'
        ConvertTo-Json @($arguments) | Set-Content $parameterFile -Encoding utf8NoBOM
        $stack = "cfn$([guid]::NewGuid().ToString('N').Substring(0, 10))"
        Invoke-AwsCli cloudformation create-stack --region us-west-2 --stack-name $stack --template-body "file://$json" --parameters "file://$parameterFile" | Out-Null
        (Invoke-AwsCli cloudformation describe-stacks --region us-west-2 --stack-name $stack).Stacks[0].StackStatus | Should -Be 'CREATE_COMPLETE'
        foreach ($original in $params) {
            $created = (Invoke-AwsCli ssm get-parameter --region us-west-2 --name $original.Name).Parameter
            $created.Type | Should -Be $original.Type
            $created.Value | Should -BeExactly $given[$original.Name]
            $described = (Invoke-AwsCli ssm describe-parameters --region us-west-2 --parameter-filters "Key=Name,Values=$($original.Name)").Parameters[0]
            "$($described.Description)" | Should -BeExactly "$($original.Description)"
            $described.Tier | Should -Be $original.Tier
        }
    }
}

Describe 'Export-SecretInfo from hand-built SecretInfo' {
    BeforeAll {
        $script:Arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:team/api-key-AbCdEf'
        $script:Rotating = [SecretsTools.Model.SecretInfo]@{
            Name = 'team/api-key'; Store = 'SecretsManager'; Arn = $Arn; Description = 'API key'
            KmsKeyId = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'
            ReplicaRegions = @('eu-west-1', 'ap-south-1'); RotationEnabled = $true
            RotationLambdaArn = 'arn:aws:lambda:us-east-1:123456789012:function:rotate'; RotateAfterDays = 30
        }
        $script:Scheduled = [SecretsTools.Model.SecretInfo]@{
            Name = 'team/other'; Store = 'SecretsManager'; Arn = "$Arn-2"; RotationEnabled = $true
            RotationLambdaArn = 'arn:aws:lambda:us-east-1:123456789012:function:rotate'; RotationSchedule = 'cron(0 4 ? * MON *)'; RotationDuration = '3h'
        }
        $script:Policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}]}'
    }

    It 'declares replicas, the KMS key, rotation (days or schedule with a window) and a resource policy given directly' {
        $template = Export-Both @($Rotating, $Scheduled) @{ ResourcePolicy = @{ 'team/api-key' = $Policy } }
        $secret = $template.Resources.SecretTeamApiKey
        $secret.Properties.KmsKeyId | Should -Be $Rotating.KmsKeyId
        $secret.Properties.ReplicaRegions.Region | Should -Be @('eu-west-1', 'ap-south-1')
        $rotation = $template.Resources.RotationTeamApiKey
        $rotation.Type | Should -Be 'AWS::SecretsManager::RotationSchedule'
        $rotation.Properties.SecretId.Ref | Should -Be 'SecretTeamApiKey'
        $rotation.Properties.RotationLambdaARN | Should -Be $Rotating.RotationLambdaArn
        $rotation.Properties.RotationRules.AutomaticallyAfterDays | Should -Be 30
        $other = $template.Resources.RotationTeamOther.Properties.RotationRules
        $other.ScheduleExpression | Should -Be 'cron(0 4 ? * MON *)'
        $other.Duration | Should -Be '3h'
        $other.Keys | Should -Not -Contain 'AutomaticallyAfterDays'
        $declared = $template.Resources.PolicyTeamApiKey
        $declared.Type | Should -Be 'AWS::SecretsManager::ResourcePolicy'
        $declared.Properties.SecretId.Ref | Should -Be 'SecretTeamApiKey'
        ($declared.Properties.ResourcePolicy | ConvertTo-Json -Depth 10 -Compress) | Should -Be (($Policy | ConvertFrom-Json -AsHashtable) | ConvertTo-Json -Depth 10 -Compress)
        $template.Resources.Keys | Should -Not -Contain 'PolicyTeamOther'
        $imports = @($Rotating, $Scheduled) | Export-SecretInfo -ResourcePolicy @{ 'team/api-key' = $Policy } -ResourcesToImport
        ($imports | Where-Object LogicalResourceId -eq 'PolicyTeamApiKey').ResourceIdentifier.Id | Should -Be $Arn
        ($imports | Where-Object LogicalResourceId -eq 'RotationTeamApiKey').ResourceIdentifier.Id | Should -Be $Arn
    }

    It 'declares each replica''s own KMS key (not Secrets Manager''s default), from Replicas as DescribeSecret gives them' {
        $replicated = [SecretsTools.Model.SecretInfo]@{
            Name = 'team/replicated'; Store = 'SecretsManager'; Arn = "$Arn-3"; ReplicaRegions = @('eu-west-1', 'ap-south-1')
            Replicas = @(
                [SecretsTools.Model.SecretReplica]@{ Region = 'eu-west-1'; Status = 'InSync'; KmsKeyId = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }
                [SecretsTools.Model.SecretReplica]@{ Region = 'ap-south-1'; Status = 'InSync'; KmsKeyId = 'alias/aws/secretsmanager' }
            )
        }
        $template = Export-Both @($replicated)
        $replicas = $template.Resources.SecretTeamReplicated.Properties.ReplicaRegions
        $replicas.Region | Should -Be @('eu-west-1', 'ap-south-1')
        $replicas[0].KmsKeyId | Should -Be $replicated.Replicas[0].KmsKeyId
        $replicas[1].Keys | Should -Not -Contain 'KmsKeyId'
    }

    It 'blocks public policies (BlockPublicPolicy <Block>) for <Case>' -ForEach @(
        @{ Case = 'an account root'; Block = $true; Statement = '{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"secretsmanager:GetSecretValue","Resource":"*"}' }
        @{ Case = 'a Deny to "*" (deny unless TLS)'; Block = $true; Statement = '{"Effect":"Deny","Principal":"*","Action":"secretsmanager:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}' }
        @{ Case = 'an Allow to "*" pinned by aws:PrincipalOrgID'; Block = $true; Statement = '{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"secretsmanager:GetSecretValue","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}}' }
        @{ Case = 'an Allow to "*" with no condition (public: declared as it exists)'; Block = $false; Statement = '{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:root","*"]},"Action":"secretsmanager:GetSecretValue","Resource":"*"}' }
    ) {
        $policy = "{`"Version`":`"2012-10-17`",`"Statement`":[$Statement]}"
        $template = Export-Both @($Rotating) @{ ResourcePolicy = @{ 'team/api-key' = $policy } }
        $template.Resources.PolicyTeamApiKey.Properties.BlockPublicPolicy | Should -Be $Block
        $null = $Rotating | Export-SecretInfo -ResourcePolicy @{ 'team/api-key' = $policy } -WarningVariable warned -WarningAction SilentlyContinue
        ("$warned" -match 'allows any principal') | Should -Be (-not $Block)
    }

    It 'warns that a listing''s replicas are not declared, as ListSecrets does not report them' {
        $listed = [SecretsTools.Model.SecretInfo]@{ Name = 'team/listed'; Store = 'SecretsManager'; Arn = "$Arn-4"; Replicas = $null }
        $null = $listed | Export-SecretInfo -WarningVariable warned -WarningAction SilentlyContinue
        "$warned" | Should -Match '1 secret\(s\) came from a listing.*-IncludeReplicas'
        $null = $Rotating | Export-SecretInfo -WarningVariable quiet -WarningAction SilentlyContinue
        "$quiet" | Should -Not -Match 'came from a listing'
    }

    It 'leaves out a replica listed in its own Region, with a warning: its primary declares it' {
        $replica = [SecretsTools.Model.SecretInfo]@{ Name = 'team/api-key'; Store = 'SecretsManager'; Arn = $Arn.Replace('us-east-1', 'eu-west-1'); Region = 'eu-west-1'; PrimaryRegion = 'us-east-1' }
        $template = @($Rotating, $replica) | Export-SecretInfo -TemplateFormat Json -WarningVariable warnings -WarningAction SilentlyContinue | ConvertFrom-Json -AsHashtable
        @($template.Resources.Values | Where-Object Type -eq 'AWS::SecretsManager::Secret') | Should -HaveCount 1
        $template.Resources.SecretTeamApiKey.Properties.ReplicaRegions.Region | Should -Contain 'eu-west-1'
        @($warnings | Where-Object { "$_" -like '*team/api-key in eu-west-1 is a replica*' }).Count | Should -Be 1
    }

    It 'declares a name once when it comes from two Regions, with a warning' {
        $east = [SecretsTools.Model.SecretInfo]@{ Name = '/two/regions'; Store = 'ParameterStore'; Type = 'String'; Region = 'us-east-1' }
        $west = [SecretsTools.Model.SecretInfo]@{ Name = '/two/regions'; Store = 'ParameterStore'; Type = 'String'; Region = 'us-west-2' }
        $file = Join-Path $TestDrive 'regions.json'
        @($west, $east) | Export-SecretInfo -TemplateFormat Json -Path $file -WarningVariable warnings -WarningAction SilentlyContinue
        Test-Template $file | Should -Match '^ok 1 resources'
        @($warnings | Where-Object { "$_" -like '*/two/regions is in the input from us-west-2 as well as from us-east-1*' }).Count | Should -Be 1
    }

    It 'offers GenerateSecretString instead of a NoEcho parameter' {
        $template = Export-Both @($Rotating) @{ SecretValue = 'GenerateSecretString' }
        $template.Resources.SecretTeamApiKey.Properties.GenerateSecretString.PasswordLength | Should -Be 32
        $template.Resources.SecretTeamApiKey.Properties.Keys | Should -Not -Contain 'SecretString'
        $template.Keys | Should -Not -Contain 'Parameters'
    }

    It 'gives unique alphanumeric logical ids from the names alone, whatever the input order' {
        $names = '/a/db-url', '/a/db_url', '/a/DB/url', '/a/other', '/b'
        $items = $names | ForEach-Object { [SecretsTools.Model.SecretInfo]@{ Name = $_; Store = 'ParameterStore'; Type = 'String' } }
        $forward = $items | Export-SecretInfo -TemplateFormat Json
        $backward = $items[($items.Count - 1)..0] | Export-SecretInfo -TemplateFormat Json
        $backward | Should -BeExactly $forward
        $template = $forward | ConvertFrom-Json -AsHashtable
        $ids = @($template.Resources.Keys) + @($template.Parameters.Keys)
        $ids | Should -HaveCount 10
        ($ids | Sort-Object -Unique) | Should -HaveCount 10
        foreach ($id in $ids) { $id | Should -MatchExactly '^[A-Za-z0-9]+$' }
        $template.Resources.Keys | Should -Contain 'ParameterAOther'
        $template.Resources.Keys | Should -Contain 'ParameterB'
        $file = Join-Path $TestDrive 'ids.json'; $forward | Set-Content $file -Encoding utf8NoBOM
        Test-Template $file | Should -Match '^ok 5 resources'
    }

    It 'quotes YAML strings safely (numbers, booleans, tags, comments, newlines, non-ASCII)' {
        $tricky = 'yes', '0123', '!Ref x', '# not a comment', "two`nlines", 'null', 'élan: ✓', ' lead', 'a: b'
        $items = for ($i = 0; $i -lt $tricky.Count; $i++) { [SecretsTools.Model.SecretInfo]@{ Name = "/q/p$i"; Store = 'ParameterStore'; Type = 'String'; Description = $tricky[$i]; Tags = @{ $tricky[$i] = $tricky[$i] } } }
        $template = Export-Both $items
        for ($i = 0; $i -lt $tricky.Count; $i++) {
            $resource = $template.Resources.Values | Where-Object { $_.Properties.Name -eq "/q/p$i" }
            $resource.Properties.Description | Should -BeExactly $tricky[$i]
            $resource.Properties.Tags[$tricky[$i]] | Should -BeExactly $tricky[$i]
        }
    }

    It 'warns when the template is over CloudFormation''s parameter and inline-size quotas' {
        $items = 1..201 | ForEach-Object { [SecretsTools.Model.SecretInfo]@{ Name = "/many/p$_"; Store = 'ParameterStore'; Type = 'String' } }
        $text = $items | Export-SecretInfo -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings | Where-Object { "$_" -like '*201 parameters*at most 200*' }).Count | Should -Be 1
        $bytes = [Text.Encoding]::UTF8.GetByteCount($text)
        $bytes | Should -BeGreaterThan 51200
        @($warnings | Where-Object { "$_" -like "*$($bytes.ToString('N0')) bytes*--template-url*" }).Count | Should -Be 1
        $null = $items[0..9] | Export-SecretInfo -WarningVariable few -WarningAction SilentlyContinue
        $few | Should -BeNullOrEmpty
    }

    It 'writes nothing with -WhatIf and keeps a file with -NoClobber' {
        $path = Join-Path $TestDrive 'whatif.yaml'
        $Rotating | Export-SecretInfo -Path $path -ImportFile "$path.import" -WhatIf
        Test-Path $path | Should -BeFalse
        Test-Path "$path.import" | Should -BeFalse
        Set-Content $path 'keep'
        { $Rotating | Export-SecretInfo -Path $path -NoClobber -ErrorAction Stop } | Should -Throw -ErrorId 'DestinationExists*'
        Get-Content $path | Should -Be 'keep'
    }

    It 'refuses a policy that is not JSON (MalformedPolicy) and input with nothing to declare (NothingToExport), writing nothing' {
        $path = Join-Path $TestDrive 'bad.yaml'
        { $Rotating | Export-SecretInfo -Path $path -ResourcePolicy @{ 'team/api-key' = '{not json' } -ErrorAction Stop } | Should -Throw -ErrorId 'MalformedPolicy*'
        $secure = [SecretsTools.Model.SecretInfo]@{ Name = '/only/secure'; Store = 'ParameterStore'; Type = 'SecureString' }
        { $secure | Export-SecretInfo -Path $path -ErrorAction Stop -WarningAction SilentlyContinue } | Should -Throw -ErrorId 'NothingToExport*'
        Test-Path $path | Should -BeFalse
    }
}
