# Get-SecretAuditEvent against a fake CloudTrail (FakeCloudTrail.ps1): moto 5.2.1 does not
# implement LookupEvents. The module's real HTTP stack is used throughout; the fake checks the
# target header, the JSON body and the cloudtrail signing name, and pages with NextToken.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    . (Join-Path $PSScriptRoot 'FakeCloudTrail.ps1')
    $endpoint = Initialize-SecretsToolsTest
    $script:Arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf'
    $now = [datetime]::UtcNow
    $script:Events = @(
        New-FakeTrailEvent -Id e1 -Name GetSecretValue -Time $now.AddMinutes(-1) -Resource $Arn
        New-FakeTrailEvent -Id e2 -Name PutSecretValue -Time $now.AddMinutes(-2) -Resource $Arn -ReadOnly $false -RequestParameters @{ secretId = $Arn; secretString = 'hunter2-must-not-leak' }
        New-FakeTrailEvent -Id e3 -Name GetSecretValue -Time $now.AddMinutes(-3) -Resource $Arn -UserArn 'arn:aws:sts::123456789012:assumed-role/deploy-role/build-7' -UserType AssumedRole -ErrorCode AccessDenied
        New-FakeTrailEvent -Id e4 -Name Decrypt -Time $now.AddMinutes(-4) -Resource $Arn -Source kms.amazonaws.com
        New-FakeTrailEvent -Id e5 -Name GetSecretValue -Time $now.AddMinutes(-5) -Resource $Arn
        New-FakeTrailEvent -Id p1 -Name GetParameter -Time $now.AddMinutes(-1) -Resource '/app/db' -Source ssm.amazonaws.com
    )
    $script:Fake = Start-FakeCloudTrail -Events $Events -PageSize 2 -SecretArn $Arn
    $script:Trail = @{ EndpointUrl = $Fake.Endpoint; Region = 'us-east-1' }
}
AfterAll {
    if ($script:Fake) { & $script:Fake.Stop }
    Complete-SecretsToolsTest
}

Describe 'Get-SecretAuditEvent' {
    BeforeEach { $Fake.Requests.Clear() }

    It 'looks a Secrets Manager name up by its ARN, reads every page and keeps only Secrets Manager events' {
        $events = @(Get-SecretAuditEvent sm:prod/db @Trail)
        $events.EventId | Should -Be 'e1', 'e2', 'e3', 'e5'
        $events[0] | Should -BeOfType ([SecretsTools.Model.SecretAuditEvent])
        $events[0].SecretName | Should -Be 'prod/db'
        $events[0].Store | Should -Be 'SecretsManager'
        $events[0].User.Arn | Should -Be 'arn:aws:iam::123456789012:user/alice'
        $events[0].User.AccessKeyId | Should -Be 'AKIAEXAMPLEKEY'
        $events[0].SourceIp | Should -Be '192.0.2.10'
        $events[2].ErrorCode | Should -Be 'AccessDenied'
        $Fake.Requests[0].Target | Should -Be 'secretsmanager.DescribeSecret'
        $lookups = @($Fake.Requests | Where-Object Target -Like '*LookupEvents')
        $lookups.Count | Should -Be 3
        foreach ($lookup in $lookups) {
            $lookup.ContentType | Should -Be 'application/x-amz-json-1.1'
            $lookup.Authorization | Should -Match '/us-east-1/cloudtrail/aws4_request'
            $body = $lookup.Body | ConvertFrom-Json
            @($body.LookupAttributes).Count | Should -Be 1
            $body.LookupAttributes[0].AttributeValue | Should -BeExactly $Arn
        }
        ($lookups[1].Body | ConvertFrom-Json).NextToken | Should -Be 'page-2'
    }

    It 'filters by -EventName and -UserName on the client, never in the lookup' {
        @(Get-SecretAuditEvent $Arn -EventName getsecretvalue @Trail).EventId | Should -Be 'e1', 'e3', 'e5'
        @(Get-SecretAuditEvent $Arn -UserName 'deploy-*' @Trail).EventId | Should -Be 'e3'
        foreach ($lookup in $Fake.Requests) { $lookup.Body | Should -Not -Match 'EventName|Username' }
    }

    It 'writes no request parameter of an event, in objects or in their view' {
        $events = Get-SecretAuditEvent $Arn @Trail
        ($events | ConvertTo-Json -Depth 5) | Should -Not -Match 'hunter2|secretString'
        ($events | Format-Table | Out-String -Width 200) | Should -Not -Match 'hunter2'
        ($events | Format-List * | Out-String -Width 200) | Should -Not -Match 'hunter2'
    }

    It 'shows events in a table of time, event, user, source IP and error' {
        $text = Get-SecretAuditEvent $Arn @Trail | Out-String -Width 160
        $text | Should -Match 'Time\s+EventName\s+User\s+SourceIp\s+ErrorCode'
        $text | Should -Match '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\s+GetSecretValue\s+arn:aws:iam::123456789012:user/alice'
    }

    It 'reads Parameter Store events for an ssm: name, without DescribeSecret' {
        $events = @(Get-SecretAuditEvent ssm:/app/db @Trail)
        $events.EventId | Should -Be 'p1'
        $events[0].Store | Should -Be 'ParameterStore'
        @($Fake.Requests | Where-Object Target -EQ 'secretsmanager.DescribeSecret').Count | Should -Be 0
    }

    It '-Summary groups per principal with reads, writes, failures and the last access' {
        $rows = @(Get-SecretAuditEvent $Arn -Summary @Trail)
        $rows | Should -HaveCount 2
        $rows[0] | Should -BeOfType ([SecretsTools.Model.SecretAuditSummary])
        $alice = $rows | Where-Object User -Like '*user/alice'
        $alice.Reads | Should -Be 2
        $alice.Writes | Should -Be 1
        $alice.LastEventName | Should -Be 'GetSecretValue'
        $role = $rows | Where-Object UserType -EQ 'AssumedRole'
        $role.Failed | Should -Be 1
        ($rows | Out-String -Width 160) | Should -Match 'User\s+Reads\s+Writes\s+Failed\s+LastAccess'
    }

    It 'stops with InvalidAuditTimeRange, before any call, when -EndTime is before -StartTime' {
        { Get-SecretAuditEvent $Arn -StartTime (Get-Date) -EndTime (Get-Date).AddDays(-1) @Trail -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAuditTimeRange,SecretsTools.Commands.GetSecretAuditEventCommand'
        $Fake.Requests.Count | Should -Be 0
    }

    It 'stops with UnknownAuditEventName, before any call, for an event name no store logs' {
        { Get-SecretAuditEvent $Arn -EventName GetSecretValu @Trail -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnknownAuditEventName,SecretsTools.Commands.GetSecretAuditEventCommand'
        $Fake.Requests.Count | Should -Be 0
    }

    It 'turns CloudTrail''s InvalidTimeRangeException into InvalidAuditTimeRange on the name' {
        $refusing = Start-FakeCloudTrail -ErrorBody '{"__type":"InvalidTimeRangeException","Message":"Start time must be within the last 90 days."}'
        try {
            $out = Get-SecretAuditEvent $Arn -EndpointUrl $refusing.Endpoint -Region us-east-1 -ErrorAction SilentlyContinue -ErrorVariable err
        } finally { & $refusing.Stop }
        $out | Should -BeNullOrEmpty
        Get-ErrorIds $err | Should -Be 'InvalidAuditTimeRange'
        $err[0].TargetObject | Should -Be $Arn
    }

    It 'takes no -WhatIf or -Confirm: it only reads' {
        (Get-Command Get-SecretAuditEvent).Parameters.Keys | Should -Not -Contain 'WhatIf'
    }
}
