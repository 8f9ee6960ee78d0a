using System.Text.RegularExpressions;
using SecretsTools.Stores;

namespace SecretsTools.Validation;

/// <summary>
/// Parameter Store's name rules, checked before any call so bad input writes nothing
/// (see shared/reference/aws-facts.md, section 2).
/// </summary>
internal static class ParameterNameRules
{
    // 2048 in the model, of which 1037 are reserved for the ARN prefix and the service's own use.
    public const int MaxNameLength = 1011;
    public const int MaxHierarchyLevels = 15;
    public const string CharacterRule = "Parameter Store names may contain only letters, digits, '.', '-', '_' and '/'.";
    private static readonly Regex AllowedCharacters = new("^[a-zA-Z0-9_./-]+\\z", RegexOptions.Compiled);

    /// <summary>
    /// Checks a name. Reads and deletes skip the reserved-prefix rule: /aws/service/... (public
    /// parameters) and /aws/reference/secretsmanager/... are real names one can read.
    /// </summary>
    public static void Validate(string name, bool forWrite = true)
    {
        if (string.IsNullOrEmpty(name))
            throw SecretStoreException.InvalidName(name, "a Parameter Store name cannot be empty.");
        if (Printable.FirstControl(name) is int at and >= 0)
            throw SecretStoreException.InvalidName(name, $"Parameter Store names cannot contain control characters ('{Printable.Of(name)}' has U+{(int)name[at]:X4} at position {at + 1}); they may contain only letters, digits, '.', '-', '_' and '/'.");
        if (name.Length > MaxNameLength)
            throw SecretStoreException.InvalidName(name, $"Parameter Store names are at most {MaxNameLength} characters.");
        if (name.Contains(' '))
            throw SecretStoreException.InvalidName(name, "Parameter Store names cannot contain spaces.");
        if (!AllowedCharacters.IsMatch(name))
            throw SecretStoreException.InvalidName(name, "Parameter Store names may contain only letters, digits, '.', '-', '_' and '/'.");
        string firstSegment = name.TrimStart('/').Split('/')[0];
        if (forWrite && firstSegment.StartsWith("aws", System.StringComparison.OrdinalIgnoreCase)
            || forWrite && firstSegment.StartsWith("ssm", System.StringComparison.OrdinalIgnoreCase))
            throw SecretStoreException.InvalidName(name, "Parameter Store names cannot begin with 'aws' or 'ssm' (any case).");
        if (name.Contains('/') && !name.StartsWith('/'))
            throw SecretStoreException.InvalidName(name, "hierarchical Parameter Store names must begin with '/'.");
        if (name.EndsWith('/') || name.Contains("//"))
            throw SecretStoreException.InvalidName(name, "Parameter Store names cannot have empty path segments.");
        int levels = name.TrimStart('/').Split('/').Length;
        if (levels > MaxHierarchyLevels)
            throw SecretStoreException.InvalidName(name, $"Parameter Store names have at most {MaxHierarchyLevels} levels; this one has {levels}.");
    }
}
