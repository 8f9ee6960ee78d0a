using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.SecretsManagerClient;

namespace SecretsTools.Tests.CloudTrail;

/// <summary>
/// moto 5.2.1 does not implement CloudTrail's LookupEvents (it answers HTML 500s), so these tests
/// talk to a fake CloudTrail over real HTTP (FakeHttpServer). It answers LookupEvents from the API
/// model's shapes (Events[] of Event, NextToken), in pages of the events it was given, and
/// Secrets Manager's DescribeSecret (for the name-to-ARN step). It records every request, and answers
/// anything it does not recognise with a 400 naming what was wrong, so a malformed request fails the test.
/// </summary>
internal sealed class FakeCloudTrail : IDisposable
{
    public const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
    private readonly List<JsonObject> _events;
    private readonly int _pageSize;
    private readonly FakeHttpServer _server;

    public FakeCloudTrail(IEnumerable<JsonObject> events, int pageSize = 2, FakeReply? lookupError = null, string? secretArn = null)
    {
        _events = events.ToList();
        _pageSize = pageSize;
        LookupError = lookupError;
        SecretArn = secretArn;
        _server = new FakeHttpServer(Answer);
    }

    public string Endpoint => _server.Endpoint;

    public FakeReply? LookupError { get; }

    public string? SecretArn { get; }

    /// <summary>Set to hold the second and later pages until the test lets them go.</summary>
    public ManualResetEventSlim LaterPages { get; } = new(true);

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public IReadOnlyList<RecordedRequest> Lookups => _server.Requests.Where(r => r.Header("X-Amz-Target") == Target).ToList();

    public void Dispose()
    {
        LaterPages.Set();
        _server.Dispose();
    }

    private FakeReply Answer(RecordedRequest request)
    {
        string? target = request.Header("X-Amz-Target");
        if (target == "secretsmanager.DescribeSecret")
        {
            if (SecretArn is null) return FakeReply.Json(400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}");
            return FakeReply.Json(200, new JsonObject { ["ARN"] = SecretArn, ["Name"] = "x" }.ToJsonString());
        }
        if (target != Target) return FakeReply.Json(400, $"{{\"__type\":\"UnknownOperationException\",\"message\":\"unexpected target {target}\"}}");
        if (request.Header("Content-Type") != "application/x-amz-json-1.1") return FakeReply.Json(400, "{\"__type\":\"SerializationException\",\"message\":\"content type\"}");
        if (request.Header("Authorization") is not { } auth || !auth.Contains("/cloudtrail/aws4_request", StringComparison.Ordinal))
            return FakeReply.Json(403, "{\"__type\":\"InvalidSignatureException\",\"message\":\"not signed for cloudtrail\"}");
        if (LookupError is not null) return LookupError;

        var body = JsonNode.Parse(request.BodyText)!.AsObject();
        var attributes = body["LookupAttributes"]?.AsArray();
        if (attributes is null || attributes.Count != 1 || (string?)attributes[0]!["AttributeKey"] != "ResourceName")
            return FakeReply.Json(400, "{\"__type\":\"InvalidLookupAttributesException\",\"message\":\"exactly one ResourceName attribute\"}");
        string resource = (string)attributes[0]!["AttributeValue"]!;
        int start = body["NextToken"] is { } token ? int.Parse(((string)token!)["page-".Length..]) : 0;
        if (start > 0) LaterPages.Wait(TimeSpan.FromSeconds(8));

        var matching = _events.Where(e => e["Resources"]!.AsArray().Any(r => (string?)r!["ResourceName"] == resource)).ToList();
        var page = new JsonArray(matching.Skip(start).Take(_pageSize).Select(e => (JsonNode)e.DeepClone()).ToArray());
        var response = new JsonObject { ["Events"] = page };
        if (start + _pageSize < matching.Count) response["NextToken"] = $"page-{start + _pageSize}";
        return FakeReply.Json(200, response.ToJsonString());
    }

    /// <summary>An Event shape as LookupEvents returns it, with its CloudTrailEvent record (requestParameters included, as CloudTrail logs them).</summary>
    public static JsonObject Event(string id, string name, DateTime time, string resource, string source = "secretsmanager.amazonaws.com",
        string userArn = "arn:aws:iam::123456789012:user/alice", string userType = "IAMUser", string? errorCode = null, bool readOnly = true,
        JsonObject? requestParameters = null)
    {
        string userName = userArn[(userArn.LastIndexOf('/') + 1)..];
        var record = new JsonObject
        {
            ["eventVersion"] = "1.08",
            ["userIdentity"] = new JsonObject
            {
                ["type"] = userType,
                ["principalId"] = "AIDAEXAMPLE",
                ["arn"] = userArn,
                ["accountId"] = "123456789012",
                ["accessKeyId"] = "AKIAEXAMPLEKEY",
                ["userName"] = userName,
            },
            ["eventTime"] = time.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["eventSource"] = source,
            ["eventName"] = name,
            ["awsRegion"] = "us-east-1",
            ["sourceIPAddress"] = "192.0.2.10",
            ["userAgent"] = "aws-cli/2.15.0",
            ["requestParameters"] = requestParameters ?? new JsonObject { ["secretId"] = resource },
            ["responseElements"] = null,
            ["eventID"] = id,
            ["readOnly"] = readOnly,
        };
        if (errorCode is not null) record["errorCode"] = errorCode;
        return new JsonObject
        {
            ["EventId"] = id,
            ["EventName"] = name,
            ["ReadOnly"] = readOnly ? "true" : "false",
            ["AccessKeyId"] = "AKIAEXAMPLEKEY",
            ["EventTime"] = (decimal)(time - DateTime.UnixEpoch).TotalSeconds,
            ["EventSource"] = source,
            ["Username"] = userName,
            ["Resources"] = new JsonArray(new JsonObject { ["ResourceType"] = "AWS::SecretsManager::Secret", ["ResourceName"] = resource }),
            ["CloudTrailEvent"] = record.ToJsonString(),
        };
    }
}
