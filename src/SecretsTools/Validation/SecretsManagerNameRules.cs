using System.Text.RegularExpressions;
using SecretsTools.Stores;

namespace SecretsTools.Validation;

/// <summary>Secrets Manager's name rules (aws-facts.md, section 1).</summary>
internal static class SecretsManagerNameRules
{
    public const int MaxNameLength = 512;
    private static readonly Regex AllowedCharacters = new("^[A-Za-z0-9/_+=.@-]+$", RegexOptions.Compiled);

    // ARNs end in the name plus '-' and six random characters, so a name that already ends like
    // that makes a partial ARN look complete.
    private static readonly Regex LooksLikeArnSuffix = new("-[A-Za-z0-9]{6}$", RegexOptions.Compiled);

    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name))
            throw SecretStoreException.InvalidName(name, "a Secrets Manager name cannot be empty.");
        if (name.Length > MaxNameLength)
            throw SecretStoreException.InvalidName(name, $"Secrets Manager names are at most {MaxNameLength} characters; this one has {name.Length}.");
        if (!AllowedCharacters.IsMatch(name))
            throw SecretStoreException.InvalidName(name, "Secrets Manager names may contain only ASCII letters, digits and / _ + = . @ -.");
    }

    public static bool HasArnLikeSuffix(string name) => LooksLikeArnSuffix.IsMatch(name);
}
