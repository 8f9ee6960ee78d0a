using System.Text.Json;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

public class ResourcePolicyTests
{
    private static string Policy(string principal) => JsonSerializer.Serialize(new
    {
        Version = "2012-10-17",
        Statement = new[]
        {
            new { Effect = "Allow", Principal = new { AWS = principal }, Action = "secretsmanager:GetSecretValue", Resource = "*" },
        },
    });

    [Fact]
    public async Task Put_get_and_delete_policy()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName("pol");
        var arn = (await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v" })).ARN;
        var policy = Policy($"arn:aws:iam::{TestClients.AccountId}:role/reader");

        var before = await client.GetResourcePolicyAsync(new GetResourcePolicyRequest { SecretId = name });
        var put = await client.PutResourcePolicyAsync(new PutResourcePolicyRequest { SecretId = name, ResourcePolicy = policy, BlockPublicPolicy = true });
        var got = await client.GetResourcePolicyAsync(new GetResourcePolicyRequest { SecretId = arn });
        var deleted = await client.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { SecretId = name });
        var after = await client.GetResourcePolicyAsync(new GetResourcePolicyRequest { SecretId = name });

        Assert.Null(before.ResourcePolicy);
        Assert.Equal(arn, put.ARN);
        Assert.Equal(name, put.Name);
        Assert.Equal(policy, got.ResourcePolicy);
        Assert.Equal(name, got.Name);
        Assert.Equal(arn, deleted.ARN);
        Assert.Null(after.ResourcePolicy);
    }

    [Fact]
    public async Task Policy_on_a_missing_secret_fails()
    {
        using var client = TestClients.Moto();

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.PutResourcePolicyAsync(
            new PutResourcePolicyRequest { SecretId = TestClients.UniqueName("missing"), ResourcePolicy = Policy("*") }));

        Assert.Equal("ResourceNotFoundException", ex.ErrorCode);
    }
}
