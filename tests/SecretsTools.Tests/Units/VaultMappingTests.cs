using System;
using System.Collections;
using SecretsTools.Model;
using SecretsTools.Stores;
using SecretsTools.Vault;
using Xunit;

namespace SecretsTools.Tests.Units;

/// <summary>The SecretManagement vault's pure mappings: vault parameters, metadata tags, value types.</summary>
public class VaultMappingTests
{
    [Fact]
    public void Vault_parameters_after_the_registry_JSON_give_store_prefix_and_tags()
    {
        // What SecretManagement hands over: JSON-round-tripped (Int64) plus its Verbose entry.
        var parameters = new Hashtable
        {
            ["Store"] = "ParameterStore", ["Path"] = "/app/prod/", ["Region"] = "eu-west-1",
            ["Tags"] = new Hashtable { ["cost"] = 42L }, ["Verbose"] = false,
        };
        var vault = VaultSettings.From("v", parameters);
        Assert.Equal(SecretStoreKind.ParameterStore, vault.Store);
        Assert.Equal("/app/prod/db", vault.FullName("db"));
        Assert.Equal("db", vault.VaultNameOf("/app/prod/db"));
        Assert.Null(vault.VaultNameOf("/other/db"));
        Assert.Equal("eu-west-1", vault.Connection.Region);
        Assert.Equal("42", vault.DefaultTags["cost"]);
    }

    [Theory]
    [InlineData("Profile", "x")]
    [InlineData("Store", "KeyVault")]
    [InlineData("Path", "app")]
    public void Bad_vault_parameters_are_refused_by_name(string key, string value)
    {
        var parameters = new Hashtable { ["Store"] = "ParameterStore", [key] = value };
        var ex = Assert.Throws<SecretStoreException>(() => VaultSettings.From("v", parameters));
        Assert.Equal(ErrorIds.InvalidVaultParameter, ex.ErrorId);
        Assert.Contains("Vault 'v'", ex.Message);
    }

    [Fact]
    public void Metadata_keeps_its_types_through_tags_and_merges_with_earlier_types()
    {
        var when = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var tags = VaultMetadata.ToTags("n", new Hashtable { ["a"] = "x", ["n"] = 3, ["big"] = 5L, ["when"] = when }, "Int32:old");
        Assert.Equal("3", tags["n"]);
        var back = VaultMetadata.FromTags(new Hashtable(tags) { ["old"] = "7", [VaultValues.TypeTag] = "String" });
        Assert.Equal("x", back["a"]);
        Assert.Equal(3, back["n"]);
        Assert.Equal(5L, back["big"]);
        Assert.Equal(when, back["when"]);
        Assert.Equal(7, back["old"]);
        Assert.False(back.ContainsKey(VaultValues.TypeTag));
        Assert.False(back.ContainsKey(VaultMetadata.TypesTag));
    }

    [Fact]
    public void Untagged_values_are_read_as_what_they_are()
    {
        Assert.Equal(new byte[] { 1, 2 }, VaultValues.FromStored(SecretValue.FromBinary(new byte[] { 1, 2 }), null, "n"));
        Assert.IsType<Hashtable>(VaultValues.FromStored(SecretValue.FromText("{\"k\":\"v\"}"), null, "n"));
        Assert.Equal("{\"k\":\"v\"}", VaultValues.FromStored(SecretValue.FromText("{\"k\":\"v\"}"), "String", "n"));
        Assert.Equal("plain", VaultValues.FromStored(SecretValue.FromText("plain"), null, "n"));
        // A Hashtable tag on a value another tool rewrote as plain text: the text, not an error.
        Assert.Equal("plain", VaultValues.FromStored(SecretValue.FromText("plain"), "Hashtable", "n"));
    }
}
