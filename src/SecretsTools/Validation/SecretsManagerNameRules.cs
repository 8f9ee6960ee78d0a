using System.Text.RegularExpressions;
using SecretsTools.Stores;

namespace SecretsTools.Validation;

/// <summary>Secrets Manager's name rules (aws-facts.md, section 1).</summary>
internal static class SecretsManagerNameRules
{
    public const int MaxNameLength = 512;
    public const string CharacterRule = "Secrets Manager names may contain only ASCII letters, digits and / _ + = . @ -.";
    private static readonly Regex AllowedCharacters = new("^[A-Za-z0-9/_+=.@-]+\\z", RegexOptions.Compiled);

    // ARNs end in the name plus '-' and six random characters, so a name that already ends like
    // that makes a partial ARN look complete.
    private static readonly Regex LooksLikeArnSuffix = new("-[A-Za-z0-9]{6}\\z", RegexOptions.Compiled);

    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name))
            throw SecretStoreException.InvalidName(name, "a Secrets Manager name cannot be empty.");
        if (Printable.FirstControl(name) is int at and >= 0)
            throw SecretStoreException.InvalidName(name, $"Secrets Manager names cannot contain control characters ('{Printable.Of(name)}' has U+{(int)name[at]:X4} at position {at + 1}); they may contain only ASCII letters, digits and / _ + = . @ -.");
        if (name.Length > MaxNameLength)
            throw SecretStoreException.InvalidName(name, $"Secrets Manager names are at most {MaxNameLength} characters; this one has {name.Length}.");
        if (!AllowedCharacters.IsMatch(name))
            throw SecretStoreException.InvalidName(name, "Secrets Manager names may contain only ASCII letters, digits and / _ + = . @ -.");
    }

    public static bool HasArnLikeSuffix(string name) => LooksLikeArnSuffix.IsMatch(name);
}
