using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using SecretsTools.Stores;

namespace SecretsTools.Validation;

/// <summary>
/// Label rules of both stores, checked before any call so a bad label changes nothing
/// (aws-facts.md: Parameter Store LabelParameterVersion; Secrets Manager staging labels).
/// </summary>
internal static class VersionLabelRules
{
    public const int ParameterLabelMaxLength = 100;
    public const int ParameterLabelsPerVersion = 10;
    public const int StageMaxLength = 256;

    private static readonly Regex ParameterLabelCharacters = new("^[a-zA-Z0-9_.-]+\\z", RegexOptions.Compiled);

    public static void ValidateParameterLabels(string name, IReadOnlyList<string> labels)
    {
        foreach (string label in labels)
        {
            if (string.IsNullOrEmpty(label) || label.Length > ParameterLabelMaxLength)
                throw Invalid(name, label, $"Parameter Store labels are 1 to {ParameterLabelMaxLength} characters.");
            if (!ParameterLabelCharacters.IsMatch(label))
                throw Invalid(name, label, "Parameter Store labels may contain only letters, digits, '.', '-' and '_'.");
            if (char.IsAsciiDigit(label[0]))
                throw Invalid(name, label, "Parameter Store labels cannot begin with a digit.");
            if (label.StartsWith("aws", StringComparison.OrdinalIgnoreCase) || label.StartsWith("ssm", StringComparison.OrdinalIgnoreCase))
                throw Invalid(name, label, "Parameter Store labels cannot begin with 'aws' or 'ssm' (any case).");
        }
        int distinct = labels.Distinct(StringComparer.Ordinal).Count();
        if (distinct > ParameterLabelsPerVersion)
            throw TooMany(name, distinct);
    }

    public static void ValidateStages(string name, IReadOnlyList<string> labels)
    {
        foreach (string label in labels)
            if (string.IsNullOrEmpty(label) || label.Length > StageMaxLength)
                throw Invalid(name, label, $"Secrets Manager staging labels are 1 to {StageMaxLength} characters.");
    }

    public static SecretStoreException TooMany(string name, int count) =>
        new(ErrorIds.VersionLabelLimitExceeded, ErrorCategory.LimitsExceeded, name,
            $"A Parameter Store version holds at most {ParameterLabelsPerVersion} labels; this would give a version of '{name}' {count}. Nothing was changed.");

    private static SecretStoreException Invalid(string name, string label, string why) =>
        new(ErrorIds.InvalidVersionLabel, ErrorCategory.InvalidArgument, name, $"'{label}' is not a valid label for '{name}': {why} Nothing was changed.");
}
