using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

public class BatchGetSecretValueTests
{
    [Fact]
    public async Task By_ids_returns_values_and_an_error_entry_for_a_missing_name()
    {
        using var client = TestClients.Moto();
        var a = TestClients.UniqueName("bg");
        var b = TestClients.UniqueName("bg");
        var missing = TestClients.UniqueName("missing");
        await client.CreateSecretAsync(new CreateSecretRequest { Name = a, SecretString = "value-a" });
        var bArn = (await client.CreateSecretAsync(new CreateSecretRequest { Name = b, SecretBinary = new byte[] { 1, 2, 3 } })).ARN;

        var response = await client.BatchGetSecretValueAsync(new BatchGetSecretValueRequest { SecretIdList = { a, bArn!, missing } });

        Assert.Equal(2, response.SecretValues.Count);
        var first = response.SecretValues.Single(v => v.Name == a);
        Assert.Equal("value-a", first.SecretString);
        Assert.Equal(new[] { "AWSCURRENT" }, first.VersionStages);
        Assert.NotNull(first.CreatedDate);
        Assert.NotNull(first.VersionId);
        Assert.Equal(new byte[] { 1, 2, 3 }, response.SecretValues.Single(v => v.Name == b).SecretBinary);
        var error = Assert.Single(response.Errors);
        Assert.Equal(missing, error.SecretId);
        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.False(string.IsNullOrEmpty(error.Message));
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task By_filter_pages_with_MaxResults_and_NextToken()
    {
        using var client = TestClients.Moto();
        var prefix = TestClients.UniqueName("bgf");
        for (int i = 0; i < 3; i++)
            await client.CreateSecretAsync(new CreateSecretRequest { Name = $"{prefix}-{i}", SecretString = $"value-{i}" });

        var values = new Dictionary<string, string?>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await client.BatchGetSecretValueAsync(new BatchGetSecretValueRequest
            {
                Filters = { new Filter { Key = FilterNameStringType.Name, Values = { prefix } } },
                MaxResults = 2,
                NextToken = token,
            });
            pages++;
            Assert.Empty(page.Errors);
            foreach (var v in page.SecretValues) values.Add(v.Name!, v.SecretString);
            token = page.NextToken;
        }
        while (token is not null && pages < 10);

        Assert.Equal(2, pages);
        Assert.Equal(new[] { "value-0", "value-1", "value-2" }, values.OrderBy(kv => kv.Key).Select(kv => kv.Value));
    }

    [Fact]
    public async Task Ids_and_filters_together_are_rejected()
    {
        using var client = TestClients.Moto();

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.BatchGetSecretValueAsync(new BatchGetSecretValueRequest
        {
            SecretIdList = { "a" },
            Filters = { new Filter { Key = FilterNameStringType.Name, Values = { "a" } } },
        }));

        Assert.Equal("InvalidParameterException", ex.ErrorCode);
    }
}
