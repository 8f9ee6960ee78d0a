using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Aws;
using SecretsTools.Engine;
using SecretsTools.Model;
using SecretsTools.Stores;
using Xunit;

namespace SecretsTools.Tests.CloudTrail;

/// <summary>
/// The audit source as the cmdlet gets it (ISecretsEngine.CreateAuditSource, our own types only),
/// against the fake CloudTrail over real HTTP (moto has no LookupEvents): one ResourceName lookup,
/// paging, filters applied after reading, streaming, no request parameters in the output, and
/// CloudTrail's errors as our ErrorIds.
/// </summary>
public class AuditSourceTests
{
    private const string Arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf";
    private static readonly DateTime Now = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    private static ISecretAuditSource SourceFor(string endpoint)
    {
        var connection = new AwsConnectionSettings("us-east-1", null, endpoint, "testing", "testing", null);
        return ((ISecretsEngine)new SecretsEngineFacade()).CreateAuditSource(connection, connection);
    }

    private static async Task<List<SecretAuditEvent>> ReadAll(IAsyncEnumerable<SecretAuditEvent> events)
    {
        var list = new List<SecretAuditEvent>();
        await foreach (var e in events) list.Add(e);
        return list;
    }

    private static IEnumerable<JsonObject> History() => new[]
    {
        FakeCloudTrail.Event("e1", "GetSecretValue", Now.AddMinutes(-1), Arn),
        FakeCloudTrail.Event("e2", "PutSecretValue", Now.AddMinutes(-2), Arn, readOnly: false,
            requestParameters: new JsonObject { ["secretId"] = Arn, ["secretString"] = "hunter2-must-not-leak" }),
        FakeCloudTrail.Event("e3", "GetSecretValue", Now.AddMinutes(-3), Arn, userArn: "arn:aws:sts::123456789012:assumed-role/app-role/i-0abc", userType: "AssumedRole", errorCode: "AccessDenied"),
        // Same resource name, another service: must be dropped (the lookup cannot filter by source too).
        FakeCloudTrail.Event("e4", "Decrypt", Now.AddMinutes(-4), Arn, source: "kms.amazonaws.com"),
        FakeCloudTrail.Event("e5", "DescribeSecret", Now.AddMinutes(-5), Arn),
        FakeCloudTrail.Event("other", "GetSecretValue", Now.AddMinutes(-6), "arn:aws:secretsmanager:us-east-1:123456789012:secret:other-XyZ"),
    };

    [Fact]
    public async Task A_name_is_turned_into_its_ARN_and_every_page_is_read()
    {
        using var fake = new FakeCloudTrail(History(), pageSize: 2, secretArn: Arn);
        var events = await ReadAll(SourceFor(fake.Endpoint).LookupAsync(new SecretAuditQuery(SecretStoreKind.SecretsManager, "prod/db", "prod/db"), CancellationToken.None));

        Assert.Equal(new[] { "e1", "e2", "e3", "e5" }, events.Select(e => e.EventId));
        Assert.Equal("secretsmanager.DescribeSecret", fake.Requests[0].Header("X-Amz-Target"));
        Assert.Equal(3, fake.Lookups.Count); // 5 matching events, 2 a page
        Assert.All(fake.Lookups, r => Assert.Equal(Arn, JsonDocument.Parse(r.BodyText).RootElement.GetProperty("LookupAttributes")[0].GetProperty("AttributeValue").GetString()));
        Assert.All(fake.Lookups, r => Assert.Equal(1, JsonDocument.Parse(r.BodyText).RootElement.GetProperty("LookupAttributes").GetArrayLength()));

        var read = events[0];
        Assert.Equal(Now.AddMinutes(-1), read.Time);
        Assert.Equal("GetSecretValue", read.EventName);
        Assert.Equal("arn:aws:iam::123456789012:user/alice", read.User.Arn);
        Assert.Equal("IAMUser", read.User.Type);
        Assert.Equal("AKIAEXAMPLEKEY", read.User.AccessKeyId);
        Assert.Equal("alice", read.User.Name);
        Assert.Equal("192.0.2.10", read.SourceIp);
        Assert.Equal("aws-cli/2.15.0", read.UserAgent);
        Assert.Equal("us-east-1", read.Region);
        Assert.Equal("prod/db", read.SecretName);
        Assert.Equal(SecretStoreKind.SecretsManager, read.Store);
        Assert.Null(read.ErrorCode);
        Assert.True(read.ReadOnly);
        Assert.Equal("AccessDenied", events[2].ErrorCode);
        Assert.Equal("AssumedRole", events[2].User.Type);
    }

    [Fact]
    public async Task Request_parameters_never_reach_the_output()
    {
        using var fake = new FakeCloudTrail(History(), secretArn: Arn);
        var events = await ReadAll(SourceFor(fake.Endpoint).LookupAsync(new SecretAuditQuery(SecretStoreKind.SecretsManager, Arn, Arn), CancellationToken.None));
        Assert.Contains(events, e => e.EventName == "PutSecretValue");
        string everything = JsonSerializer.Serialize(events);
        Assert.DoesNotContain("hunter2", everything);
        Assert.DoesNotContain("secretString", everything, StringComparison.OrdinalIgnoreCase);
        // An ARN is looked up as it is: no DescribeSecret.
        Assert.All(fake.Requests, r => Assert.Equal(FakeCloudTrail.Target, r.Header("X-Amz-Target")));
    }

    [Fact]
    public async Task Event_names_and_user_are_filtered_after_reading()
    {
        using var fake = new FakeCloudTrail(History(), secretArn: Arn);
        var source = SourceFor(fake.Endpoint);
        var reads = await ReadAll(source.LookupAsync(new SecretAuditQuery(SecretStoreKind.SecretsManager, Arn, Arn) { EventNames = new[] { "GetSecretValue" } }, CancellationToken.None));
        Assert.Equal(new[] { "e1", "e3" }, reads.Select(e => e.EventId));
        var role = await ReadAll(source.LookupAsync(new SecretAuditQuery(SecretStoreKind.SecretsManager, Arn, Arn) { UserName = "i-0abc" }, CancellationToken.None));
        Assert.Equal("e3", Assert.Single(role).EventId);
        var wildcard = await ReadAll(source.LookupAsync(new SecretAuditQuery(SecretStoreKind.SecretsManager, Arn, Arn) { UserName = "ALI*" }, CancellationToken.None));
        Assert.Equal(new[] { "e1", "e2", "e5" }, wildcard.Select(e => e.EventId));
        // The filters never reach CloudTrail: one attribute, the resource name, each time.
        Assert.All(fake.Lookups, r => Assert.DoesNotContain("EventName\"", JsonDocument.Parse(r.BodyText).RootElement.GetProperty("LookupAttributes").GetRawText().Replace("\"AttributeKey\":\"ResourceName\"", "")));
    }

    [Fact]
    public async Task Parameter_Store_events_are_those_of_ssm()
    {
        var events = new[]
        {
            FakeCloudTrail.Event("p1", "GetParameter", Now.AddMinutes(-1), "/app/db", source: "ssm.amazonaws.com"),
            FakeCloudTrail.Event("p2", "GetSecretValue", Now.AddMinutes(-2), "/app/db"),
        };
        using var fake = new FakeCloudTrail(events);
        var found = await ReadAll(SourceFor(fake.Endpoint).LookupAsync(new SecretAuditQuery(SecretStoreKind.ParameterStore, "/app/db", "/app/db"), CancellationToken.None));
        Assert.Equal("p1", Assert.Single(found).EventId);
        Assert.Equal(SecretStoreKind.ParameterStore, found[0].Store);
        Assert.Single(fake.Requests); // no DescribeSecret for a parameter
    }

    [Fact]
    public async Task The_first_events_arrive_before_the_listing_ends()
    {
        using var fake = new FakeCloudTrail(History(), pageSize: 2, secretArn: Arn);
        fake.LaterPages.Reset(); // the fake holds page 2 until we have seen page 1
        var enumerator = SourceFor(fake.Endpoint).LookupAsync(new SecretAuditQuery(SecretStoreKind.SecretsManager, Arn, Arn), CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("e1", enumerator.Current.EventId);
        Assert.Single(fake.Lookups);
        fake.LaterPages.Set();
        int rest = 0;
        while (await enumerator.MoveNextAsync()) rest++;
        await enumerator.DisposeAsync();
        Assert.Equal(3, rest);
    }

    [Theory]
    [InlineData("InvalidTimeRangeException", "InvalidAuditTimeRange")]
    [InlineData("InvalidLookupAttributesException", "InvalidAuditLookup")]
    [InlineData("OperationNotPermittedException", "AuditLookupNotPermitted")]
    [InlineData("AccessDeniedException", "AccessDenied")]
    public async Task CloudTrail_errors_become_our_ErrorIds(string code, string errorId)
    {
        using var fake = new FakeCloudTrail(History(), lookupError: SecretsManagerClient.FakeReply.Json(400, $"{{\"__type\":\"{code}\",\"message\":\"refused\"}}"));
        var ex = await Assert.ThrowsAsync<SecretStoreException>(() => ReadAll(SourceFor(fake.Endpoint).LookupAsync(new SecretAuditQuery(SecretStoreKind.SecretsManager, Arn, Arn), CancellationToken.None)));
        Assert.Equal(errorId, ex.ErrorId);
        Assert.Equal(Arn, ex.SecretName);
    }

    [Fact]
    public async Task Bad_credentials_end_the_listing_as_AwsCallException()
    {
        using var fake = new FakeCloudTrail(History(), lookupError: SecretsManagerClient.FakeReply.Json(400, "{\"__type\":\"UnrecognizedClientException\",\"message\":\"The security token included in the request is invalid.\"}"));
        var ex = await Assert.ThrowsAsync<AwsCallException>(() => ReadAll(SourceFor(fake.Endpoint).LookupAsync(new SecretAuditQuery(SecretStoreKind.SecretsManager, Arn, Arn), CancellationToken.None)));
        Assert.Equal(AwsFailure.Credentials, ex.Failure);
    }
}
