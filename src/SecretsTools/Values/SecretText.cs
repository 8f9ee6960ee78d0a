using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Stores;

namespace SecretsTools.Values;

/// <summary>
/// A value as the text a program, a template or an export file gets: the text itself, a
/// StringList comma-joined as the service holds it, one field of a JSON object, or each of its
/// fields. Binary values have no text form and are one error, named by the secret.
/// </summary>
internal static class SecretText
{
    /// <summary>
    /// Whether the text has a surrogate without its pair. UTF-8 (what both stores take) cannot
    /// encode one; the encoder would silently put U+FFFD in its place.
    /// </summary>
    public static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return true;
        }
        return false;
    }

    public static string Of(SecretValue value, string? field, string name)
    {
        RefuseBinary(value, name);
        if (field is null) return value.Text ?? "";
        return (string)SecretOutputFormatter.Format(value, new SecretOutputOptions(AsPlainText: true, Key: field, AsHashtable: false, AsCredential: false), name);
    }

    /// <summary>A JSON object's fields as texts (nested values as their JSON), in the object's order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Fields(SecretValue value, string name)
    {
        RefuseBinary(value, name);
        var json = JsonValues.TryParseObject(value.Text ?? "")
            ?? throw new SecretStoreException(ErrorIds.SecretNotJson, ErrorCategory.InvalidData, name,
                $"Secret '{name}' is not a JSON object, so its fields cannot be expanded.");
        return json.Select(p => new KeyValuePair<string, string>(p.Key, JsonValues.FieldText(p.Value))).ToList();
    }

    /// <summary>Whether the value is a JSON object whose fields can be expanded.</summary>
    public static bool IsJsonObject(SecretValue value) =>
        value.Kind == SecretValueKind.Text && JsonValues.TryParseObject(value.Text ?? "") is not null;

    private static void RefuseBinary(SecretValue value, string name)
    {
        if (value.Kind == SecretValueKind.Binary)
            throw new SecretStoreException(ErrorIds.SecretNotText, ErrorCategory.InvalidType, name,
                $"Secret '{name}' holds binary data, which has no text form for a variable, a template or an export.");
    }
}
