using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>
/// ListSecrets with every filter key moto implements, and paging. Each test works under its own
/// unique name prefix and filters on it, since the shared server holds other tests' secrets too.
/// </summary>
public class ListSecretsTests
{
    private static async Task<string> CreateAsync(SecretsTools.SecretsManager.SecretsManagerClient client, string name, string? description = null, params Tag[] tags)
    {
        var request = new CreateSecretRequest { Name = name, SecretString = "v", Description = description };
        request.Tags.AddRange(tags);
        return (await client.CreateSecretAsync(request)).ARN!;
    }

    private static Filter NameFilter(string prefix) => new() { Key = FilterNameStringType.Name, Values = { prefix } };

    private static async Task<List<string>> ListNamesAsync(SecretsTools.SecretsManager.SecretsManagerClient client, params Filter[] filters)
    {
        var request = new ListSecretsRequest();
        request.Filters.AddRange(filters);
        var response = await client.ListSecretsAsync(request);
        return response.SecretList.Select(s => s.Name!).OrderBy(n => n).ToList();
    }

    [Fact]
    public async Task Name_filter_matches_by_prefix_and_entries_carry_metadata()
    {
        using var client = TestClients.Moto();
        var prefix = TestClients.UniqueName("ls");
        var arn = await CreateAsync(client, prefix + "/app/db", "database", new Tag { Key = "k", Value = "v" });
        await CreateAsync(client, prefix + "/app/api");
        await CreateAsync(client, prefix + "/other");

        var response = await client.ListSecretsAsync(new ListSecretsRequest { Filters = { NameFilter(prefix + "/app/") } });

        Assert.Equal(new[] { prefix + "/app/api", prefix + "/app/db" }, response.SecretList.Select(s => s.Name).OrderBy(n => n));
        var db = response.SecretList.Single(s => s.Name == prefix + "/app/db");
        Assert.Equal(arn, db.ARN);
        Assert.Equal("database", db.Description);
        Assert.Equal("k", Assert.Single(db.Tags).Key);
        Assert.Single(db.SecretVersionsToStages);
        Assert.NotNull(db.CreatedDate);
        Assert.NotNull(db.LastChangedDate);
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task Description_filter()
    {
        using var client = TestClients.Moto();
        var prefix = TestClients.UniqueName("ls");
        var word = TestClients.UniqueWord();
        await CreateAsync(client, prefix + "-a", $"holds {word} credentials");
        await CreateAsync(client, prefix + "-b", "something else");

        var names = await ListNamesAsync(client, new Filter { Key = FilterNameStringType.Description, Values = { word } });

        Assert.Equal(new[] { prefix + "-a" }, names);
    }

    [Fact]
    public async Task Tag_key_and_tag_value_filters()
    {
        using var client = TestClients.Moto();
        var prefix = TestClients.UniqueName("ls");
        await CreateAsync(client, prefix + "-a", null, new Tag { Key = prefix + "-owner", Value = prefix + "-alice" });
        await CreateAsync(client, prefix + "-b", null, new Tag { Key = prefix + "-owner", Value = prefix + "-bob" });
        await CreateAsync(client, prefix + "-c", null, new Tag { Key = prefix + "-cost", Value = prefix + "-alice" });

        var byKey = await ListNamesAsync(client, new Filter { Key = FilterNameStringType.TagKey, Values = { prefix + "-owner" } });
        var byValue = await ListNamesAsync(client, new Filter { Key = FilterNameStringType.TagValue, Values = { prefix + "-alice" } });
        var both = await ListNamesAsync(client,
            new Filter { Key = FilterNameStringType.TagKey, Values = { prefix + "-owner" } },
            new Filter { Key = FilterNameStringType.TagValue, Values = { prefix + "-alice" } });

        Assert.Equal(new[] { prefix + "-a", prefix + "-b" }, byKey);
        Assert.Equal(new[] { prefix + "-a", prefix + "-c" }, byValue);
        Assert.Equal(new[] { prefix + "-a" }, both);
    }

    [Fact]
    public async Task All_filter_searches_names_descriptions_and_tags()
    {
        using var client = TestClients.Moto();
        var prefix = TestClients.UniqueName("ls");
        var word = TestClients.UniqueWord();
        await CreateAsync(client, prefix + "-by-description", $"mentions {word}");
        await CreateAsync(client, prefix + "-by-tag", null, new Tag { Key = "note", Value = word });
        await CreateAsync(client, prefix + "-unrelated", "nothing");

        var names = await ListNamesAsync(client, new Filter { Key = FilterNameStringType.All, Values = { word } });

        Assert.Equal(new[] { prefix + "-by-description", prefix + "-by-tag" }, names);
    }

    [Fact]
    public async Task Negated_name_filter_excludes()
    {
        using var client = TestClients.Moto();
        var prefix = TestClients.UniqueName("ls");
        await CreateAsync(client, prefix + "-keep");
        await CreateAsync(client, prefix + "-drop");

        var names = await ListNamesAsync(client, NameFilter(prefix), new Filter { Key = FilterNameStringType.Name, Values = { "!" + prefix + "-drop" } });

        Assert.Equal(new[] { prefix + "-keep" }, names);
    }

    [Fact]
    public async Task Owning_service_filter()
    {
        using var client = TestClients.Moto();
        var prefix = TestClients.UniqueName("ls");
        var service = TestClients.UniqueWord();
        // Real AWS reserves the aws: tag prefix for the owning service itself; moto lets us set it.
        await CreateAsync(client, prefix + "-managed", null, new Tag { Key = "aws:secretsmanager:owningService", Value = service });
        await CreateAsync(client, prefix + "-plain");

        var response = await client.ListSecretsAsync(new ListSecretsRequest
        {
            Filters = { new Filter { Key = FilterNameStringType.OwningService, Values = { service } } },
        });

        var entry = Assert.Single(response.SecretList);
        Assert.Equal(prefix + "-managed", entry.Name);
        Assert.Equal(service, entry.OwningService);
    }

    [Fact]
    public async Task Unknown_filter_key_is_rejected_by_the_service()
    {
        using var client = TestClients.Moto();

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            client.ListSecretsAsync(new ListSecretsRequest { Filters = { new Filter { Key = "colour", Values = { "blue" } } } }));

        Assert.Equal("ValidationException", ex.ErrorCode);
    }

    [Fact]
    public async Task Paging_with_MaxResults_and_NextToken_visits_every_secret_once()
    {
        using var client = TestClients.Moto();
        var prefix = TestClients.UniqueName("page");
        var expected = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            expected.Add($"{prefix}-{i}");
            await CreateAsync(client, $"{prefix}-{i}");
        }

        var seen = new List<string>();
        var pageSizes = new List<int>();
        string? token = null;
        do
        {
            var page = await client.ListSecretsAsync(new ListSecretsRequest
            {
                Filters = { NameFilter(prefix) },
                MaxResults = 2,
                NextToken = token,
                SortBy = SortByType.Name,
                SortOrder = SortOrderType.Asc,
            });
            pageSizes.Add(page.SecretList.Count);
            seen.AddRange(page.SecretList.Select(s => s.Name!));
            token = page.NextToken;
        }
        while (token is not null && pageSizes.Count < 10);

        Assert.Equal(new[] { 2, 2, 1 }, pageSizes);
        Assert.Equal(expected, seen.OrderBy(n => n));
    }
}
