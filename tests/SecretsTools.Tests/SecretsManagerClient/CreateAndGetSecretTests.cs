using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

public class CreateAndGetSecretTests
{
    [Fact]
    public async Task String_secret_round_trips_with_its_metadata()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();

        var created = await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "s3cr3t" });
        var got = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name });

        Assert.Equal(name, created.Name);
        Assert.StartsWith($"arn:aws:secretsmanager:{TestClients.Region}:{TestClients.AccountId}:secret:{name}-", created.ARN);
        Assert.True(Guid.TryParse(created.VersionId, out _), "an omitted ClientRequestToken is generated as a GUID");
        Assert.Equal("s3cr3t", got.SecretString);
        Assert.Null(got.SecretBinary);
        Assert.Equal(created.ARN, got.ARN);
        Assert.Equal(created.VersionId, got.VersionId);
        Assert.Equal(new[] { "AWSCURRENT" }, got.VersionStages);
        Assert.Equal(DateTimeKind.Utc, got.CreatedDate!.Value.Kind);
        Assert.InRange(got.CreatedDate.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        Assert.Equal(HttpStatusCode.OK, got.HttpStatusCode);
        Assert.False(string.IsNullOrEmpty(got.ResponseMetadata.RequestId));
    }

    [Fact]
    public async Task Binary_secret_of_65536_bytes_round_trips()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        var value = RandomNumberGenerator.GetBytes(65536);

        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretBinary = value });
        var got = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name });

        Assert.Null(got.SecretString);
        Assert.Equal(value, got.SecretBinary);
    }

    [Fact]
    public async Task String_secret_of_65536_bytes_round_trips()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        var value = new string('x', 65536);

        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = value });
        var got = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name });

        Assert.Equal(value, got.SecretString);
    }

    [Fact]
    public async Task Unicode_and_json_special_characters_round_trip()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        const string value = "pässwörd ✓ 密码 🔑 \"quoted\" back\\slash\nnew line\ttab <tag> &amp; \u0001";

        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = value, Description = "Ünïcödé description ✓" });
        var got = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name });
        var described = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });

        Assert.Equal(value, got.SecretString);
        Assert.Equal("Ünïcödé description ✓", described.Description);
    }

    [Fact]
    public async Task Tags_description_and_kms_key_are_stored_and_described()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();

        var created = await client.CreateSecretAsync(new CreateSecretRequest
        {
            Name = name,
            SecretString = "v",
            Description = "a description",
            KmsKeyId = "alias/my-key",
            Tags = { new Tag { Key = "team", Value = "platform" }, new Tag { Key = "env", Value = "test" } },
        });
        var described = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = created.ARN });

        Assert.Equal(name, described.Name);
        Assert.Equal(created.ARN, described.ARN);
        Assert.Equal("a description", described.Description);
        Assert.Equal("alias/my-key", described.KmsKeyId);
        Assert.Equal(new[] { "env=test", "team=platform" }, described.Tags.Select(t => $"{t.Key}={t.Value}").OrderBy(t => t));
        Assert.Equal(new[] { "AWSCURRENT" }, described.VersionIdsToStages[created.VersionId!]);
        Assert.NotNull(described.CreatedDate);
        Assert.NotNull(described.LastChangedDate);
        Assert.Null(described.DeletedDate);
        Assert.Empty(described.ReplicationStatus);
    }

    [Fact]
    public async Task Secret_without_a_value_has_no_version()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();

        var created = await client.CreateSecretAsync(new CreateSecretRequest { Name = name, Description = "placeholder" });
        var described = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });
        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name }));

        Assert.Null(created.VersionId);
        Assert.Empty(described.VersionIdsToStages);
        Assert.Equal("ResourceNotFoundException", ex.ErrorCode);
    }

    [Fact]
    public async Task Creating_an_existing_name_fails_with_ResourceExistsException()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "first" });

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "second" }));

        Assert.Equal("ResourceExistsException", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.DoesNotContain("second", ex.Message);
    }

    [Fact]
    public async Task Missing_secret_gives_ResourceNotFoundException_with_request_id()
    {
        using var client = TestClients.Moto();

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = TestClients.UniqueName("missing") }));

        Assert.Equal("ResourceNotFoundException", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("Secrets Manager can't find the specified secret.", ex.Message);
        Assert.False(string.IsNullOrEmpty(ex.RequestId));
    }

    [Fact]
    public async Task Get_by_version_id_and_by_stage()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        var first = await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "one" });
        var second = await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretString = "two" });

        var byId = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name, VersionId = first.VersionId });
        var previous = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name, VersionStage = "AWSPREVIOUS" });
        var current = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name, VersionStage = "AWSCURRENT" });

        Assert.Equal("one", byId.SecretString);
        Assert.Equal("one", previous.SecretString);
        Assert.Equal(first.VersionId, previous.VersionId);
        Assert.Equal("two", current.SecretString);
        Assert.Equal(second.VersionId, current.VersionId);
    }
}
