using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecretsTools.CloudFormation;

/// <summary>
/// Writes template nodes (CfnMap, lists, strings, longs, doubles, bools, null) as JSON or YAML.
/// No YAML library is referenced (Directory.Packages.props has none, and the module ships no
/// extra dlls), and a template needs only block maps, block lists and scalars, so the YAML is
/// written here. Every string value is double-quoted with JSON's escapes, which YAML's
/// double-quoted style reads the same way, so no name or description can turn into a number,
/// a boolean, a tag (!Ref) or a comment. Keys are plain only where YAML cannot misread them.
/// The relaxed encoder keeps quotes and non-ASCII letters readable (\" rather than \u0022); it
/// still escapes control characters and U+2028/U+2029, which YAML 1.1 would read as line breaks.
/// </summary>
internal static class CfnWriters
{
    private static readonly Regex PlainKey = new("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant);

    // Words YAML 1.1 readers (PyYAML, many tools) take as booleans or null even as keys.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
        { "y", "n", "yes", "no", "true", "false", "on", "off", "null" };

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(CfnMap document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteJson(writer, document);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string Yaml(CfnMap document)
    {
        var text = new StringBuilder();
        WriteMap(text, document, 0);
        return text.ToString();
    }

    private static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case CfnMap map:
                writer.WriteStartObject();
                foreach (var (key, item) in map) { writer.WritePropertyName(key); WriteJson(writer, item); }
                writer.WriteEndObject();
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list) WriteJson(writer, item);
                writer.WriteEndArray();
                break;
            case string s: writer.WriteStringValue(s); break;
            case long n: writer.WriteNumberValue(n); break;
            case double d: writer.WriteNumberValue(d); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case null: writer.WriteNullValue(); break;
            default: throw new ArgumentException($"A template cannot hold a {value.GetType().Name}.");
        }
    }

    private static void WriteMap(StringBuilder text, CfnMap map, int indent)
    {
        foreach (var (key, value) in map)
        {
            text.Append(' ', indent).Append(Key(key)).Append(':');
            WriteValue(text, value, indent);
        }
    }

    /// <summary>The value after "key:" or "-": a scalar on the same line, a collection on the next lines.</summary>
    private static void WriteValue(StringBuilder text, object? value, int indent)
    {
        switch (value)
        {
            case CfnMap { Count: 0 }: text.Append(" {}\n"); break;
            case List<object?> { Count: 0 }: text.Append(" []\n"); break;
            case CfnMap map: text.Append('\n'); WriteMap(text, map, indent + 2); break;
            case List<object?> list: text.Append('\n'); WriteList(text, list, indent + 2); break;
            default: text.Append(' ').Append(Scalar(value)).Append('\n'); break;
        }
    }

    private static void WriteList(StringBuilder text, List<object?> list, int indent)
    {
        foreach (var item in list)
        {
            if (item is CfnMap { Count: > 0 } map)
            {
                // "- " then the map's first key on the same line, the rest aligned under it.
                var inner = new StringBuilder();
                WriteMap(inner, map, indent + 2);
                text.Append(' ', indent).Append("- ").Append(inner.ToString(indent + 2, inner.Length - indent - 2));
            }
            else if (item is List<object?> { Count: > 0 } nested)
            {
                text.Append(' ', indent).Append("-\n");
                WriteList(text, nested, indent + 2);
            }
            else
            {
                text.Append(' ', indent).Append('-');
                WriteValue(text, item, indent);
            }
        }
    }

    /// <summary>A float YAML 1.1 readers take as one: they need a '.' in the mantissa ("1E+20" is a string to PyYAML).</summary>
    private static string YamlFloat(double d)
    {
        string text = d.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains('.')) return text;
        int e = text.IndexOfAny(new[] { 'E', 'e' });
        return e < 0 ? text + ".0" : text[..e] + ".0" + text[e..];
    }

    private static string Key(string key) =>
        PlainKey.IsMatch(key) && !Reserved.Contains(key) ? key : JsonSerializer.Serialize(key, Relaxed);

    private static string Scalar(object? value) => value switch
    {
        string s => JsonSerializer.Serialize(s, Relaxed),
        long n => n.ToString(CultureInfo.InvariantCulture),
        double d => YamlFloat(d),
        bool b => b ? "true" : "false",
        null => "null",
        _ => throw new ArgumentException($"A template cannot hold a {value.GetType().Name}."),
    };
}
