using System;
using System.Text;

namespace SecretsTools.Exchange;

/// <summary>
/// The environment variable name of a secret (or of one JSON key of it), for .env files.
/// The rule: take the secret's name relative to the root (the root removed from its start, when
/// one is given), followed by '_' and the key when there is one; upper-case it; turn every run of
/// characters other than A-Z, a-z and 0-9 into one '_'; trim '_' from both ends; and put a '_'
/// before a leading digit. So <c>/app/prod/db-password</c> under <c>/app/prod</c> is DB_PASSWORD,
/// <c>prod/db</c> with key <c>password</c> under <c>prod/</c> is DB_PASSWORD, and <c>prod/db</c>
/// with key <c>password</c> and no root is PROD_DB_PASSWORD. Only ASCII letters and digits are
/// kept: "é" becomes '_' like any other separator (and no non-ASCII letter is upper-cased into an
/// ASCII one, as "ı" would be into "I"). Different secrets can map to one name (db-password and
/// db_password); callers that write many names check for that.
/// </summary>
internal static class EnvironmentNames
{
    public static string For(string secretName, string? root = null, string? key = null)
    {
        string relative = secretName;
        if (!string.IsNullOrEmpty(root))
        {
            if (!secretName.StartsWith(root, StringComparison.Ordinal))
                throw new ArgumentException($"'{secretName}' is not under '{root}'.", nameof(secretName));
            relative = secretName[root.Length..];
        }
        string source = key is null ? relative : relative + "_" + key;

        var name = new StringBuilder(source.Length + 1);
        bool pendingSeparator = false;
        foreach (char c in source)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                pendingSeparator = true;
                continue;
            }
            if (pendingSeparator && name.Length > 0) name.Append('_');
            pendingSeparator = false;
            name.Append(char.ToUpperInvariant(c));
        }
        if (name.Length == 0)
            throw new ArgumentException($"'{secretName}'{(key is null ? "" : $" with key '{key}'")} has no letters or digits to make a variable name of.", nameof(secretName));
        if (char.IsAsciiDigit(name[0])) name.Insert(0, '_');
        return name.ToString();
    }
}
