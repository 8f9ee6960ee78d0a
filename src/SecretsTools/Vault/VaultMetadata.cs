using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsTools.Stores;

namespace SecretsTools.Vault;

/// <summary>
/// SecretManagement metadata as AWS tags, readable by any other tool: each entry is a tag of the
/// same key, its value as text (DateTime as ISO 8601 UTC). Entries that are not strings have their
/// type in one more tag, SecretManagementMetadataTypes ("Int64:retries DateTime:expires"), so they
/// come back as the type they went in as.
/// </summary>
internal static partial class VaultMetadata
{
    public const string TypesTag = "SecretManagementMetadataTypes";

    // Secrets Manager's tag alphabet (Parameter Store's is the same): letters, digits, spaces and + - = . _ : / @.
    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagText();

    public static bool IsReserved(string key) => key == VaultValues.TypeTag || key == TypesTag;

    /// <summary>
    /// The tags for the metadata, merged over the secret's existing types tag (null: none), or
    /// SecretStoreException(InvalidTag) naming what AWS would refuse.
    /// </summary>
    public static Dictionary<string, string> ToTags(string name, Hashtable? metadata, string? existingTypes)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata is null || metadata.Count == 0) return tags;
        var types = ParseTypes(existingTypes);
        foreach (DictionaryEntry entry in metadata)
        {
            string key = entry.Key?.ToString() ?? "";
            object? value = entry.Value is PSObject p ? p.BaseObject : entry.Value;
            if (IsReserved(key))
                throw Invalid(name, $"metadata key '{key}' is reserved by the SecretsTools vault.");
            if (!TagText().IsMatch(key))
                throw Invalid(name, $"metadata key '{key}' has characters AWS tags do not take (letters, digits, spaces and + - = . _ : / @ only).");
            (string text, string? type) = value switch
            {
                string s => (s, (string?)null),
                int or long or short or byte or sbyte or ushort or uint => (Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), value is long or uint ? "Int64" : "Int32"),
                DateTime d => (d.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture), "DateTime"),
                DateTimeOffset o => (o.UtcDateTime.ToString("o", CultureInfo.InvariantCulture), "DateTime"),
                _ => throw Invalid(name, $"metadata '{key}' is a {value?.GetType().Name ?? "null"}; SecretManagement metadata values are string, int or DateTime."),
            };
            if (!TagText().IsMatch(text))
                throw Invalid(name, $"the value of metadata '{key}' has characters AWS tags do not take (letters, digits, spaces and + - = . _ : / @ only).");
            if (type is not null && (key.Contains(' ') || key.Contains(':')))
                throw Invalid(name, $"metadata '{key}' is a {type}; keys of non-string metadata cannot contain spaces or ':'.");
            if (type is null) types.Remove(key); else types[key] = type;
            tags[key] = text;
        }
        if (types.Count > 0) tags[TypesTag] = string.Join(" ", types.Select(t => $"{t.Value}:{t.Key}"));
        TagRules.Validate(name, tags);
        return tags;
    }

    /// <summary>The metadata the tags hold: every tag but the vault's own, typed as the types tag says.</summary>
    public static Hashtable FromTags(Hashtable? tags)
    {
        var metadata = new Hashtable(StringComparer.Ordinal);
        if (tags is null) return metadata;
        var types = ParseTypes(tags[TypesTag] as string);
        foreach (DictionaryEntry entry in tags)
        {
            string key = (string)entry.Key;
            if (IsReserved(key)) continue;
            string text = entry.Value?.ToString() ?? "";
            metadata[key] = types.TryGetValue(key, out string? type) ? Typed(text, type) : text;
        }
        return metadata;
    }

    private static object Typed(string text, string type) => type switch
    {
        "Int32" when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) => i,
        "Int64" or "Int32" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) => l,
        "DateTime" when DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTime d) => d,
        _ => text, // changed by another tool into something that no longer parses: the text as it is
    };

    private static Dictionary<string, string> ParseTypes(string? text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = part.IndexOf(':');
            if (colon > 0 && colon < part.Length - 1) types[part[(colon + 1)..]] = part[..colon];
        }
        return types;
    }

    private static SecretStoreException Invalid(string name, string why) =>
        new(ErrorIds.InvalidTag, ErrorCategory.InvalidArgument, name, "Invalid metadata: " + why);
}
