using System;
using System.Collections;
using System.IO;
using System.Text;
using System.Text.Json;

namespace SecretsTools.Access;

/// <summary>
/// A policy document (ordered dictionaries, arrays, strings) as indented JSON, keys in their order;
/// relaxed escaping so a name's '+' stays '+' (the default writes \u002B, which IAM reads the same but people do not).
/// </summary>
internal static class PolicyJson
{
    public static string Write(IDictionary document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            WriteValue(writer, document);
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case string s: writer.WriteStringValue(s); break;
            case IDictionary d:
                writer.WriteStartObject();
                foreach (DictionaryEntry e in d)
                {
                    writer.WritePropertyName((string)e.Key);
                    WriteValue(writer, e.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (object? item in list) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default: throw new InvalidOperationException($"A policy holds no {value?.GetType().Name ?? "null"}.");
        }
    }
}
