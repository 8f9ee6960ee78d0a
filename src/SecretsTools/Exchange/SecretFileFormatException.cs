using System;

namespace SecretsTools.Exchange;

/// <summary>
/// A secrets file that cannot be read, or entries that cannot be written in a format. The message
/// names the line and, where it is known to be a name, the entry; it never quotes a value or the
/// text of a malformed line, which may be a value. For the same reason it never carries the
/// parser's own exception (System.Text.Json and PowerShell quote the text they stopped at).
/// </summary>
internal sealed class SecretFileFormatException : FormatException
{
    public SecretFileFormatException(string message, int? line = null, string? name = null)
        : base(line is null ? message : $"Line {line}: {message}")
    {
        Line = line;
        Name = name;
    }

    /// <summary>The 1-based line the problem is on, when there is one.</summary>
    public int? Line { get; }

    /// <summary>The entry's name, when the problem is about one entry.</summary>
    public string? Name { get; }
}
