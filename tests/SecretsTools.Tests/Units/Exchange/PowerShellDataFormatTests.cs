using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Exchange;
using Xunit;

namespace SecretsTools.Tests.Units.Exchange;

public class PowerShellDataFormatTests
{
    private const string Sentinel = "S3ntinel-Value-7f3a";

    [Fact]
    public void Every_nasty_value_and_name_round_trips()
    {
        var entries = NastyValues.AsEntries(i => $"{i}:{NastyValues.All[i]}");
        NastyValues.AssertSame(entries, PowerShellDataFormat.Parse(PowerShellDataFormat.Write(entries)));
    }

    [Fact]
    public void Import_PowerShellDataFile_reads_every_nasty_value_as_written()
    {
        var entries = NastyValues.AsEntries(i => $"{i}:{NastyValues.All[i]}");
        string path = Path.Combine(Path.GetTempPath(), $"st-psd1-{System.Guid.NewGuid():N}.psd1");
        File.WriteAllText(path, PowerShellDataFormat.Write(entries));
        try
        {
            using var ps = PowerShell.Create();
            var data = (Hashtable)ps.AddCommand("Import-PowerShellDataFile").AddParameter("LiteralPath", path).Invoke().Single().BaseObject;
            Assert.Equal(entries.Length, data.Count);
            foreach (var entry in entries)
                Assert.True(entry.Value == (string)data[entry.Name]!, $"'{entry.Name}' came back different");
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("it's", "'it''s'")]
    [InlineData("\u2018a\u2019\u201A\u201B", "'\u2018\u2018a\u2019\u2019\u201A\u201A\u201B\u201B'")]
    [InlineData("$x \"y\" `n", "'$x \"y\" `n'")]
    public void Doubles_every_kind_of_single_quote_and_nothing_else(string value, string written)
    {
        Assert.Equal($"@{{\n    'k' = {written}\n}}\n", PowerShellDataFormat.Write(new[] { new SecretFileEntry("k", value) }));
    }

    [Fact]
    public void Reads_what_people_write()
    {
        const string file = """
            # A comment
            @{
                bare = 'one'
                'quoted' = "two"   # a comment
                "double" = 'three'; semi = 'four'
                here = @'
            five
            '@
            }
            """;
        var parsed = PowerShellDataFormat.Parse(file);
        Assert.Equal(new[] { "bare", "quoted", "double", "semi", "here" }, parsed.Select(e => e.Name));
        Assert.Equal(new[] { "one", "two", "three", "four", "five" }, parsed.Select(e => e.Value));
        Assert.Equal(3, parsed[0].Line);
    }

    [Fact]
    public void Runs_no_code_while_reading()
    {
        string marker = Path.Combine(Path.GetTempPath(), $"st-psd1-ran-{System.Guid.NewGuid():N}");
        var ex = Assert.Throws<SecretFileFormatException>(() =>
            PowerShellDataFormat.Parse($"@{{ a = $(New-Item -ItemType File -Path '{marker}') }}"));
        Assert.Contains("'a' is not a constant", ex.Message);
        Assert.False(File.Exists(marker));
        Assert.Throws<SecretFileFormatException>(() => PowerShellDataFormat.Parse($"@{{ a = \"$(New-Item -ItemType File -Path '{marker}')\" }}"));
        Assert.Throws<SecretFileFormatException>(() => PowerShellDataFormat.Parse($"New-Item -ItemType File -Path '{marker}'; @{{ a = 'b' }}"));
        Assert.False(File.Exists(marker));
    }

    [Theory]
    [InlineData("@{ a = $env:HOME }", "'a' is not a constant")]
    [InlineData("@{ a = \"$HOME\" }", "'a' is not a constant")]
    [InlineData("@{ a = 1 }", "'a' is a Int32, not a string")]
    [InlineData("@{ a = $true }", "'a' is a Boolean, not a string")]
    [InlineData("@{ a = $null }", "'a' is $null")]
    [InlineData("@{ a = @{ b = '" + Sentinel + "' } }", "'a' is a Hashtable")]
    [InlineData("@{ a = Get-Date }", "'a' is not a constant")]
    [InlineData("@{ 1 = '" + Sentinel + "' }", "not a constant string")]
    [InlineData("'" + Sentinel + "'", "one hashtable literal")]
    [InlineData("@{ a = 'x' }\n@{ b = 'y' }", "one hashtable literal")]
    [InlineData("param($x) @{ a = 'x' }", "one hashtable literal")]
    public void Anything_but_a_hashtable_of_constant_strings_is_an_error(string file, string why)
    {
        var ex = Assert.Throws<SecretFileFormatException>(() => PowerShellDataFormat.Parse(file));
        Assert.Contains(why, ex.Message);
        Assert.DoesNotContain(Sentinel, ex.Message);
    }

    [Theory]
    [InlineData("@{\n  a = 'x'\n  b = '" + Sentinel + "' '" + Sentinel + "'\n}", 3)]
    [InlineData("@{\n  a = '" + Sentinel + "\n", 2)]
    [InlineData("@{ a = 'x'; A = '" + Sentinel + "' }", 1)]
    public void A_syntax_error_names_its_line_and_never_the_text(string file, int line)
    {
        var ex = Assert.Throws<SecretFileFormatException>(() => PowerShellDataFormat.Parse(file));
        Assert.Equal(line, ex.Line);
        Assert.Contains("not valid PowerShell data", ex.Message);
        Assert.DoesNotContain(Sentinel, ex.Message);
    }

    [Fact]
    public void Refuses_names_that_differ_only_in_case()
    {
        var ex = Assert.Throws<SecretFileFormatException>(() =>
            PowerShellDataFormat.Write(new[] { new SecretFileEntry("db", "1"), new SecretFileEntry("DB", Sentinel) }));
        Assert.Contains("'DB'", ex.Message);
        Assert.DoesNotContain(Sentinel, ex.Message);
    }
}
