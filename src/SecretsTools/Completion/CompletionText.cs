using System.Management.Automation;

namespace SecretsTools.Completion;

/// <summary>What the user typed, and completion results PowerShell reads back as the same text.</summary>
internal static class CompletionText
{
    // Characters that make PowerShell read an unquoted argument as something else (a variable,
    // a sub-expression, splatting, a comment, a second argument, a pipe, a parameter, a string).
    private static readonly char[] NeedsQuotes =
    {
        ' ', '\t', '$', '`', '\'', '"', '#', '@', '(', ')', ';', ',', '{', '}', '|', '&', '<', '>',
        '\u2018', '\u2019', '\u201A', '\u201B', '\u201C', '\u201D', '\u201E',
    };

    /// <summary>The word being completed without the quote the user may have opened it with.</summary>
    public static string Typed(string? wordToComplete) => (wordToComplete ?? "").Trim('\'', '"');

    /// <summary>The text as a single-quoted string when PowerShell would not read it back bare.</summary>
    public static string Quote(string text) =>
        text.Length == 0 || text.IndexOfAny(NeedsQuotes) >= 0 || text[0] == '-'
            ? "'" + text.Replace("'", "''") + "'"
            : text;

    /// <summary>A parameter value; the tooltip is the item's name, never anything read from a value.</summary>
    public static CompletionResult Result(string text, string? listItem = null, string? toolTip = null) =>
        new(Quote(text), listItem ?? text, CompletionResultType.ParameterValue, toolTip ?? listItem ?? text);
}
