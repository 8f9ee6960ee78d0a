using System;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>ClientRequestToken: the caller's token is the version id; repeating a call with the same
/// token and value is a no-op, with another value an error; an omitted token is fresh per call.</summary>
public class IdempotencyTokenTests
{
    [Fact]
    public async Task Create_repeated_with_same_token_and_value_is_a_no_op()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        var token = Guid.NewGuid().ToString();
        var request = new CreateSecretRequest { Name = name, SecretString = "value", ClientRequestToken = token };

        var first = await client.CreateSecretAsync(request);
        var again = await client.CreateSecretAsync(request);
        var versions = await client.ListSecretVersionIdsAsync(new ListSecretVersionIdsRequest { SecretId = name });

        Assert.Equal(token, first.VersionId);
        Assert.Equal(token, again.VersionId);
        Assert.Equal(first.ARN, again.ARN);
        Assert.Single(versions.Versions);
    }

    [Fact]
    public async Task Create_repeated_with_same_token_and_other_value_fails()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        var token = Guid.NewGuid().ToString();
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "value", ClientRequestToken = token });

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "other", ClientRequestToken = token }));

        Assert.Equal("ResourceExistsException", ex.ErrorCode);
    }

    [Fact]
    public async Task Put_repeated_with_same_token_and_value_adds_one_version()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v1" });
        var token = Guid.NewGuid().ToString();
        var put = new PutSecretValueRequest { SecretId = name, SecretString = "v2", ClientRequestToken = token };

        var first = await client.PutSecretValueAsync(put);
        var again = await client.PutSecretValueAsync(put);
        var versions = await client.ListSecretVersionIdsAsync(new ListSecretVersionIdsRequest { SecretId = name });

        Assert.Equal(token, first.VersionId);
        Assert.Equal(token, again.VersionId);
        Assert.Equal(2, versions.Versions.Count);
    }

    [Fact]
    public async Task Omitted_token_is_generated_fresh_for_every_call()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v1" });
        var put = new PutSecretValueRequest { SecretId = name, SecretString = "same" };

        var first = await client.PutSecretValueAsync(put);
        var second = await client.PutSecretValueAsync(put);

        Assert.True(Guid.TryParse(first.VersionId, out _));
        Assert.True(Guid.TryParse(second.VersionId, out _));
        Assert.NotEqual(first.VersionId, second.VersionId);
        Assert.Null(put.ClientRequestToken); // the caller's request object is left as it was
    }

    [Fact]
    public async Task Update_uses_the_callers_token_as_version_id()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v1" });
        var token = Guid.NewGuid().ToString();

        var updated = await client.UpdateSecretAsync(new UpdateSecretRequest { SecretId = name, SecretString = "v2", ClientRequestToken = token });

        Assert.Equal(token, updated.VersionId);
    }

    [Fact]
    public async Task Rotate_uses_the_callers_token_as_version_id()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v1" });
        var token = Guid.NewGuid().ToString();

        var rotated = await client.RotateSecretAsync(new RotateSecretRequest { SecretId = name, ClientRequestToken = token, RotateImmediately = false });
        var versions = await client.ListSecretVersionIdsAsync(new ListSecretVersionIdsRequest { SecretId = name });

        Assert.Equal(token, rotated.VersionId);
        Assert.Contains(versions.Versions, v => v.VersionId == token);
    }
}
