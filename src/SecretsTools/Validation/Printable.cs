using System.Text;

namespace SecretsTools.Validation;

/// <summary>Names and settings in messages with control characters shown, so "a\n" reads as a\u000A, not as two lines.</summary>
internal static class Printable
{
    public static string Of(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
            sb.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString());
        return sb.ToString();
    }

    /// <summary>The first control character in the text, or -1.</summary>
    public static int FirstControl(string text)
    {
        for (int i = 0; i < text.Length; i++) if (char.IsControl(text[i])) return i;
        return -1;
    }
}
