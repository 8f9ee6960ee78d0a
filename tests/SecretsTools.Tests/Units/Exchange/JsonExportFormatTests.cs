using System.Linq;
using System.Text.Json;
using SecretsTools.Exchange;
using Xunit;

namespace SecretsTools.Tests.Units.Exchange;

public class JsonExportFormatTests
{
    private const string Sentinel = "S3ntinel-Value-7f3a";

    [Fact]
    public void Every_nasty_value_and_name_round_trips()
    {
        // JSON names can be anything: the values double as names here.
        var entries = NastyValues.AsEntries(i => $"{i}:{NastyValues.All[i]}");
        NastyValues.AssertSame(entries, JsonExportFormat.Parse(JsonExportFormat.Write(entries)));
    }

    [Fact]
    public void Writes_indented_JSON_that_other_readers_read_the_same()
    {
        var entries = NastyValues.AsEntries(i => $"k{i}");
        string text = JsonExportFormat.Write(entries);
        using var document = JsonDocument.Parse(text);
        foreach (var entry in entries) Assert.Equal(entry.Value, document.RootElement.GetProperty(entry.Name).GetString());
        Assert.StartsWith("{\n  \"k0\": \"\",", text);
        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("}\n", text);
    }

    [Fact]
    public void Keeps_non_ASCII_readable_and_escapes_what_JSON_requires()
    {
        string text = JsonExportFormat.Write(new[] { new SecretFileEntry("name é", "é 密 + < > & ' \" \\ \n \t \u0001") });
        Assert.Contains("\"name é\"", text);
        Assert.Contains("é 密 + < > & '", text);
        // Beyond the Basic Multilingual Plane the encoder escapes (still valid JSON, read back the same).
        Assert.Contains("\\uD83D\\uDD11", JsonExportFormat.Write(new[] { new SecretFileEntry("k", "🔑") }));
        Assert.Contains("\\\" \\\\ \\n \\t \\u0001", text);
    }

    [Fact]
    public void Keeps_key_order()
    {
        var parsed = JsonExportFormat.Parse("{ \"b\": \"1\", \"a\": \"2\", \"c\": \"3\" }");
        Assert.Equal(new[] { "b", "a", "c" }, parsed.Select(e => e.Name));
    }

    [Fact]
    public void Reads_a_BOM_comments_and_trailing_commas()
    {
        var parsed = JsonExportFormat.Parse("\uFEFF{\n  // a comment\n  \"a\": \"1\",\n}");
        Assert.Equal("1", Assert.Single(parsed).Value);
    }

    [Theory]
    [InlineData("{\"PORT\": 5432}", "'PORT' is a number")]
    [InlineData("{\"ON\": true}", "'ON' is a boolean")]
    [InlineData("{\"NOTHING\": null}", "'NOTHING' is null")]
    [InlineData("{\"db\": {\"password\": \"" + Sentinel + "\"}}", "'db' is an object")]
    [InlineData("{\"list\": [\"" + Sentinel + "\"]}", "'list' is an array")]
    [InlineData("{\"a\": \"" + Sentinel + "\", \"a\": \"x\"}", "'a' is given twice")]
    public void A_value_that_is_not_a_string_is_an_error_naming_its_key(string json, string why)
    {
        var ex = Assert.Throws<SecretFileFormatException>(() => JsonExportFormat.Parse(json));
        Assert.Contains(why, ex.Message);
        Assert.DoesNotContain(Sentinel, ex.Message);
        Assert.NotNull(ex.Name);
    }

    [Theory]
    [InlineData("[\"" + Sentinel + "\"]", "an array, not a JSON object")]
    [InlineData("\"" + Sentinel + "\"", "a string, not a JSON object")]
    public void A_file_that_is_not_an_object_is_an_error(string json, string why)
    {
        var ex = Assert.Throws<SecretFileFormatException>(() => JsonExportFormat.Parse(json));
        Assert.Contains(why, ex.Message);
        Assert.DoesNotContain(Sentinel, ex.Message);
    }

    [Theory]
    [InlineData("{\n  \"a\": \"1\",\n  \"b\": " + Sentinel + "\n}", 3)]
    [InlineData("{\n  \"a\": \"" + Sentinel, 2)]
    [InlineData("", 1)]
    public void Invalid_JSON_names_the_line_and_never_the_text(string json, int line)
    {
        var ex = Assert.Throws<SecretFileFormatException>(() => JsonExportFormat.Parse(json));
        Assert.Equal(line, ex.Line);
        Assert.Contains("not valid JSON", ex.Message);
        Assert.DoesNotContain(Sentinel, ex.Message);
        Assert.DoesNotContain(Sentinel[..1] + "'", ex.Message);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public void Refuses_a_name_written_twice()
    {
        Assert.Throws<SecretFileFormatException>(() => JsonExportFormat.Write(new[] { new SecretFileEntry("a", "1"), new SecretFileEntry("a", "2") }));
    }
}
