using System;
using System.Collections;
using System.Management.Automation;
using System.Security;
using System.Text.Json.Nodes;
using SecretsTools.Stores;
using SecretsTools.Values;
using Xunit;

namespace SecretsTools.Tests.Units;

public class SecretValueConversionTests
{
    private static readonly SecretOutputOptions Plain = new(true, null, false, false);

    [Fact]
    public void Strings_and_SecureStrings_become_text()
    {
        Assert.Equal("abc", SecretInputConverter.Convert("abc", "n").Text);
        Assert.Equal("päss🔑", SecretInputConverter.Convert(SecureStrings.FromString("päss🔑"), "n").Text);
    }

    [Fact]
    public void Credentials_and_hashtables_become_JSON()
    {
        var cred = new PSCredential("admin", SecureStrings.FromString("pw"));
        var json = JsonNode.Parse(SecretInputConverter.Convert(cred, "n").Text!)!;
        Assert.Equal("admin", (string?)json["username"]);
        Assert.Equal("pw", (string?)json["password"]);

        var table = new Hashtable { ["port"] = 5432, ["ssl"] = true, ["nested"] = new Hashtable { ["a"] = "b" } };
        var fromTable = JsonNode.Parse(SecretInputConverter.Convert(table, "n").Text!)!;
        Assert.Equal(5432, (long)fromTable["port"]!);
        Assert.True((bool)fromTable["ssl"]!);
        Assert.Equal("b", (string?)fromTable["nested"]!["a"]);
    }

    [Fact]
    public void PSCustomObjects_become_JSON()
    {
        var obj = new PSObject();
        obj.Properties.Add(new PSNoteProperty("user", "u"));
        var json = JsonNode.Parse(SecretInputConverter.Convert(obj, "n").Text!)!;
        Assert.Equal("u", (string?)json["user"]);
    }

    [Fact]
    public void Bytes_become_binary_and_string_arrays_StringLists()
    {
        var binary = SecretInputConverter.Convert(new byte[] { 0, 1, 255 }, "n");
        Assert.Equal(SecretValueKind.Binary, binary.Kind);
        Assert.Equal(new byte[] { 0, 1, 255 }, binary.Binary);
        var list = SecretInputConverter.Convert(new[] { "a", "b" }, "n");
        Assert.Equal(SecretValueKind.StringList, list.Kind);
        Assert.Equal("a,b", list.Text);
    }

    [Fact]
    public void Unsupported_types_and_commas_in_StringLists_are_rejected()
    {
        Assert.Equal(ErrorIds.UnsupportedSecretType, Assert.Throws<SecretStoreException>(() => SecretInputConverter.Convert(DateTime.Now, "n")).ErrorId);
        Assert.Equal(ErrorIds.UnsupportedSecretType, Assert.Throws<SecretStoreException>(() => SecretInputConverter.Convert(new[] { "a,b" }, "n")).ErrorId);
        Assert.Equal(ErrorIds.UnsupportedSecretType, Assert.Throws<SecretStoreException>(() => SecretInputConverter.Convert(null, "n")).ErrorId);
    }

    [Fact]
    public void Output_is_SecureString_unless_plain_text_is_asked_for()
    {
        var value = SecretValue.FromText("s");
        Assert.IsType<SecureString>(SecretOutputFormatter.Format(value, new SecretOutputOptions(false, null, false, false), "n"));
        Assert.Equal("s", SecretOutputFormatter.Format(value, Plain, "n"));
    }

    [Fact]
    public void JSON_output_shapes()
    {
        var value = SecretValue.FromText("{\"username\":\"u\",\"password\":\"p\",\"n\":1}");
        Assert.Equal("p", SecretOutputFormatter.Format(value, Plain with { Key = "password" }, "n"));
        Assert.Equal("1", SecretOutputFormatter.Format(value, Plain with { Key = "n" }, "n"));
        var table = Assert.IsType<Hashtable>(SecretOutputFormatter.Format(value, Plain with { AsHashtable = true }, "n"));
        Assert.Equal("u", table["USERNAME"]);
        var cred = Assert.IsType<PSCredential>(SecretOutputFormatter.Format(value, Plain with { AsCredential = true }, "n"));
        Assert.Equal("u", cred.UserName);
    }

    [Fact]
    public void JSON_errors_name_the_problem_but_never_the_value()
    {
        var notJson = SecretValue.FromText("SENTINEL-not-json");
        var ex = Assert.Throws<SecretStoreException>(() => SecretOutputFormatter.Format(notJson, Plain with { Key = "x" }, "n"));
        Assert.Equal(ErrorIds.SecretNotJson, ex.ErrorId);
        Assert.DoesNotContain("SENTINEL", ex.Message);

        var json = SecretValue.FromText("{\"a\":\"SENTINEL-value\"}");
        var missing = Assert.Throws<SecretStoreException>(() => SecretOutputFormatter.Format(json, Plain with { Key = "b" }, "n"));
        Assert.Equal(ErrorIds.SecretKeyNotFound, missing.ErrorId);
        Assert.DoesNotContain("SENTINEL", missing.Message);
        Assert.Equal(ErrorIds.SecretNotCredential,
            Assert.Throws<SecretStoreException>(() => SecretOutputFormatter.Format(json, Plain with { AsCredential = true }, "n")).ErrorId);
    }

    [Fact]
    public void Values_never_print_themselves() =>
        Assert.DoesNotContain("SENTINEL", SecretValue.FromText("SENTINEL").ToString());
}
