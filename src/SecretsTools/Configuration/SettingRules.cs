using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text.RegularExpressions;
using SecretsTools.Model;

namespace SecretsTools.Configuration;

/// <summary>
/// What each setting accepts, in one place for the three ways in (Set-SecretsToolsConfiguration,
/// the CurrentUser file, the SECRETSTOOLS_* variables). A bad value is an ArgumentException whose
/// message says what is expected; callers add where the value came from.
/// </summary>
internal static class SettingRules
{
    // Lenient on purpose: AWS adds Regions, and AWS-compatible servers take names of their own;
    // the point is to catch typing accidents (spaces, capitals, a URL in the wrong setting).
    private static readonly Regex RegionPattern = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

    public static SecretStoreKind Store(string text)
    {
        string trimmed = text.Trim();
        // Enum.TryParse takes "0" and "1" too; only the names are meant.
        if (!int.TryParse(trimmed, out _) && Enum.TryParse(trimmed, ignoreCase: true, out SecretStoreKind store)) return store;
        throw new ArgumentException($"'{text}' is not a store: use ParameterStore or SecretsManager.");
    }

    public static string Region(string text)
    {
        if (text.Length > 64 || !RegionPattern.IsMatch(text))
            throw new ArgumentException($"'{text}' is not an AWS Region name (such as us-east-1): lower-case letters, digits and hyphens.");
        return text;
    }

    /// <summary>
    /// Fallback Regions: each a Region name, in the order given, without repeats. A comma-separated
    /// text (SECRETSTOOLS_FALLBACK_REGION, "eu-west-1,us-west-2") is split first.
    /// </summary>
    public static string[] Regions(IEnumerable<string> items)
    {
        var result = new List<string>();
        foreach (string item in items)
            foreach (string part in item.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                string region = Region(part);
                if (!result.Contains(region, StringComparer.Ordinal)) result.Add(region);
            }
        return result.ToArray();
    }

    /// <summary>RegionEndpoint: Region names to endpoint URLs, each checked as its own setting is.</summary>
    public static IReadOnlyDictionary<string, string> RegionEndpoints(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (region, url) in pairs)
        {
            if (string.IsNullOrWhiteSpace(url)) throw new ArgumentException($"RegionEndpoint['{region}'] has no URL.");
            result[Region(region.Trim())] = EndpointUrl(url);
        }
        return result;
    }

    /// <summary>A hashtable's entries as text pairs, for RegionEndpoints.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Pairs(System.Collections.IDictionary table)
    {
        foreach (System.Collections.DictionaryEntry entry in table)
            yield return new(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "", Convert.ToString(entry.Value is System.Management.Automation.PSObject o ? o.BaseObject : entry.Value, CultureInfo.InvariantCulture) ?? "");
    }

    /// <summary>How RegionEndpoint is shown: a hashtable, as it is given to Set-SecretsToolsConfiguration.</summary>
    public static System.Collections.Hashtable? ToHashtable(IReadOnlyDictionary<string, string>? map)
    {
        if (map is null) return null;
        var table = new System.Collections.Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var (region, url) in map) table[region] = url;
        return table;
    }

    public static string ProfileName(string text)
    {
        bool bad = text.Length > 128 || text.Trim().Length != text.Length || text.IndexOfAny(new[] { '[', ']' }) >= 0;
        foreach (char c in text) bad |= char.IsControl(c);
        if (bad)
            throw new ArgumentException($"'{text}' is not a profile name: no brackets, control characters or spaces at either end.");
        return text;
    }

    /// <summary>
    /// An http(s) URL without user information: the configuration file must never hold a
    /// password, and "http://user:pass@host" would put one there.
    /// </summary>
    public static string EndpointUrl(string text)
    {
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"'{text}' is not an endpoint URL: give an absolute http:// or https:// URL, such as http://127.0.0.1:5000.");
        if (uri.UserInfo.Length > 0)
            throw new ArgumentException("An endpoint URL cannot hold a user name or password; credentials belong in a profile or -Credential.");
        return text.Trim();
    }

    public static TimeSpan CacheTtl(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
            throw new ArgumentException($"A cache time-to-live cannot be negative ('{value}'); use 0 to switch caching off.");
        // The cache keeps nothing longer than its maximum age, whatever a setting says.
        if (value > Caching.SecretCache.MaxAge)
            throw new ArgumentException($"A cache time-to-live can be at most {Caching.SecretCache.MaxAge.TotalHours} hours ('{value}').");
        return value;
    }

    /// <summary>Seconds ("300", "0.5") or a TimeSpan in invariant form ("00:05:00", "1.00:00:00"), as a cache time-to-live.</summary>
    public static TimeSpan Duration(string text) => CacheTtl(AnyDuration(text));

    /// <summary>Seconds or a TimeSpan, as Duration reads them, of any length (an age, not a time-to-live).</summary>
    public static TimeSpan AnyDuration(string text)
    {
        string trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
        {
            if (double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds) return TimeSpan.FromSeconds(seconds);
        }
        else if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }
        throw new ArgumentException($"'{text}' is not a duration: give seconds (300) or hours:minutes:seconds (00:05:00).");
    }

    /// <summary>How a duration is written back: the invariant "c" form that Duration reads.</summary>
    public static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
