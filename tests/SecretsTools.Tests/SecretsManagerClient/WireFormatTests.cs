using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Tests.Infrastructure;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>What goes over the wire and how responses are read, checked against a fake endpoint.</summary>
public class WireFormatTests
{
    private static JsonElement Body(RecordedRequest request) => JsonDocument.Parse(request.Body).RootElement;

    [Fact]
    public async Task Request_is_a_signed_awsJson_1_1_POST()
    {
        using var server = new FakeHttpServer(FakeReply.Json(200, "{}"));
        using var client = TestClients.ForEndpoint(server.Endpoint, "eu-west-1");

        await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "my/secret" });

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Equal("secretsmanager.DescribeSecret", request.Header("X-Amz-Target"));
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=testing/\d{8}/eu-west-1/secretsmanager/aws4_request, SignedHeaders=.*x-amz-target.*, Signature=[0-9a-f]{64}$", request.Header("Authorization"));
        Assert.NotNull(request.Header("X-Amz-Date"));
        Assert.Contains("api/Secrets_Manager", request.Header("User-Agent"));
        Assert.Equal("{\"SecretId\":\"my/secret\"}", request.BodyText);
    }

    [Fact]
    public async Task Members_use_the_API_names_blobs_are_base64_and_unset_members_are_left_out()
    {
        using var server = new FakeHttpServer(FakeReply.Json(200, "{}"));
        using var client = TestClients.ForEndpoint(server.Endpoint);

        await client.CreateSecretAsync(new CreateSecretRequest
        {
            Name = "n",
            SecretBinary = new byte[] { 0, 1, 254, 255 },
            Tags = { new Tag { Key = "k", Value = "v" } },
            ForceOverwriteReplicaSecret = false,
        });

        var body = Body(Assert.Single(server.Requests));
        Assert.Equal(new[] { "ClientRequestToken", "ForceOverwriteReplicaSecret", "Name", "SecretBinary", "Tags" },
            body.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("AAH+/w==", body.GetProperty("SecretBinary").GetString());
        Assert.False(body.GetProperty("ForceOverwriteReplicaSecret").GetBoolean());
        Assert.Equal("{\"Key\":\"k\",\"Value\":\"v\"}", body.GetProperty("Tags")[0].GetRawText());
    }

    [Fact]
    public async Task Idempotency_token_is_generated_per_call_and_a_given_one_is_kept()
    {
        using var server = new FakeHttpServer(FakeReply.Json(200, "{}"));
        using var client = TestClients.ForEndpoint(server.Endpoint);
        var request = new PutSecretValueRequest { SecretId = "s", SecretString = "v" };

        await client.PutSecretValueAsync(request);
        await client.PutSecretValueAsync(request);
        await client.UpdateSecretAsync(new UpdateSecretRequest { SecretId = "s", ClientRequestToken = "caller-token-0123456789-0123456789" });
        await client.RotateSecretAsync(new RotateSecretRequest { SecretId = "s" });
        await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "s" });

        var tokens = server.Requests.Select(r => Body(r).TryGetProperty("ClientRequestToken", out var t) ? t.GetString() : null).ToList();
        Assert.True(Guid.TryParse(tokens[0], out _));
        Assert.True(Guid.TryParse(tokens[1], out _));
        Assert.NotEqual(tokens[0], tokens[1]);
        Assert.Equal("caller-token-0123456789-0123456789", tokens[2]);
        Assert.True(Guid.TryParse(tokens[3], out _));
        Assert.Null(tokens[4]); // DescribeSecret has no idempotency token
    }

    [Fact]
    public async Task Absent_or_null_collections_read_as_empty_and_timestamps_as_utc()
    {
        const string json = """
            {"ARN":"arn:x","Name":"n","Tags":null,"CreatedDate":1700000000.5,"LastChangedDate":1700000000,
             "DeletedDate":null,"RotationRules":{"AutomaticallyAfterDays":7},"SomeFutureMember":{"x":[1,2]}}
            """;
        using var server = new FakeHttpServer(FakeReply.Json(200, json));
        using var client = TestClients.ForEndpoint(server.Endpoint);

        var response = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "n" });

        Assert.Empty(response.Tags);
        Assert.Empty(response.VersionIdsToStages);
        Assert.Empty(response.ReplicationStatus);
        Assert.Empty(response.ExternalSecretRotationMetadata);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, 500, DateTimeKind.Utc), response.CreatedDate);
        Assert.Equal(DateTimeKind.Utc, response.CreatedDate!.Value.Kind);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc), response.LastChangedDate);
        Assert.Null(response.DeletedDate);
        Assert.Null(response.RotationEnabled);
        Assert.Equal(7, response.RotationRules!.AutomaticallyAfterDays);
    }

    [Fact]
    public async Task Empty_body_and_empty_NextToken_are_tolerated()
    {
        using var server = new FakeHttpServer(r => r.Header("X-Amz-Target") == "secretsmanager.TagResource"
            ? FakeReply.Json(200, "")
            : FakeReply.Json(200, "{\"SecretList\":[{\"Name\":\"a\"}],\"NextToken\":\"\"}"));
        using var client = TestClients.ForEndpoint(server.Endpoint);

        var tagged = await client.TagResourceAsync(new TagResourceRequest { SecretId = "a", Tags = { new Tag { Key = "k", Value = "v" } } });
        var listed = await client.ListSecretsAsync(new ListSecretsRequest());

        Assert.Equal(System.Net.HttpStatusCode.OK, tagged.HttpStatusCode);
        Assert.Equal("a", Assert.Single(listed.SecretList).Name);
        Assert.Empty(listed.SecretList[0].Tags);
        Assert.Null(listed.NextToken);
    }

    [Fact]
    public async Task Operations_moto_lacks_are_marshalled_and_read_like_the_others()
    {
        using var server = new FakeHttpServer(r => r.Header("X-Amz-Target") == "secretsmanager.ValidateResourcePolicy"
            ? FakeReply.Json(200, "{\"PolicyValidationPassed\":false,\"ValidationErrors\":[{\"CheckName\":\"BLOCK_PUBLIC_POLICY\",\"ErrorMessage\":\"public\"}]}")
            : FakeReply.Json(200, "{\"ARN\":\"arn:aws:secretsmanager:us-west-2:123456789012:secret:s-AbCdEf\"}"));
        using var client = TestClients.ForEndpoint(server.Endpoint);

        var validated = await client.ValidateResourcePolicyAsync(new ValidateResourcePolicyRequest { SecretId = "s", ResourcePolicy = "{}" });
        var stopped = await client.StopReplicationToReplicaAsync(new StopReplicationToReplicaRequest { SecretId = "s" });

        Assert.False(validated.PolicyValidationPassed);
        var error = Assert.Single(validated.ValidationErrors);
        Assert.Equal("BLOCK_PUBLIC_POLICY", error.CheckName);
        Assert.Equal("public", error.ErrorMessage);
        Assert.Equal("arn:aws:secretsmanager:us-west-2:123456789012:secret:s-AbCdEf", stopped.ARN);
        Assert.Equal("{\"SecretId\":\"s\",\"ResourcePolicy\":\"{}\"}", server.Requests[0].BodyText);
        Assert.Equal("secretsmanager.StopReplicationToReplica", server.Requests[1].Header("X-Amz-Target"));
    }

    [Fact]
    public async Task A_null_request_is_refused_before_anything_is_sent()
    {
        using var server = new FakeHttpServer(FakeReply.Json(200, "{}"));
        using var client = TestClients.ForEndpoint(server.Endpoint);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetSecretValueAsync(null!));
        Assert.Equal(0, server.RequestCount);
    }
}
