using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace SecretsTools.Runbooks;

/// <summary>
/// A text with {{ reference }} placeholders: a reference is what Get-Secret takes (a name, ssm:/sm:,
/// an ARN, #field, :version), with optional spaces inside the braces. Names hold no spaces or
/// braces in either store, so "{{ " followed by anything else is left as it is.
/// </summary>
internal static class SecretTemplate
{
    private static readonly Regex Placeholder = new(@"\{\{\s*(?<ref>[^\s{}]+)\s*\}\}", RegexOptions.CultureInvariant);

    /// <summary>The distinct references of some texts, in order of first appearance.</summary>
    public static IReadOnlyList<string> References(IEnumerable<string> texts) =>
        texts.SelectMany(t => Placeholder.Matches(t).Select(m => m.Groups["ref"].Value)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The text with every placeholder replaced by its reference's value.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder.Replace(text, m => values[m.Groups["ref"].Value]);
}
