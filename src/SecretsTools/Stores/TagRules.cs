using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace SecretsTools.Stores;

/// <summary>
/// Tag limits shared by both stores (aws-facts.md; the SSM model's TagKey/TagValue pattern, the
/// characters Secrets Manager documents): key 1–128, value 0–256, letters, digits, spaces and
/// _ . : / = + - @ only, no 'aws:' prefix, at most 50 on a resource counting those already there.
/// </summary>
internal static class TagRules
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;
    public const int MaxTagsPerSecret = 50;
    public const string AllowedCharactersText = "letters, digits, spaces and _ . : / = + - @";
    private static readonly Regex AllowedCharacters = new(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*\z", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static void Validate(string name, IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null) return;
        if (tags.Count > MaxTagsPerSecret)
            throw new SecretStoreException(ErrorIds.TagLimitExceeded, ErrorCategory.LimitsExceeded, name,
                $"A secret takes at most {MaxTagsPerSecret} tags; {tags.Count} were given for '{name}'. Nothing was written.");
        foreach (var (key, value) in tags)
        {
            if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
                throw Invalid(name, $"tag keys are 1 to {MaxKeyLength} characters.");
            if (key.StartsWith("aws:", System.StringComparison.OrdinalIgnoreCase))
                throw Invalid(name, $"tag key '{key}' uses the reserved 'aws:' prefix.");
            if (!AllowedCharacters.IsMatch(key))
                throw Invalid(name, $"tag key '{Validation.Printable.Of(key)}' has a character tags cannot hold; keys and values may contain only {AllowedCharactersText}.");
            if ((value ?? "").Length > MaxValueLength)
                throw Invalid(name, $"the value of tag '{key}' is longer than {MaxValueLength} characters.");
            if (!AllowedCharacters.IsMatch(value ?? ""))
                throw Invalid(name, $"the value of tag '{key}' has a character tags cannot hold; keys and values may contain only {AllowedCharactersText}.");
        }
    }

    /// <summary>
    /// The tags a resource would have after a change (the keys there now, plus those added, less
    /// those removed), refused when over the limit: the service counts the tags already there.
    /// </summary>
    public static void ValidateTotal(string name, IEnumerable<string> existingKeys, IReadOnlyDictionary<string, string>? added, IEnumerable<string>? removed = null, string? target = null)
    {
        if (added is null || added.Count == 0) return;
        var existing = new HashSet<string>(existingKeys, System.StringComparer.Ordinal);
        var keys = new HashSet<string>(existing, System.StringComparer.Ordinal);
        keys.UnionWith(added.Keys);
        if (removed is not null) keys.ExceptWith(removed.Where(r => !added.ContainsKey(r)));
        if (keys.Count > MaxTagsPerSecret)
            throw new SecretStoreException(ErrorIds.TagLimitExceeded, ErrorCategory.LimitsExceeded, target ?? name,
                $"'{name}' has {existing.Count} tags and would have {keys.Count} with those given; a secret takes at most {MaxTagsPerSecret}. Nothing was written.");
    }

    /// <summary>
    /// ValidateTotal against the tags the secret has now, read with one call (ISecretStore.TagsAsync);
    /// no call when no tags are added. A secret that does not exist has none. Every writer that adds
    /// tags to a secret that may exist goes through here, so none learns the limit from a failed call.
    /// </summary>
    public static async System.Threading.Tasks.Task ValidateTotalAsync(ISecretStore store, string name, IReadOnlyDictionary<string, string>? added,
        IEnumerable<string>? removed, System.Threading.CancellationToken cancellationToken, string? target = null)
    {
        if (added is null || added.Count == 0) return;
        var existing = await store.TagsAsync(name, cancellationToken).ConfigureAwait(false);
        if (existing is null) return;
        ValidateTotal(name, existing, added, removed, target);
    }

    /// <summary>ValidateTotal with the tags there now as TagsAsync gives them (keys to values).</summary>
    public static void ValidateTotal(string name, System.Collections.Hashtable existing, IReadOnlyDictionary<string, string>? added, IEnumerable<string>? removed = null, string? target = null) =>
        ValidateTotal(name, existing.Keys.Cast<object>().Select(k => System.Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture) ?? ""), added, removed, target);

    private static SecretStoreException Invalid(string name, string why) =>
        new(ErrorIds.InvalidTag, ErrorCategory.InvalidArgument, name, "Invalid tag: " + why);
}
