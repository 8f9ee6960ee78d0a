using System;
using System.Management.Automation;
using SecretsTools.Commands;
using SecretsTools.Exchange;

namespace SecretsTools.Runbooks;

/// <summary>
/// How Invoke-WithSecret and Export-Secret name what they hand on: a secret's name relative to the
/// root it was listed under, then -NameTransform's choice or the environment-variable form.
/// </summary>
internal static class EntryNames
{
    /// <summary>The name after the root (and the '/' that follows it); the full name when the root is empty, absent or the whole name.</summary>
    public static string Relative(string name, string root)
    {
        if (root.Length == 0 || !name.StartsWith(root, StringComparison.Ordinal)) return name;
        string relative = name[root.Length..].TrimStart('/');
        return relative.Length == 0 ? name : relative;
    }

    /// <summary>-NameTransform's name for a secret (and JSON key), else DB_PASSWORD style (EnvironmentNames).</summary>
    public static string For(ScriptBlock? transform, string name, string? field) =>
        transform is null ? EnvironmentNames.For(name, null, field) : NameTransforms.Invoke(transform, name, field);
}
