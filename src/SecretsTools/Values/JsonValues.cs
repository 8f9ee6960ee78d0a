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

    /// <summary>
    /// Deepest nesting written: System.Text.Json's own default limit, so what we write every JSON
    /// reader with default settings can read back. Checked while converting, so a deep or
    /// self-referencing object is one clear error instead of a stack overflow that ends the host.
    /// </summary>
    public const int MaxDepth = 64;

    public static JsonObject FromDictionary(IDictionary dictionary) => FromDictionary(dictionary, new Path());

    public static JsonObject FromPSObject(PSObject obj) => FromPSObject(obj, new Path());

    private static JsonObject FromDictionary(IDictionary dictionary, Path path)
    {
        using var _ = path.Enter(dictionary);
        var json = new JsonObject();
        foreach (DictionaryEntry entry in dictionary)
            json[WellFormed(System.Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "")] = ToNode(entry.Value, path);
        return json;
    }

    private static JsonObject FromPSObject(PSObject obj, Path path)
    {
        using var _ = path.Enter(obj);
        var json = new JsonObject();
        foreach (var property in obj.Properties)
            json[WellFormed(property.Name)] = ToNode(property.Value, path);
        return json;
    }

    private static JsonNode? ToNode(object? value, Path path)
    {
        value = value is PSObject p && p.BaseObject is not PSCustomObject ? p.BaseObject : value;
        return value switch
        {
            null => null,
            string s => JsonValue.Create(WellFormed(s)),
            SecureString secure => JsonValue.Create(WellFormed(SecureStrings.ToPlainText(secure))),
            bool b => JsonValue.Create(b),
            int or long or short or byte or uint or ulong or ushort or sbyte => JsonValue.Create(System.Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            float or double when !double.IsFinite(System.Convert.ToDouble(value, CultureInfo.InvariantCulture))
                => throw new ArgumentException("JSON has no NaN or infinity."),
            float or double or decimal => JsonValue.Create(System.Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
            DateTime d => JsonValue.Create(d.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture)),
            PSCredential c => JsonNode.Parse(SecretInputConverter.CredentialJson(c)),
            IDictionary d => FromDictionary(d, path),
            PSObject o => FromPSObject(o, path),
            IEnumerable e => ToArray(e, path),
            _ => JsonValue.Create(WellFormed(System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
        };
    }

    private static JsonArray ToArray(IEnumerable items, Path path)
    {
        using var _ = path.Enter(items);
        var array = new JsonArray();
        foreach (object? item in items) array.Add(ToNode(item, path));
        return array;
    }

    /// <summary>
    /// Text that UTF-8 can carry as it is: a lone surrogate would be replaced by U+FFFD on the
    /// way out, storing a value other than the one given.
    /// </summary>
    private static string WellFormed(string text) =>
        SecretText.HasLoneSurrogate(text)
            ? throw new JsonShapeException(Stores.ErrorIds.InvalidSecretValue, "a string holds a lone UTF-16 surrogate, which UTF-8 cannot carry (it would be stored as U+FFFD)")
            : text;

    /// <summary>The containers from the root to the one being converted: a repeat is a cycle.</summary>
    private sealed class Path
    {
        private readonly HashSet<object> _open = new(ReferenceEqualityComparer.Instance);

        public Leave Enter(object container)
        {
            if (!_open.Add(container))
                throw new JsonShapeException(Stores.ErrorIds.SecretValueCyclic, "the object contains itself (a reference cycle), which JSON cannot hold");
            if (_open.Count > MaxDepth)
            {
                _open.Remove(container);
                throw new JsonShapeException(Stores.ErrorIds.SecretValueTooDeep, $"the object is nested more than {MaxDepth} levels deep, the most JSON readers take");
            }
            return new Leave(_open, container);
        }

        public readonly struct Leave : IDisposable
        {
            private readonly HashSet<object> _open;
            private readonly object _container;
            public Leave(HashSet<object> open, object container) { _open = open; _container = container; }
            public void Dispose() => _open.Remove(_container);
        }
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
