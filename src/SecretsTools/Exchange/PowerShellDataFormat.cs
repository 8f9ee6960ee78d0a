using System;
using System.Collections.Generic;
using System.Management.Automation.Language;
using System.Text;

namespace SecretsTools.Exchange;

/// <summary>
/// PowerShell data files (.psd1): one hashtable literal, <c>@{ 'name' = 'value' }</c>, that
/// Import-PowerShellDataFile reads. Names and values are single-quoted strings, literal in
/// PowerShell: only quotes need escaping, by doubling, and PowerShell takes the typographic
/// quotes ‘ ’ ‚ ‛ as quotes too, so they are doubled as well. Line breaks stay as they are.
/// Reading uses PowerShell's parser and its safe evaluation (SafeGetValue), which runs no code:
/// a value that is not a constant string (a variable, a subexpression, a number) is an error
/// naming its key. Hashtable keys ignore case, so names that differ only in case are refused.
/// </summary>
internal static class PowerShellDataFormat
{
    public static string Write(IEnumerable<SecretFileEntry> entries)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var text = new StringBuilder("@{\n");
        foreach (var entry in entries)
        {
            if (!seen.Add(entry.Name))
                throw new SecretFileFormatException(
                    $"'{entry.Name}' is given twice (PowerShell hashtable keys ignore case); a data file holds each name once.", name: entry.Name);
            text.Append("    ").Append(Quote(entry.Name)).Append(" = ").Append(Quote(entry.Value)).Append('\n');
        }
        return text.Append("}\n").ToString();
    }

    internal static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('\'');
        foreach (char c in value)
        {
            quoted.Append(c);
            if (IsSingleQuote(c)) quoted.Append(c);
        }
        return quoted.Append('\'').ToString();
    }

    /// <summary>The characters PowerShell's tokenizer takes as a single quote.</summary>
    private static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';

    public static IReadOnlyList<SecretFileEntry> Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var ast = Parser.ParseInput(text, out _, out ParseError[] errors);
        if (errors.Length > 0)
        {
            // The error's message quotes the token it stopped at, which may be part of a value: its id only.
            var first = errors[0];
            throw new SecretFileFormatException($"the file is not valid PowerShell data ({first.ErrorId}).", first.Extent.StartLineNumber);
        }
        var hashtable = SingleHashtable(ast)
            ?? throw new SecretFileFormatException("the file must hold one hashtable literal, @{ 'name' = 'value' }, and nothing else.");

        var entries = new List<SecretFileEntry>();
        foreach (var (keyAst, valueAst) in hashtable.KeyValuePairs)
        {
            int line = keyAst.Extent.StartLineNumber;
            if (keyAst is not StringConstantExpressionAst { Value: var name })
                throw new SecretFileFormatException("a name that is not a constant string; quote each name.", line);
            var expression = (valueAst as PipelineAst)?.GetPureExpression();
            object? value = null;
            bool safe = expression is not null;
            if (safe)
            {
                try { value = expression!.SafeGetValue(); }
                catch (InvalidOperationException) { safe = false; }
            }
            if (!safe)
                throw new SecretFileFormatException($"the value of '{name}' is not a constant; write it as a quoted string.", line, name);
            if (value is not string s)
                throw new SecretFileFormatException($"the value of '{name}' is {(value is null ? "$null" : "a " + value.GetType().Name)}, not a string; write it as a quoted string.", line, name);
            entries.Add(new SecretFileEntry(name, s, line));
        }
        return entries;
    }

    /// <summary>The file's hashtable, when the file is one hashtable literal and nothing else.</summary>
    private static HashtableAst? SingleHashtable(ScriptBlockAst ast)
    {
        if (ast.ParamBlock is not null || ast.BeginBlock is not null || ast.ProcessBlock is not null || ast.DynamicParamBlock is not null) return null;
        if (ast.EndBlock is null || ast.EndBlock.Traps is { Count: > 0 } || ast.EndBlock.Statements.Count != 1) return null;
        return (ast.EndBlock.Statements[0] as PipelineAst)?.GetPureExpression() as HashtableAst;
    }
}
