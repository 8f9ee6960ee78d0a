using System.Linq;
using SecretsTools.Exchange;
using Xunit;

namespace SecretsTools.Tests.Units.Exchange;

public class DotEnvFormatTests
{
    private const string Sentinel = "S3ntinel-Value-7f3a";

    [Fact]
    public void Every_nasty_value_round_trips_in_one_file()
    {
        var entries = NastyValues.AsEntries(i => $"VALUE_{i}");
        var parsed = DotEnvFormat.Parse(DotEnvFormat.Write(entries));
        NastyValues.AssertSame(entries, parsed);
    }

    [Theory]
    [MemberData(nameof(NastyValues.Each), MemberType = typeof(NastyValues))]
    public void Each_nasty_value_round_trips_alone(int index)
    {
        var entries = new[] { new SecretFileEntry("X", NastyValues.All[index]) };
        NastyValues.AssertSame(entries, DotEnvFormat.Parse(DotEnvFormat.Write(entries)));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("abc-1.2/x:y@z+_", "abc-1.2/x:y@z+_")]
    [InlineData("a b", "'a b'")]
    [InlineData("$HOME", "'$HOME'")]
    [InlineData("#x", "'#x'")]
    [InlineData("tab\tin", "'tab\tin'")]
    [InlineData("say \"hi\" \\", "'say \"hi\" \\'")]
    [InlineData("it's $5", "\"it's \\$5\"")]
    [InlineData("a\nb", "\"a\\nb\"")]
    [InlineData("c\r\n\t\\\"", "\"c\\r\\n\\t\\\\\\\"\"")]
    [InlineData("é", "'é'")]
    public void Quotes_only_as_much_as_needed(string value, string written)
    {
        Assert.Equal($"K={written}\n", DotEnvFormat.Write(new[] { new SecretFileEntry("K", value) }));
    }

    [Theory]
    [InlineData("1ABC")]
    [InlineData("db-password")]
    [InlineData("a.b")]
    [InlineData("")]
    [InlineData("é")]
    [InlineData("A B")]
    public void Refuses_names_that_are_not_variable_names(string name)
    {
        var ex = Assert.Throws<SecretFileFormatException>(() => DotEnvFormat.Write(new[] { new SecretFileEntry(name, Sentinel) }));
        Assert.Contains("variable name", ex.Message);
        Assert.DoesNotContain(Sentinel, ex.Message);
    }

    [Fact]
    public void Refuses_a_name_written_twice()
    {
        var ex = Assert.Throws<SecretFileFormatException>(() => DotEnvFormat.Write(new[] { new SecretFileEntry("A", "1"), new SecretFileEntry("A", Sentinel) }));
        Assert.Contains("'A'", ex.Message);
        Assert.DoesNotContain(Sentinel, ex.Message);
    }

    [Fact]
    public void Reads_what_people_write()
    {
        const string file = """
            # a comment at the start
              # an indented comment

            PLAIN=value
            export EXPORTED=yes
            export	TABBED=1
            SPACED = around equals
            TRIMMED=   bare value with spaces   
            COMMENTED=bare # a comment
            HASH=pass#word
            EMPTY=
            EMPTY_COMMENT= # nothing
            SINGLE='literal $HOME \n # not a comment'
            DOUBLE="escaped \"quote\" \$HOME \\ tab\tend" # comment
            UNKNOWN_ESCAPE="C:\Users\x"
            MULTI="first
            second"
            MULTI_SINGLE='one
            two'
            AFTER=last
            export=a variable called export
            """;
        var parsed = DotEnvFormat.Parse(file).ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("value", parsed["PLAIN"]);
        Assert.Equal("yes", parsed["EXPORTED"]);
        Assert.Equal("1", parsed["TABBED"]);
        Assert.Equal("around equals", parsed["SPACED"]);
        Assert.Equal("bare value with spaces", parsed["TRIMMED"]);
        Assert.Equal("bare", parsed["COMMENTED"]);
        Assert.Equal("pass#word", parsed["HASH"]);
        Assert.Equal("", parsed["EMPTY"]);
        Assert.Equal("", parsed["EMPTY_COMMENT"]);
        Assert.Equal("literal $HOME \\n # not a comment", parsed["SINGLE"]);
        Assert.Equal("escaped \"quote\" $HOME \\ tab\tend", parsed["DOUBLE"]);
        Assert.Equal("C:\\Users\\x", parsed["UNKNOWN_ESCAPE"]);
        Assert.Equal("first\nsecond", parsed["MULTI"]);
        Assert.Equal("one\ntwo", parsed["MULTI_SINGLE"]);
        Assert.Equal("last", parsed["AFTER"]);
        Assert.Equal("a variable called export", parsed["export"]);
        Assert.Equal(16, parsed.Count);
    }

    [Fact]
    public void Keeps_file_order_and_the_line_each_entry_starts_on()
    {
        var parsed = DotEnvFormat.Parse("# c\nB=1\nA=\"x\ny\"\n\nC=3\n");
        Assert.Equal(new[] { "B", "A", "C" }, parsed.Select(e => e.Name));
        Assert.Equal(new int?[] { 2, 3, 6 }, parsed.Select(e => e.Line));
    }

    [Fact]
    public void Reads_CRLF_files_as_LF_files()
    {
        var parsed = DotEnvFormat.Parse("\uFEFFA=1\r\nB='two'\r\nC=\"x\r\ny\"  \r\n# c\r\nD=bare # c\r\n").ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal("1", parsed["A"]);
        Assert.Equal("two", parsed["B"]);
        Assert.Equal("x\ny", parsed["C"]);
        Assert.Equal("bare", parsed["D"]);
    }

    [Fact]
    public void Keeps_an_escaped_CR_through_a_CRLF_file()
    {
        string written = DotEnvFormat.Write(new[] { new SecretFileEntry("A", "x\r\ny"), new SecretFileEntry("B", "z") }).Replace("\n", "\r\n");
        var parsed = DotEnvFormat.Parse(written);
        Assert.Equal("x\r\ny", parsed[0].Value);
        Assert.Equal("z", parsed[1].Value);
    }

    [Theory]
    [InlineData("A=1\n" + Sentinel + "\n", 2, "not a NAME=value line")]
    [InlineData("A=1\n\n1ABC=" + Sentinel + "\n", 3, "not a variable name")]
    [InlineData("my-key=" + Sentinel, 1, "not a variable name")]
    [InlineData(Sentinel + " = x", 1, "not a variable name")]
    [InlineData("A=1\nB=\"" + Sentinel + "\nmore", 2, "never closed")]
    [InlineData("B='" + Sentinel, 1, "never closed")]
    [InlineData("B='" + Sentinel + "' trailing", 1, "after the closing quote")]
    [InlineData("B=\"x\nx\"" + Sentinel, 2, "after the closing quote")]
    [InlineData("A=1\nA=" + Sentinel, 2, "first set on line 1")]
    [InlineData("export " + Sentinel, 1, "not a NAME=value line")]
    public void A_malformed_line_is_an_error_naming_its_line_and_never_its_text(string file, int line, string why)
    {
        var ex = Assert.Throws<SecretFileFormatException>(() => DotEnvFormat.Parse(file));
        Assert.Equal(line, ex.Line);
        Assert.StartsWith($"Line {line}: ", ex.Message);
        Assert.Contains(why, ex.Message);
        Assert.DoesNotContain(Sentinel, ex.Message);
    }

    [Fact]
    public void An_empty_file_has_no_entries()
    {
        Assert.Empty(DotEnvFormat.Parse(""));
        Assert.Empty(DotEnvFormat.Parse("\n\n# only comments\n   \n"));
        Assert.Equal("", DotEnvFormat.Write(System.Array.Empty<SecretFileEntry>()));
    }

    [Fact]
    public void An_entry_never_shows_its_value()
    {
        var entry = new SecretFileEntry("A", Sentinel);
        Assert.DoesNotContain(Sentinel, entry.ToString());
        Assert.DoesNotContain(Sentinel, $"{entry}");
    }
}
