using System.Collections.Generic;
using System.Management.Automation;

namespace SecretsTools.Stores;

/// <summary>Tag limits shared by both stores: key 1–128, value 0–256, no 'aws:' prefix.</summary>
internal static class TagRules
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;
    public const int MaxTagsPerSecret = 50;

    public static void Validate(string name, IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null) return;
        if (tags.Count > MaxTagsPerSecret)
            throw Invalid(name, $"a secret takes at most {MaxTagsPerSecret} tags; {tags.Count} were given.");
        foreach (var (key, value) in tags)
        {
            if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
                throw Invalid(name, $"tag keys are 1 to {MaxKeyLength} characters.");
            if (key.StartsWith("aws:", System.StringComparison.OrdinalIgnoreCase))
                throw Invalid(name, $"tag key '{key}' uses the reserved 'aws:' prefix.");
            if ((value ?? "").Length > MaxValueLength)
                throw Invalid(name, $"the value of tag '{key}' is longer than {MaxValueLength} characters.");
        }
    }

    private static SecretStoreException Invalid(string name, string why) =>
        new(ErrorIds.InvalidTag, ErrorCategory.InvalidArgument, name, "Invalid tag: " + why);
}
