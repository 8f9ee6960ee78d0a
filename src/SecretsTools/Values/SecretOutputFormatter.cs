using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using SecretsTools.Stores;

namespace SecretsTools.Values;

/// <summary>
/// Shapes a value for Get-Secret: SecureString unless -AsPlainText; a field with -Key; a Hashtable
/// or PSCredential from JSON; byte[] for binary; string[] for a StringList (a non-secret type).
/// </summary>
internal static class SecretOutputFormatter
{
    public static object Format(SecretValue value, SecretOutputOptions options, string name)
    {
        bool wantsJson = options.Key is not null || options.AsHashtable || options.AsCredential;
        if (value.Kind == SecretValueKind.Binary)
        {
            if (wantsJson)
                throw new SecretStoreException(ErrorIds.SecretNotJson, ErrorCategory.InvalidType, name,
                    $"Secret '{name}' holds binary data; -Key, -AsHashtable and -AsCredential need a JSON text value.");
            return value.Binary!;
        }
        if (value.Kind == SecretValueKind.StringList && !wantsJson)
            return value.ToStringList();

        string text = value.Text ?? "";
        if (!wantsJson) return Text(text, options.AsPlainText);

        var json = JsonValues.TryParseObject(text)
            ?? throw new SecretStoreException(ErrorIds.SecretNotJson, ErrorCategory.InvalidData, name,
                $"Secret '{name}' is not a JSON object, so -Key, -AsHashtable and -AsCredential cannot read it.");

        if (options.Key is not null)
        {
            var match = json.FirstOrDefault(p => p.Key == options.Key);
            if (match.Key is null) match = json.FirstOrDefault(p => string.Equals(p.Key, options.Key, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null)
                throw new SecretStoreException(ErrorIds.SecretKeyNotFound, ErrorCategory.ObjectNotFound, name,
                    $"Secret '{name}' has no field '{options.Key}'. Its fields: {string.Join(", ", json.Select(p => p.Key))}.");
            return Text(JsonValues.FieldText(match.Value), options.AsPlainText);
        }
        if (options.AsCredential) return Credential(json, name);
        return JsonValues.ToHashtable(json);
    }

    private static object Text(string text, bool asPlainText) => asPlainText ? text : SecureStrings.FromString(text);

    private static PSCredential Credential(JsonObject json, string name)
    {
        string? user = Field(json, "username");
        string? password = Field(json, "password");
        if (string.IsNullOrEmpty(user) || password is null)
            throw new SecretStoreException(ErrorIds.SecretNotCredential, ErrorCategory.InvalidData, name,
                $"Secret '{name}' needs a non-empty 'username' and a 'password' field to become a PSCredential.");
        return new PSCredential(user!, SecureStrings.FromString(password));
    }

    private static string? Field(JsonObject json, string field)
    {
        var match = json.FirstOrDefault(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase));
        return match.Key is null ? null : JsonValues.FieldText(match.Value);
    }
}
