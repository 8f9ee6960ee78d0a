using System;
using System.Text.Json;
using SecretsTools.CloudTrail.Model;
using SecretsTools.Model;
using SecretsTools.Stores.CloudTrail;
using Xunit;

namespace SecretsTools.Tests.CloudTrail;

/// <summary>
/// How a CloudTrail record's userIdentity becomes our User, for the identity shapes CloudTrail
/// documents (assumed role, AWS service), and that a record that is not JSON still gives an event.
/// Pure parsing, no HTTP: the wire is covered by LookupEventsClientTests and AuditSourceTests.
/// </summary>
public class CloudTrailEventReaderTests
{
    private static Event With(string record) => new()
    {
        EventId = "id", EventName = "GetSecretValue", EventTime = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        EventSource = "secretsmanager.amazonaws.com", Username = "fallback", AccessKeyId = "ASIAFALLBACK", CloudTrailEvent = record,
    };

    [Fact]
    public void An_assumed_role_is_named_by_its_session_issuer()
    {
        const string record = """
        {"userIdentity":{"type":"AssumedRole","principalId":"AROA:build-7","arn":"arn:aws:sts::123456789012:assumed-role/deploy-role/build-7",
         "accountId":"123456789012","accessKeyId":"ASIAEXAMPLE","sessionContext":{"sessionIssuer":{"type":"Role","userName":"deploy-role",
         "arn":"arn:aws:iam::123456789012:role/deploy-role"}}},"sourceIPAddress":"198.51.100.7","awsRegion":"eu-west-1","readOnly":true,
         "requestParameters":{"secretId":"prod/db"}}
        """;
        var e = CloudTrailEventReader.Read(With(record), SecretStoreKind.SecretsManager, "prod/db");
        Assert.Equal("AssumedRole", e.User.Type);
        Assert.Equal("deploy-role", e.User.Name);
        Assert.Equal("ASIAEXAMPLE", e.User.AccessKeyId);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/deploy-role/build-7", e.User.Arn);
        Assert.Equal("eu-west-1", e.Region);
        Assert.Equal("198.51.100.7", e.SourceIp);
    }

    [Fact]
    public void An_AWS_service_is_named_by_invokedBy()
    {
        const string record = """{"userIdentity":{"type":"AWSService","invokedBy":"lambda.amazonaws.com"},"sourceIPAddress":"lambda.amazonaws.com"}""";
        var e = CloudTrailEventReader.Read(With(record), SecretStoreKind.SecretsManager, "s");
        Assert.Equal("AWSService", e.User.Type);
        Assert.Equal("lambda.amazonaws.com", e.User.Name);
        Assert.Null(e.User.Arn);
        Assert.Equal("ASIAFALLBACK", e.User.AccessKeyId);
    }

    [Fact]
    public void A_record_that_is_not_JSON_still_gives_the_listing_fields_and_nothing_else()
    {
        var e = CloudTrailEventReader.Read(With("{not json"), SecretStoreKind.ParameterStore, "/a");
        Assert.Equal("GetSecretValue", e.EventName);
        Assert.Equal("fallback", e.User.Name);
        Assert.Null(e.SourceIp);
        Assert.Equal("id", e.EventId);
        Assert.DoesNotContain("not json", JsonSerializer.Serialize(e));
    }
}
