using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>-Tag hashtables to the string dictionaries the stores take.</summary>
internal static class TagParameters
{
    public static IReadOnlyDictionary<string, string>? ToDictionary(Hashtable? tags, string name)
    {
        if (tags is null) return null;
        var result = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (DictionaryEntry entry in tags)
        {
            string key = System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
            object? value = entry.Value is PSObject p ? p.BaseObject : entry.Value;
            result[key] = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
        return result;
    }

    /// <summary>For filters: a $null or '*' value matches any value of the key.</summary>
    public static IReadOnlyDictionary<string, string?> ToFilter(Hashtable? tags)
    {
        var result = new Dictionary<string, string?>(System.StringComparer.Ordinal);
        if (tags is null) return result;
        foreach (DictionaryEntry entry in tags)
        {
            string key = System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
            object? value = entry.Value is PSObject p ? p.BaseObject : entry.Value;
            string? text = value is null ? null : System.Convert.ToString(value, CultureInfo.InvariantCulture);
            result[key] = text is null or "*" ? null : text;
        }
        return result;
    }
}
