using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Stores.ParameterStore;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>
/// ListSecrets filters for a Get-SecretInfo query, and the local check for what they cannot
/// express: wildcards past the literal prefix, exact names, a tag's key and value together
/// (tag-key and tag-value filters match independently), and one level under -Path.
/// </summary>
internal static class SecretsManagerFilters
{
    // ListSecrets takes at most 10 filters, each value 1-512 characters of this set; a leading '!'
    // negates. Whatever cannot be sent as it is gets matched locally only (LocalMatcher checks all).
    private const int MaxFilters = 10;
    private const int MaxValueLength = 512;
    private static readonly System.Text.RegularExpressions.Regex SendableValue = new(@"^[a-zA-Z0-9 :_@/+=.\-]+$");

    public static List<Filter> For(SecretListQuery query)
    {
        var candidates = new List<Filter>();
        string? namePrefix = NamePrefix(query);
        if (!string.IsNullOrEmpty(namePrefix)) candidates.Add(Filter("name", namePrefix));
        if (query.Description is not null) candidates.Add(Filter("description", query.Description));
        foreach (var (key, value) in query.Tags)
        {
            candidates.Add(Filter("tag-key", key));
            if (value is not null) candidates.Add(Filter("tag-value", value));
        }
        return candidates.Where(f => IsSendable(f.Values[0])).Take(MaxFilters).ToList();
    }

    private static bool IsSendable(string value) => value.Length <= MaxValueLength && SendableValue.IsMatch(value);

    public static Func<SecretInfo, bool> LocalMatcher(SecretListQuery query)
    {
        var pattern = query.NamePattern is null ? null : new WildcardPattern(query.NamePattern, WildcardOptions.None);
        string? path = PathPrefix(query.Path);
        return info =>
            (pattern is null || pattern.IsMatch(info.Name))
            && (path is null || (info.Name.StartsWith(path, StringComparison.Ordinal)
                                 && (query.Recurse || !info.Name[path.Length..].Contains('/'))))
            && (query.Description is null || (info.Description ?? "").StartsWith(query.Description, StringComparison.OrdinalIgnoreCase))
            && query.Tags.All(t => info.Tags is not null && info.Tags.ContainsKey(t.Key) && (t.Value is null || Equals(info.Tags[t.Key], t.Value)))
            && (query.IncludeDeleted || info.DeletedDate is null);
    }

    /// <summary>The longest literal prefix both the name pattern and the path demand.</summary>
    private static string? NamePrefix(SecretListQuery query)
    {
        string? fromPattern = query.NamePattern is null ? null : ParameterStoreFilters.LiteralPrefix(query.NamePattern);
        string? fromPath = PathPrefix(query.Path);
        if (fromPattern is null) return fromPath;
        if (fromPath is null) return fromPattern;
        return fromPattern.Length >= fromPath.Length ? fromPattern : fromPath;
    }

    private static string? PathPrefix(string? path) => path is null || path == "/" ? null : path.TrimEnd('/') + "/";

    private static Filter Filter(string key, string value) => new() { Key = key, Values = new List<string> { value } };
}
