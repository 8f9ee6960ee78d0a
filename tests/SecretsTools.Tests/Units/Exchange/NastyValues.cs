using System.Collections.Generic;
using System.Linq;
using SecretsTools.Exchange;
using Xunit;

namespace SecretsTools.Tests.Units.Exchange;

/// <summary>Values that break naive quoting, shared by the round-trip tests of every format.</summary>
public static class NastyValues
{
    public static readonly string[] All =
    {
        "",
        " ",
        "  leading and trailing  ",
        "plain-value_1.2/x:y@z+",
        "it's",
        "'",
        "''",
        "\"",
        "say \"hi\"",
        "'\"'\"",
        "\u2018curly\u2019 \u201Alow\u201B and 'straight'",
        "\u2019\u2019",
        "line1\nline2",
        "\n",
        "crlf\r\nline\r\n",
        "lone\rcarriage return",
        "tab\there\t",
        "$HOME ${PATH} $(whoami) $",
        "`backtick` `$x `n",
        "#not a comment",
        "a #b",
        "value # with 'comment' after",
        "k=v=w",
        "=",
        @"back\slash\\ \n \t \$ \",
        "ends with a backslash\\",
        "\\\"",
        "unicode é ü 密 🔑 \u00A0 nbsp",
        "\u0001\u001b[31mcontrol",
        "It's \"$5\" \\ `n\n# all together\r\n\t'",
        "export X=1",
        "@{ 'a' = 'b' }",
        "{\"json\": [1, 2]}",
    };

    public static IEnumerable<object[]> Each() => All.Select((v, i) => new object[] { i });

    internal static SecretFileEntry[] AsEntries(System.Func<int, string> name) =>
        All.Select((v, i) => new SecretFileEntry(name(i), v)).ToArray();

    /// <summary>Parsed entries are the written ones, in order, value for value.</summary>
    internal static void AssertSame(IReadOnlyList<SecretFileEntry> expected, IReadOnlyList<SecretFileEntry> actual)
    {
        Assert.Equal(expected.Select(e => e.Name), actual.Select(e => e.Name));
        for (int i = 0; i < expected.Count; i++)
            Assert.True(expected[i].Value == actual[i].Value, $"value {i} of '{expected[i].Name}' came back different: [{Escape(actual[i].Value)}], expected [{Escape(expected[i].Value)}]");
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
}
