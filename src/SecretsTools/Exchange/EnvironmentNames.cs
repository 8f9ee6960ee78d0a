using System.Text;

namespace SecretsTools.Exchange;

/// <summary>
/// (Placeholder until the exchange branch lands.) A secret name relative to a root, plus an
/// optional JSON key, as an environment variable name: upper case, runs of other characters as one '_'.
/// </summary>
internal static class EnvironmentNames
{
    public static string From(string name, string? root, string? key)
    {
        string relative = root is not null && name.StartsWith(root, System.StringComparison.Ordinal) ? name[root.Length..] : name;
        string text = key is null ? relative : relative + "_" + key;
        var builder = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToUpperInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '_') builder.Append('_');
        }
        string result = builder.ToString().Trim('_');
        return result.Length > 0 && char.IsAsciiDigit(result[0]) ? "_" + result : result;
    }
}
