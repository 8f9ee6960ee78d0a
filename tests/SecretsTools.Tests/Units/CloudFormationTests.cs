using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using SecretsTools.CloudFormation;
using SecretsTools.Cost;
using SecretsTools.Model;
using Xunit;

namespace SecretsTools.Tests.Units;

/// <summary>
/// Export-SecretInfo's ids and writers and Measure-SecretCost's grouping, below the cmdlets (the
/// Pester tests check whole templates against the CloudFormation specification and PyYAML).
/// </summary>
public class CloudFormationTests
{
    [Fact]
    public void Ids_are_the_names_letters_and_digits_and_collisions_get_a_hash_of_their_own_name()
    {
        var ids = CfnLogicalIds.Stems(new[] { "/app/db-url", "/app/db_url", "/app/other", "---" });
        Assert.Equal("AppOther", ids["/app/other"]);
        Assert.Equal("AppDbUrl" + CfnLogicalIds.Hash("/app/db-url"), ids["/app/db-url"]);
        Assert.Equal("AppDbUrl" + CfnLogicalIds.Hash("/app/db_url"), ids["/app/db_url"]);
        Assert.Equal(CfnLogicalIds.Hash("---"), ids["---"]);
        // The same name gets the same id whatever else is exported with it.
        Assert.Equal(ids["/app/db-url"], CfnLogicalIds.Stems(new[] { "/app/db_url", "/app/db-url" })["/app/db-url"]);
        Assert.All(ids.Values, id => Assert.Matches("^[A-Za-z0-9]+$", id));
    }

    [Fact]
    public void Long_names_are_cut_with_a_hash_so_ids_stay_within_the_limit_and_unique()
    {
        string a = "/" + new string('a', 300) + "/x", b = "/" + new string('a', 300) + "/y";
        var ids = CfnLogicalIds.Stems(new[] { a, b });
        Assert.NotEqual(ids[a], ids[b]);
        Assert.All(ids.Values, id => Assert.True(("ValueParameter" + id).Length <= 255));
    }

    [Fact]
    public void Yaml_quotes_every_string_and_writes_empty_and_nested_collections()
    {
        var document = new CfnMap
        {
            { "Plain", "yes" },
            { "yes", 1L },
            { "a key: with colon", true },
            { "Empty", new CfnMap() },
            { "None", new List<object?>() },
            { "List", new List<object?> { new CfnMap { { "Key", "k" }, { "Value", "line1\nline2" } }, "x" } },
        };
        string yaml = CfnWriters.Yaml(document);
        Assert.Equal(
            "Plain: \"yes\"\n\"yes\": 1\n\"a key: with colon\": true\nEmpty: {}\nNone: []\nList:\n  - Key: \"k\"\n    Value: \"line1\\nline2\"\n  - \"x\"\n",
            yaml);
    }

    [Theory]
    [InlineData(2.5, "2.5")]
    [InlineData(1e20, "1.0E+20")]
    [InlineData(-3e-7, "-3.0E-07")]
    public void Yaml_floats_carry_a_point_so_yaml_1_1_readers_see_numbers(double value, string expected) =>
        Assert.Equal($"X: {expected}\n", CfnWriters.Yaml(new CfnMap { { "X", value } }));

    [Fact]
    public void Json_holds_the_same_nodes_in_the_same_order()
    {
        var document = new CfnMap { { "B", 1L }, { "A", new List<object?> { "x", null, 2.5 } } };
        using var parsed = JsonDocument.Parse(CfnWriters.Json(document));
        Assert.Equal(new[] { "B", "A" }, parsed.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2.5, parsed.RootElement.GetProperty("A")[2].GetDouble());
    }

    [Theory]
    [InlineData("/a/b/c", 1, "a/")]
    [InlineData("a/b/c", 2, "a/b/")]
    [InlineData("a/b/c", 9, "a/b/")]
    [InlineData("top", 3, "/")]
    [InlineData("/a/b", 0, "/")]
    public void Cost_groups_are_the_first_segments_never_the_whole_name(string name, int depth, string group) =>
        Assert.Equal(group, SecretCostCalculator.GroupOf(name, depth));

    [Fact]
    public void A_replica_is_billed_as_a_secret_and_one_json_secret_keeps_the_most_replicas()
    {
        var rates = new CostRates { PricePerSecret = 0.40m, ReadsPerDay = 0 };
        var row = SecretCostCalculator.Calculate(new[]
        {
            new CostEntry(SecretStoreKind.SecretsManager, "t/a", null, 2),
            new CostEntry(SecretStoreKind.SecretsManager, "t/b", null, 0),
        }, 1, rates).Single();
        Assert.Equal((2 + 2) * 0.40m, row.MonthlyCost);
        Assert.Equal((1 + 2) * 0.40m, row.AsOneSecret);
    }
}
