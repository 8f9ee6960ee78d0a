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
    public static SecretValue Convert(object? input, string name)
    {
        object? value = input is PSObject pso && pso.BaseObject is not PSCustomObject ? pso.BaseObject : input;
        return value switch
        {
            null => throw Unsupported(name, "null"),
            string text => SecretValue.FromText(text),
            SecureString secure => SecretValue.FromText(SecureStrings.ToPlainText(secure)),
            PSCredential credential => SecretValue.FromText(CredentialJson(credential)),
            byte[] bytes => SecretValue.FromBinary(bytes),
            IDictionary dictionary => Json(() => JsonValues.FromDictionary(dictionary), name),
            PSObject custom => Json(() => JsonValues.FromPSObject(custom), name),
            IEnumerable<object> or IEnumerable<string> => StringList((IEnumerable)value, name),
            _ => throw Unsupported(name, value.GetType().FullName ?? value.GetType().Name),
        };
    }

    public static string CredentialJson(PSCredential credential) => new JsonObject
    {
        ["username"] = credential.UserName,
        ["password"] = SecureStrings.ToPlainText(credential.Password),
    }.ToJsonString(JsonValues.StoredJson);

    private static SecretValue Json(Func<JsonObject> build, string name)
    {
        try { return SecretValue.FromText(build().ToJsonString(JsonValues.StoredJson)); }
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
            strings.Add(s);
        }
        return SecretValue.FromStringList(string.Join(",", strings));
    }

    private static SecretStoreException Unsupported(string name, string what) =>
        new(ErrorIds.UnsupportedSecretType, ErrorCategory.InvalidType, name,
            $"-Secret cannot store {what}. Pass a string, SecureString, PSCredential, hashtable, PSCustomObject, string[] (StringList) or byte[] (binary).");
}
