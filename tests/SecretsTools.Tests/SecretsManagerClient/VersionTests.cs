using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>PutSecretValue, UpdateSecret, ListSecretVersionIds and UpdateSecretVersionStage.</summary>
public class VersionTests
{
    [Fact]
    public async Task Put_makes_the_new_value_current_and_the_old_one_previous()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        var first = await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "one" });

        var put = await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretString = "two" });
        var versions = await client.ListSecretVersionIdsAsync(new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = true, MaxResults = 10 });

        Assert.Equal(name, put.Name);
        Assert.Equal(new[] { "AWSCURRENT" }, put.VersionStages);
        Assert.Equal(name, versions.Name);
        Assert.Null(versions.NextToken); // moto sends "", which means "no more pages"
        var stages = versions.Versions.ToDictionary(v => v.VersionId!, v => string.Join(",", v.VersionStages));
        Assert.Equal("AWSPREVIOUS", stages[first.VersionId!]);
        Assert.Equal("AWSCURRENT", stages[put.VersionId!]);
        Assert.All(versions.Versions, v => Assert.NotNull(v.CreatedDate));
        Assert.All(versions.Versions, v => Assert.NotNull(v.KmsKeyIds)); // absent list reads as empty
    }

    [Fact]
    public async Task Put_binary_with_custom_stage_leaves_current_alone()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "current" });
        var binary = RandomNumberGenerator.GetBytes(1024);

        var staged = await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretBinary = binary, VersionStages = { "STAGING" } });
        var current = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name });
        var byStage = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name, VersionStage = "STAGING" });

        Assert.Equal(new[] { "STAGING" }, staged.VersionStages);
        Assert.Equal("current", current.SecretString);
        Assert.Equal(binary, byStage.SecretBinary);
    }

    [Fact]
    public async Task Put_to_a_missing_secret_fails_without_echoing_the_value()
    {
        using var client = TestClients.Moto();

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = TestClients.UniqueName("missing"), SecretString = "do-not-print-me" }));

        Assert.Equal("ResourceNotFoundException", ex.ErrorCode);
        Assert.DoesNotContain("do-not-print-me", ex.ToString());
    }

    [Fact]
    public async Task Update_with_a_value_adds_a_version_and_with_only_a_description_does_not()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        var created = await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "one", Description = "before" });

        var descriptionOnly = await client.UpdateSecretAsync(new UpdateSecretRequest { SecretId = name, Description = "after" });
        var withValue = await client.UpdateSecretAsync(new UpdateSecretRequest { SecretId = name, SecretString = "two", KmsKeyId = "alias/other" });
        var described = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });
        var current = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name });

        Assert.Equal(created.ARN, descriptionOnly.ARN);
        Assert.Null(descriptionOnly.VersionId);
        Assert.NotNull(withValue.VersionId);
        Assert.NotEqual(created.VersionId, withValue.VersionId);
        Assert.Equal("after", described.Description);
        Assert.Equal("alias/other", described.KmsKeyId);
        Assert.Equal("two", current.SecretString);
        Assert.Equal(2, described.VersionIdsToStages.Count);
    }

    [Fact]
    public async Task UpdateSecretVersionStage_moves_labels()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        var v1 = await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "one" });
        var v2 = await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretString = "two" });

        // Roll back: AWSCURRENT from v2 to v1 (the service then labels v2 AWSPREVIOUS).
        var moved = await client.UpdateSecretVersionStageAsync(new UpdateSecretVersionStageRequest
        {
            SecretId = name, VersionStage = "AWSCURRENT", RemoveFromVersionId = v2.VersionId, MoveToVersionId = v1.VersionId,
        });
        // And attach a custom label to v2.
        await client.UpdateSecretVersionStageAsync(new UpdateSecretVersionStageRequest { SecretId = name, VersionStage = "BLUE", MoveToVersionId = v2.VersionId });
        var described = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });
        // Explicit stage: moto's stage-less GetSecretValue keeps returning its own "default" version.
        var current = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name, VersionStage = "AWSCURRENT" });

        Assert.Equal(name, moved.Name);
        Assert.Equal(v1.ARN, moved.ARN);
        Assert.Equal("one", current.SecretString);
        Assert.Contains("AWSCURRENT", described.VersionIdsToStages[v1.VersionId!]);
        Assert.Equal(new[] { "AWSPREVIOUS", "BLUE" }, described.VersionIdsToStages[v2.VersionId!].OrderBy(s => s));
    }

    [Fact]
    public async Task UpdateSecretVersionStage_without_RemoveFromVersionId_for_current_is_rejected()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName();
        var v1 = await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "one" });
        var v2 = await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretString = "two" });

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.UpdateSecretVersionStageAsync(
            new UpdateSecretVersionStageRequest { SecretId = name, VersionStage = "AWSCURRENT", MoveToVersionId = v1.VersionId }));

        Assert.Equal("InvalidParameterException", ex.ErrorCode);
        Assert.Contains(v2.VersionId!, ex.Message);
    }
}
