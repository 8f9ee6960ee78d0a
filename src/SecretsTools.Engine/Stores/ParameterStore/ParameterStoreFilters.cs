using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Amazon.SimpleSystemsManagement.Model;

namespace SecretsTools.Stores.ParameterStore;

/// <summary>
/// Pushes as much of a Get-SecretInfo query as DescribeParameters can do to the server: the
/// literal prefix of a name pattern, the path, and tag values. The rest is matched locally.
/// </summary>
internal static class ParameterStoreFilters
{
    public static List<ParameterStringFilter> For(SecretListQuery query)
    {
        var filters = new List<ParameterStringFilter>();
        if (query.NamePattern is not null)
        {
            if (!WildcardPattern.ContainsWildcardCharacters(query.NamePattern))
                filters.Add(Filter("Name", "Equals", query.NamePattern));
            else
            {
                string prefix = LiteralPrefix(query.NamePattern);
                if (prefix.Length > 0) filters.Add(Filter("Name", "BeginsWith", prefix));
            }
        }
        if (query.Path is not null)
        {
            filters.Add(Filter("Path", query.Recurse ? "Recursive" : "OneLevel", query.Path));
        }
        foreach (var (key, value) in query.Tags)
        {
            // A tag filter without values matches any value of that key; an empty value cannot be
            // sent, so that key is filtered by presence here and by value locally (NeedsLocalTagCheck).
            filters.Add(string.IsNullOrEmpty(value)
                ? new ParameterStringFilter { Key = "tag:" + key }
                : Filter("tag:" + key, "Equals", value));
        }
        return filters;
    }

    /// <summary>True when a tag filter asks for an empty value, which only a local check can tell.</summary>
    public static bool NeedsLocalTagCheck(SecretListQuery query) => query.Tags.Values.Any(v => v == "");

    /// <summary>The part of a wildcard pattern before its first wildcard character.</summary>
    public static string LiteralPrefix(string pattern)
    {
        int i = pattern.IndexOfAny(new[] { '*', '?', '[', '`' });
        return i < 0 ? pattern : pattern[..i];
    }

    private static ParameterStringFilter Filter(string key, string option, string value) =>
        new() { Key = key, Option = option, Values = new List<string> { value } };
}
