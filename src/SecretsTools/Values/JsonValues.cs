using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecretsTools.Values;

/// <summary>JSON to and from PowerShell values, for key-value secrets.</summary>
internal static class JsonValues
{
    /// <summary>
    /// Stored JSON as other AWS tools write it: "é" and "+" as themselves, not \u00E9 and \u002B.
    /// (The relaxed encoder is for text that is not embedded in HTML, which secret values are not.)
    /// </summary>
    public static readonly JsonSerializerOptions StoredJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject FromDictionary(IDictionary dictionary)
    {
        var json = new JsonObject();
        foreach (DictionaryEntry entry in dictionary)
            json[System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = ToNode(entry.Value);
        return json;
    }

    public static JsonObject FromPSObject(PSObject obj)
    {
        var json = new JsonObject();
        foreach (var property in obj.Properties)
            json[property.Name] = ToNode(property.Value);
        return json;
    }

    private static JsonNode? ToNode(object? value)
    {
        value = value is PSObject p && p.BaseObject is not PSCustomObject ? p.BaseObject : value;
        return value switch
        {
            null => null,
            string s => JsonValue.Create(s),
            SecureString secure => JsonValue.Create(SecureStrings.ToPlainText(secure)),
            bool b => JsonValue.Create(b),
            int or long or short or byte or uint or ulong or ushort or sbyte => JsonValue.Create(System.Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            float or double when !double.IsFinite(System.Convert.ToDouble(value, CultureInfo.InvariantCulture))
                => throw new ArgumentException("JSON has no NaN or infinity."),
            float or double or decimal => JsonValue.Create(System.Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
            DateTime d => JsonValue.Create(d.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture)),
            PSCredential c => JsonNode.Parse(SecretInputConverter.CredentialJson(c)),
            IDictionary d => FromDictionary(d),
            PSObject o => FromPSObject(o),
            IEnumerable e => ToArray(e),
            _ => JsonValue.Create(System.Convert.ToString(value, CultureInfo.InvariantCulture)),
        };
    }

    private static JsonArray ToArray(IEnumerable items)
    {
        var array = new JsonArray();
        foreach (object? item in items) array.Add(ToNode(item));
        return array;
    }

    /// <summary>Parses a JSON object, or returns null when the text is not one.</summary>
    public static JsonObject? TryParseObject(string text)
    {
        try
        {
            // JsonNode parses duplicate keys lazily and throws when they are first enumerated:
            // enumerate here, so a value such as {"a":1,"a":2} is simply not a usable JSON object.
            var json = JsonNode.Parse(text) as JsonObject;
            _ = json?.Count;
            return json;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A JSON object as a Hashtable: strings, numbers, bools, nested Hashtables and arrays.</summary>
    public static Hashtable ToHashtable(JsonObject json)
    {
        var table = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, node) in json)
        {
            if (table.ContainsKey(key)) table = Rebuild(table, StringComparer.Ordinal); // keys differing only in case
            table[key] = ToPowerShell(node);
        }
        return table;
    }

    private static Hashtable Rebuild(Hashtable source, IEqualityComparer comparer)
    {
        var table = new Hashtable(comparer);
        foreach (DictionaryEntry e in source) table[e.Key] = e.Value;
        return table;
    }

    public static object? ToPowerShell(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => ToHashtable(o),
        JsonArray a => ToObjectArray(a),
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when v.TryGetValue(out long l) => l,
        JsonValue v when v.TryGetValue(out decimal m) => m,
        _ => node.ToJsonString(StoredJson),
    };

    private static object?[] ToObjectArray(JsonArray array)
    {
        var items = new object?[array.Count];
        for (int i = 0; i < array.Count; i++) items[i] = ToPowerShell(array[i]);
        return items;
    }

    /// <summary>A field as text: strings as they are, anything else as its JSON.</summary>
    public static string FieldText(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue(out string? s) => s!,
        _ => node.ToJsonString(StoredJson),
    };
}
