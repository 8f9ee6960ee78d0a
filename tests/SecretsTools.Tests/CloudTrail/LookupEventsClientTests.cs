using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SecretsTools.CloudTrail;
using SecretsTools.CloudTrail.Model;
using SecretsTools.Tests.SecretsManagerClient;
using Xunit;

namespace SecretsTools.Tests.CloudTrail;

/// <summary>
/// The CloudTrail client on the shared awsJson layer, against a fake CloudTrail over real HTTP
/// (moto has no LookupEvents): the request it sends and how it reads answers and errors.
/// </summary>
public class LookupEventsClientTests
{
    private static CloudTrailClient ClientFor(string endpoint)
    {
        var config = new CloudTrailConfig { ServiceURL = endpoint, AuthenticationRegion = TestClients.Region, MaxErrorRetry = 0 };
        return new CloudTrailClient(TestClients.MotoCredentials, config);
    }

    [Fact]
    public async Task Sends_the_CloudTrail_target_a_JSON_body_and_a_cloudtrail_signature()
    {
        var time = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
        using var fake = new FakeCloudTrail(new[] { FakeCloudTrail.Event("e1", "GetSecretValue", time, "arn:s") });
        using var client = ClientFor(fake.Endpoint);

        var response = await client.LookupEventsAsync(new LookupEventsRequest
        {
            LookupAttributes = { new LookupAttribute { AttributeKey = LookupAttributeKey.ResourceName, AttributeValue = "arn:s" } },
            StartTime = time.AddDays(-1),
            EndTime = time.AddDays(1),
            MaxResults = 50,
        });

        var request = Assert.Single(fake.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal(FakeCloudTrail.Target, request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Contains($"/{TestClients.Region}/cloudtrail/aws4_request", request.Header("Authorization"));
        var body = JsonDocument.Parse(request.BodyText).RootElement;
        Assert.Equal(new[] { "EndTime", "LookupAttributes", "MaxResults", "StartTime" }, body.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal((decimal)(time.AddDays(-1) - DateTime.UnixEpoch).TotalSeconds, body.GetProperty("StartTime").GetDecimal());
        Assert.Equal("ResourceName", body.GetProperty("LookupAttributes")[0].GetProperty("AttributeKey").GetString());

        var e = Assert.Single(response.Events);
        Assert.Equal("e1", e.EventId);
        Assert.Equal("GetSecretValue", e.EventName);
        Assert.Equal("true", e.ReadOnly);
        Assert.Equal(time, e.EventTime);
        Assert.Equal(DateTimeKind.Utc, e.EventTime!.Value.Kind);
        Assert.Equal("arn:s", Assert.Single(e.Resources).ResourceName);
        Assert.Contains("userIdentity", e.CloudTrailEvent);
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task Pages_carry_the_NextToken_back()
    {
        var time = DateTime.UtcNow;
        using var fake = new FakeCloudTrail(Enumerable.Range(0, 3).Select(i => FakeCloudTrail.Event($"e{i}", "GetSecretValue", time.AddMinutes(-i), "r")), pageSize: 2);
        using var client = ClientFor(fake.Endpoint);
        var request = new LookupEventsRequest { LookupAttributes = { new LookupAttribute { AttributeKey = "ResourceName", AttributeValue = "r" } } };

        var first = await client.LookupEventsAsync(request);
        Assert.Equal(2, first.Events.Count);
        Assert.Equal("page-2", first.NextToken);
        request.NextToken = first.NextToken;
        var second = await client.LookupEventsAsync(request);
        Assert.Equal("e2", Assert.Single(second.Events).EventId);
        Assert.Null(second.NextToken);
        Assert.Equal("page-2", JsonDocument.Parse(fake.Requests[1].BodyText).RootElement.GetProperty("NextToken").GetString());
    }

    [Fact]
    public async Task A_modelled_error_becomes_a_CloudTrailException_with_the_short_code()
    {
        using var fake = new FakeCloudTrail(Array.Empty<System.Text.Json.Nodes.JsonObject>(),
            lookupError: FakeReply.Json(400, "{\"__type\":\"com.amazonaws.cloudtrail.v20131101#InvalidTimeRangeException\",\"Message\":\"Start time must be before end time.\"}",
                new System.Collections.Generic.Dictionary<string, string> { ["x-amzn-RequestId"] = "req-1" }));
        using var client = ClientFor(fake.Endpoint);

        var ex = await Assert.ThrowsAsync<CloudTrailException>(() => client.LookupEventsAsync(new LookupEventsRequest
        {
            LookupAttributes = { new LookupAttribute { AttributeKey = "ResourceName", AttributeValue = "r" } },
        }));
        Assert.Equal("InvalidTimeRangeException", ex.ErrorCode);
        Assert.Equal("Start time must be before end time.", ex.Message);
        Assert.Equal("req-1", ex.RequestId);
    }

    [Fact]
    public async Task An_HTML_answer_names_CloudTrail_not_Secrets_Manager()
    {
        using var server = new FakeHttpServer(FakeReply.Html(500, "<html><body>Internal Server Error</body></html>"));
        using var client = ClientFor(server.Endpoint);
        var ex = await Assert.ThrowsAsync<CloudTrailException>(() => client.LookupEventsAsync(new LookupEventsRequest()));
        Assert.Contains("CloudTrail", ex.Message);
        Assert.DoesNotContain("Secrets Manager", ex.Message);
        Assert.DoesNotContain("<html>", ex.Message);
    }

    [Fact]
    public async Task No_answer_at_all_is_a_CloudTrailConnectionException_naming_LookupEvents()
    {
        using var server = new FakeHttpServer(FakeReply.HangUp());
        using var client = ClientFor(server.Endpoint);
        var ex = await Assert.ThrowsAsync<CloudTrailConnectionException>(() => client.LookupEventsAsync(new LookupEventsRequest()));
        Assert.Equal("LookupEvents", ex.Operation);
    }

    [Fact]
    public void LookupEvents_is_paced_at_two_calls_per_second()
    {
        Assert.Equal(2, SecretsTools.CallPolicy.OperationQuotas.For("CloudTrail", "LookupEvents").RequestsPerSecond);
        Assert.Equal(2, new SecretsTools.CallPolicy.CallPolicy("CloudTrail").For("LookupEvents").Rate);
        // Secrets Manager's own figures are unchanged by the new table.
        Assert.Equal(10_000, SecretsTools.CallPolicy.OperationQuotas.For("SecretsManager", "GetSecretValue").RequestsPerSecond);
    }

    [Fact]
    public void Endpoints_follow_CloudTrails_rule_set()
    {
        var rules = new SecretsTools.CloudTrail.Internal.CloudTrailEndpointProvider();
        string Resolve(string region, bool fips = false, bool dualStack = false) => rules.ResolveEndpoint(new SecretsTools.AwsJson.AwsJsonEndpointParameters
        { Region = region, UseFIPS = fips, UseDualStack = dualStack }).URL;
        Assert.Equal("https://cloudtrail.eu-west-1.amazonaws.com", Resolve("eu-west-1"));
        Assert.Equal("https://cloudtrail-fips.us-east-1.amazonaws.com", Resolve("us-east-1", fips: true));
        Assert.Equal("https://cloudtrail.us-gov-west-1.amazonaws.com", Resolve("us-gov-west-1", fips: true));
        Assert.Equal("https://cloudtrail.cn-north-1.amazonaws.com.cn", Resolve("cn-north-1"));
        Assert.Equal("https://cloudtrail.us-east-1.api.aws", Resolve("us-east-1", dualStack: true));
    }
}
