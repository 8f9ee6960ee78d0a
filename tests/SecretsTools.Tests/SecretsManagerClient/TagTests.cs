using System.Linq;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

public class TagTests
{
    [Fact]
    public async Task Tag_adds_and_overwrites_untag_removes()
    {
        using var client = TestClients.Moto();
        var name = TestClients.UniqueName("tag");
        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v", Tags = { new Tag { Key = "a", Value = "1" } } });

        await client.TagResourceAsync(new TagResourceRequest
        {
            SecretId = name,
            Tags = { new Tag { Key = "a", Value = "2" }, new Tag { Key = "b", Value = "ünï" }, new Tag { Key = "c", Value = "" } },
        });
        var tagged = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });
        await client.UntagResourceAsync(new UntagResourceRequest { SecretId = name, TagKeys = { "a", "c" } });
        var untagged = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });

        Assert.Equal(new[] { "a=2", "b=ünï", "c=" }, tagged.Tags.Select(t => $"{t.Key}={t.Value}").OrderBy(t => t));
        Assert.Equal(new[] { "b=ünï" }, untagged.Tags.Select(t => $"{t.Key}={t.Value}"));
    }

    [Fact]
    public async Task Tagging_a_missing_secret_fails()
    {
        using var client = TestClients.Moto();

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.TagResourceAsync(new TagResourceRequest
        {
            SecretId = TestClients.UniqueName("missing"),
            Tags = { new Tag { Key = "a", Value = "1" } },
        }));

        Assert.Equal("ResourceNotFoundException", ex.ErrorCode);
    }
}
