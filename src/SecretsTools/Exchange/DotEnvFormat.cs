using System.Collections.Generic;
using System.Text;

namespace SecretsTools.Exchange;

/// <summary>
/// .env files: one NAME=value per line, as dotenv libraries, Docker Compose and many CI systems
/// read them. A value is written bare only when it is made of [A-Za-z0-9_./:@+-] alone (nothing
/// any reader treats specially); otherwise in single quotes, which every dotenv reader takes
/// literally (no $ interpolation, no escapes), when it has no ' and no line break; otherwise in
/// double quotes with the escapes \\ \" \n \r \t and \$ (so no reader interpolates a '$').
/// The file is meant for dotenv readers, not for a shell's 'source': a shell would still expand
/// a backtick inside double quotes.
/// </summary>
internal static class DotEnvFormat
{
    public static string Write(IEnumerable<SecretFileEntry> entries)
    {
        var text = new StringBuilder();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!IsVariableName(entry.Name))
                throw new SecretFileFormatException(
                    $"'{entry.Name}' cannot be a .env variable name: names are letters, digits and '_', and do not begin with a digit.", name: entry.Name);
            if (!seen.Add(entry.Name))
                throw new SecretFileFormatException($"'{entry.Name}' is given twice; a .env file holds each name once.", name: entry.Name);
            text.Append(entry.Name).Append('=').Append(Quote(entry.Value)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The entries of a .env file, in file order; see DotEnvParser for what it accepts.</summary>
    public static IReadOnlyList<SecretFileEntry> Parse(string text) => DotEnvParser.Parse(text);

    /// <summary>[A-Za-z_][A-Za-z0-9_]*: what shells, dotenv libraries and process environments all accept.</summary>
    public static bool IsVariableName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) return false;
        foreach (char c in name)
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        return true;
    }

    internal static string Quote(string value)
    {
        if (IsBare(value)) return value;
        if (value.IndexOfAny(new[] { '\'', '\n', '\r' }) < 0) return "'" + value + "'";
        var quoted = new StringBuilder(value.Length + 8).Append('"');
        foreach (char c in value)
        {
            quoted.Append(c switch
            {
                '\\' => @"\\",
                '"' => "\\\"",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '$' => @"\$",
                _ => c.ToString(),
            });
        }
        return quoted.Append('"').ToString();
    }

    private static bool IsBare(string value)
    {
        foreach (char c in value)
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.' or '/' or ':' or '@' or '+' or '-')) return false;
        return true;
    }
}
