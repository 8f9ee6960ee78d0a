using System.Collections.Generic;
using System.Text;

namespace SecretsTools.Exchange;

/// <summary>
/// Reads .env files as dotenv libraries write them: NAME=value and export NAME=value (spaces
/// around '=' allowed), blank lines, '#' comments on their own lines and after a value (after an
/// unquoted value only when a space or tab comes before the '#'), bare values (trimmed),
/// single-quoted values (literal), and double-quoted values with the escapes \\ \" \' \n \r \t \$
/// (any other backslash is kept as it is). Quoted values may span lines; CRLF files read as LF
/// files (a CRLF inside a quoted value becomes LF). A name given twice is an error, since an
/// import cannot know which one was meant. Errors name the line, never its text: a malformed
/// line may be a value.
/// </summary>
internal static class DotEnvParser
{
    public static IReadOnlyList<SecretFileEntry> Parse(string text)
    {
        string s = text.Replace("\r\n", "\n");
        if (s.Length > 0 && s[0] == '\uFEFF') s = s[1..];
        var entries = new List<SecretFileEntry>();
        var firstLine = new Dictionary<string, int>(System.StringComparer.Ordinal);
        int pos = 0, line = 1;

        while (pos < s.Length)
        {
            pos = SkipBlanks(s, pos);
            if (pos >= s.Length) break;
            if (s[pos] == '\n') { pos++; line++; continue; }
            if (s[pos] == '#') { pos = EndOfLine(s, pos); continue; }

            int entryLine = line;
            pos = SkipExport(s, pos);
            int nameStart = pos;
            while (pos < s.Length && (char.IsAsciiLetterOrDigit(s[pos]) || s[pos] == '_')) pos++;
            string name = s[nameStart..pos];
            pos = SkipBlanks(s, pos);
            if (pos >= s.Length || s[pos] != '=' || !DotEnvFormat.IsVariableName(name))
            {
                bool hasEquals = s.IndexOf('=', nameStart, EndOfLine(s, nameStart) - nameStart) >= 0;
                throw new SecretFileFormatException(hasEquals
                    ? "the text before '=' is not a variable name (letters, digits and '_', not beginning with a digit)."
                    : "this is not a NAME=value line.", entryLine);
            }
            pos++; // '='
            int afterEquals = pos;
            pos = SkipBlanks(s, pos);

            string value;
            if (pos < s.Length && s[pos] == '\'')
            {
                int close = s.IndexOf('\'', pos + 1);
                if (close < 0) throw new SecretFileFormatException($"the single-quoted value of '{name}' is never closed.", entryLine, name);
                value = s[(pos + 1)..close];
                line += Count(value, '\n');
                pos = AfterQuoted(s, close + 1, ref line, name);
            }
            else if (pos < s.Length && s[pos] == '"')
            {
                (value, pos) = DoubleQuoted(s, pos + 1, ref line, name, entryLine);
                pos = AfterQuoted(s, pos, ref line, name);
            }
            else
            {
                (value, pos) = Bare(s, pos, pos > afterEquals);
            }

            if (firstLine.TryGetValue(name, out int first))
                throw new SecretFileFormatException($"'{name}' is set again; it was first set on line {first}.", entryLine, name);
            firstLine[name] = entryLine;
            entries.Add(new SecretFileEntry(name, value, entryLine));
        }
        return entries;
    }

    /// <summary>"export NAME=..." as shells write it; a variable that is itself called export is kept.</summary>
    private static int SkipExport(string s, int pos)
    {
        const string keyword = "export";
        if (string.CompareOrdinal(s, pos, keyword, 0, keyword.Length) != 0) return pos;
        int after = pos + keyword.Length;
        if (after >= s.Length || s[after] is not (' ' or '\t')) return pos;
        int next = SkipBlanks(s, after);
        return next < s.Length && s[next] == '=' ? pos : next;
    }

    private static (string Value, int Pos) DoubleQuoted(string s, int pos, ref int line, string name, int entryLine)
    {
        var value = new StringBuilder();
        while (pos < s.Length)
        {
            char c = s[pos++];
            if (c == '"') return (value.ToString(), pos);
            if (c == '\n') line++;
            if (c != '\\' || pos >= s.Length)
            {
                value.Append(c);
                continue;
            }
            char next = s[pos++];
            switch (next)
            {
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case '\\' or '"' or '$' or '\'': value.Append(next); break;
                default:
                    // Not an escape: a path such as "C:\Users" keeps its backslash.
                    if (next == '\n') line++;
                    value.Append('\\').Append(next);
                    break;
            }
        }
        throw new SecretFileFormatException($"the double-quoted value of '{name}' is never closed.", entryLine, name);
    }

    /// <summary>An unquoted value: the rest of the line, up to a comment, without the spaces around it.</summary>
    private static (string Value, int Pos) Bare(string s, int pos, bool afterBlank)
    {
        int end = EndOfLine(s, pos);
        int stop = end;
        for (int i = pos; i < end; i++)
        {
            bool blankBefore = i == pos ? afterBlank : s[i - 1] is ' ' or '\t';
            if (s[i] == '#' && blankBefore) { stop = i; break; }
        }
        return (s[pos..stop].TrimEnd(' ', '\t'), end);
    }

    /// <summary>After a closing quote: blanks, then a comment or the end of the line, and nothing else.</summary>
    private static int AfterQuoted(string s, int pos, ref int line, string name)
    {
        pos = SkipBlanks(s, pos);
        if (pos < s.Length && s[pos] == '#') pos = EndOfLine(s, pos);
        if (pos < s.Length && s[pos] != '\n')
            throw new SecretFileFormatException($"unexpected text after the closing quote of '{name}'.", line, name);
        return pos;
    }

    private static int SkipBlanks(string s, int pos)
    {
        while (pos < s.Length && s[pos] is ' ' or '\t') pos++;
        return pos;
    }

    private static int EndOfLine(string s, int pos)
    {
        int end = s.IndexOf('\n', pos);
        return end < 0 ? s.Length : end;
    }

    private static int Count(string s, char c)
    {
        int n = 0;
        foreach (char x in s) if (x == c) n++;
        return n;
    }
}
