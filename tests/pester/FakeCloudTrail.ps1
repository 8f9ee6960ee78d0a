# A fake CloudTrail for Pester: moto 5.2.1 does not implement LookupEvents (it answers HTML 500s),
# so Get-SecretAuditEvent is tested against this small HTTP server, through the module's real HTTP
# stack. It answers LookupEvents from the API model's shapes (Events[] of Event with its
# CloudTrailEvent record, NextToken), pages of -PageSize, and Secrets Manager's DescribeSecret (the
# name-to-ARN step). Every request is recorded (target, authorization, body); a request that is not
# a well-formed LookupEvents call signed for cloudtrail gets a 400 naming what was wrong.

function New-FakeTrailEvent {
    # One Event as LookupEvents returns it; requestParameters as CloudTrail logs them.
    param([string] $Id, [string] $Name, [datetime] $Time, [string] $Resource, [string] $Source = 'secretsmanager.amazonaws.com',
        [string] $UserArn = 'arn:aws:iam::123456789012:user/alice', [string] $UserType = 'IAMUser', [string] $ErrorCode,
        [bool] $ReadOnly = $true, [hashtable] $RequestParameters = @{ secretId = 'x' })
    $utc = $Time.ToUniversalTime()
    $record = [ordered]@{
        eventVersion = '1.08'
        userIdentity = [ordered]@{ type = $UserType; arn = $UserArn; accountId = '123456789012'; accessKeyId = 'AKIAEXAMPLEKEY'; userName = ($UserArn -split '/')[-1] }
        eventTime = $utc.ToString('yyyy-MM-ddTHH:mm:ssZ'); eventSource = $Source; eventName = $Name; awsRegion = 'us-east-1'
        sourceIPAddress = '192.0.2.10'; userAgent = 'aws-cli/2.15.0'; requestParameters = $RequestParameters; responseElements = $null
        eventID = $Id; readOnly = $ReadOnly
    }
    if ($ErrorCode) { $record.errorCode = $ErrorCode }
    [ordered]@{
        EventId = $Id; EventName = $Name; ReadOnly = "$ReadOnly".ToLowerInvariant(); AccessKeyId = 'AKIAEXAMPLEKEY'
        EventTime = [decimal](($utc - [datetime]::UnixEpoch).TotalSeconds); EventSource = $Source; Username = ($UserArn -split '/')[-1]
        Resources = @([ordered]@{ ResourceType = 'AWS::SecretsManager::Secret'; ResourceName = $Resource })
        CloudTrailEvent = ($record | ConvertTo-Json -Depth 6 -Compress)
    }
}

function Start-FakeCloudTrail {
    # Returns @{ Endpoint; Requests (a synchronized list of @{ Target; Authorization; Body }); Stop = { ... } }.
    param([object[]] $Events = @(), [int] $PageSize = 2, [string] $SecretArn, [string] $ErrorBody)
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0); $probe.Start()
    $port = $probe.LocalEndpoint.Port; $probe.Stop()
    $listener = [System.Net.HttpListener]::new(); $listener.Prefixes.Add("http://127.0.0.1:$port/"); $listener.Start()
    $requests = [System.Collections.ArrayList]::Synchronized([System.Collections.ArrayList]::new())
    $eventsJson = ConvertTo-Json -InputObject @($Events) -Depth 8 -Compress
    $server = [powershell]::Create().AddScript({
        param($listener, $requests, $eventsJson, $pageSize, $secretArn, $errorBody)
        $all = @($eventsJson | ConvertFrom-Json)
        while ($listener.IsListening) {
            try { $context = $listener.GetContext() } catch { break }
            $reader = [System.IO.StreamReader]::new($context.Request.InputStream); $text = $reader.ReadToEnd()
            $target = $context.Request.Headers['X-Amz-Target']; $auth = "$($context.Request.Headers['Authorization'])"
            $null = $requests.Add(@{ Target = $target; Authorization = $auth; Body = $text; ContentType = $context.Request.ContentType })
            $status = 200
            if ($target -eq 'secretsmanager.DescribeSecret') {
                if ($secretArn) { $reply = @{ ARN = $secretArn } | ConvertTo-Json -Compress }
                else { $status = 400; $reply = '{"__type":"ResourceNotFoundException","message":"not found"}' }
            } elseif ($target -ne 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents') {
                $status = 400; $reply = '{"__type":"UnknownOperationException","message":"unexpected target"}'
            } elseif ($auth -notmatch '/cloudtrail/aws4_request') {
                $status = 403; $reply = '{"__type":"InvalidSignatureException","message":"not signed for cloudtrail"}'
            } elseif ($errorBody) {
                $status = 400; $reply = $errorBody
            } else {
                $body = $text | ConvertFrom-Json
                $attributes = @($body.LookupAttributes)
                if ($attributes.Count -ne 1 -or $attributes[0].AttributeKey -ne 'ResourceName') {
                    $status = 400; $reply = '{"__type":"InvalidLookupAttributesException","message":"one ResourceName"}'
                } else {
                    $resource = $attributes[0].AttributeValue
                    $start = if ($body.NextToken) { [int]($body.NextToken -replace 'page-', '') } else { 0 }
                    $matching = @($all | Where-Object { $_.Resources[0].ResourceName -ceq $resource })
                    $page = @($matching | Select-Object -Skip $start -First $pageSize)
                    $response = [ordered]@{ Events = $page }
                    if ($start + $pageSize -lt $matching.Count) { $response.NextToken = "page-$($start + $pageSize)" }
                    $reply = ConvertTo-Json -InputObject $response -Depth 8 -Compress
                }
            }
            $bytes = [Text.Encoding]::UTF8.GetBytes($reply)
            $context.Response.StatusCode = $status
            $context.Response.ContentType = 'application/x-amz-json-1.1'
            $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
            $context.Response.Close()
        }
    }).AddArgument($listener).AddArgument($requests).AddArgument($eventsJson).AddArgument($PageSize).AddArgument($SecretArn).AddArgument($ErrorBody)
    $handle = $server.BeginInvoke()
    @{
        Endpoint = "http://127.0.0.1:$port"
        Requests = $requests
        Stop     = { $listener.Stop(); $listener.Close(); $null = $handle.AsyncWaitHandle.WaitOne(5000); $server.Dispose() }.GetNewClosure()
    }
}
