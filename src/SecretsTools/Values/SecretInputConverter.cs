using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Text.Json.Nodes;
using SecretsTools.Stores;

namespace SecretsTools.Values;

/// <summary>
/// Turns what a user passes to -Secret into the value a store writes: text, JSON (PSCredential,
/// hashtable, PSCustomObject), a StringList (string[]), or binary (byte[]).
/// </summary>
internal static class SecretInputConverter
{
    public static SecretValue Convert(object? input, string name) => Convert(input, name, asStringList: false);

    /// <summary>
    /// asStringList: -Type StringList. Text becomes a one-item-per-comma StringList; a value that
    /// would be stored as JSON (PSCredential, hashtable, PSCustomObject) or binary is refused, since
    /// splitting its JSON at commas stores something no reader expects.
    /// </summary>
    public static SecretValue Convert(object? input, string name, bool asStringList)
    {
        object? value = input is PSObject pso && pso.BaseObject is not PSCustomObject ? pso.BaseObject : input;
        if (asStringList && value is PSCredential or IDictionary or PSObject or byte[])
            throw new SecretStoreException(ErrorIds.UnsupportedSecretType, ErrorCategory.InvalidType, name,
                $"-Type StringList takes a string or a string[]; a {(value is PSObject ? "PSCustomObject" : value!.GetType().Name)} would be stored as JSON split at its commas. Nothing was written.");
        var converted = value switch
        {
            null => throw Unsupported(name, "null"),
            string text => SecretValue.FromText(WellFormed(text, name)),
            SecureString secure => SecretValue.FromText(WellFormed(SecureStrings.ToPlainText(secure), name)),
            PSCredential credential => SecretValue.FromText(WellFormed(CredentialJson(credential), name)),
            byte[] bytes => SecretValue.FromBinary(bytes),
            IDictionary dictionary => Json(() => JsonValues.FromDictionary(dictionary), name),
            PSObject custom => Json(() => JsonValues.FromPSObject(custom), name),
            IEnumerable<object> or IEnumerable<string> => StringList((IEnumerable)value, name),
            _ => throw Unsupported(name, value.GetType().FullName ?? value.GetType().Name),
        };
        return asStringList && converted.Kind == SecretValueKind.Text ? SecretValue.FromStringList(converted.Text!) : converted;
    }

    /// <summary>Refuses text UTF-8 cannot carry (a lone surrogate) instead of storing U+FFFD in its place.</summary>
    public static string WellFormed(string text, string name) =>
        SecretText.HasLoneSurrogate(text)
            ? throw new SecretStoreException(ErrorIds.InvalidSecretValue, ErrorCategory.InvalidData, name,
                "The value holds a lone UTF-16 surrogate (half of a character pair), which UTF-8 cannot carry; it would be stored as U+FFFD. Nothing was written.")
            : text;

    public static string CredentialJson(PSCredential credential) => new JsonObject
    {
        ["username"] = credential.UserName,
        ["password"] = SecureStrings.ToPlainText(credential.Password),
    }.ToJsonString(JsonValues.StoredJson);

    private static SecretValue Json(Func<JsonObject> build, string name)
    {
        try { return SecretValue.FromText(build().ToJsonString(JsonValues.StoredJson)); }
        catch (JsonShapeException ex)
        {
            throw new SecretStoreException(ex.ErrorId, ErrorCategory.InvalidData, name,
                $"-Secret cannot be stored as JSON: {ex.Message}. Nothing was written.");
        }
        catch (ArgumentException ex) { throw Unsupported(name, "a value JSON cannot hold (" + ex.Message.TrimEnd('.') + ")"); }
    }

    private static SecretValue StringList(IEnumerable items, string name)
    {
        var strings = new List<string>();
        foreach (object? item in items)
        {
            object? element = item is PSObject p ? p.BaseObject : item;
            if (element is not string s)
                throw Unsupported(name, "an array of " + (element?.GetType().Name ?? "null") + " (only string arrays become StringLists)");
            if (s.Contains(','))
                throw new SecretStoreException(ErrorIds.UnsupportedSecretType, ErrorCategory.InvalidData, name,
                    "A StringList item contains a comma; Parameter Store separates StringList items with commas and has no escaping.");
            strings.Add(WellFormed(s, name));
        }
        return SecretValue.FromStringList(string.Join(",", strings));
    }

    private static SecretStoreException Unsupported(string name, string what) =>
        new(ErrorIds.UnsupportedSecretType, ErrorCategory.InvalidType, name,
            $"-Secret cannot store {what}. Pass a string, SecureString, PSCredential, hashtable, PSCustomObject, string[] (StringList) or byte[] (binary).");
}
