using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace SecretsTools.Exchange;

/// <summary>
/// A JSON object of names to string values, indented. Escaping is System.Text.Json's, with the
/// relaxed encoder so that "é", "密", "+" and "&lt;" stay as themselves (the file is not embedded
/// in HTML); quotes, backslashes and control characters are always escaped, and so are characters
/// beyond the Basic Multilingual Plane (emoji become \uD83D\uDD11: valid JSON that every reader
/// reads back the same; no built-in encoder keeps them, and a hand-made one is not worth its
/// risk). Reading takes an object whose values are all strings: a number, a boolean, null, an
/// array or a nested object is an error naming its key (nested objects are not flattened: there
/// is no one right way to name their members), as is a key given twice.
/// </summary>
internal static class JsonExportFormat
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonDocumentOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static string Write(IEnumerable<SecretFileEntry> entries)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var entry in entries)
            {
                if (!seen.Add(entry.Name))
                    throw new SecretFileFormatException($"'{entry.Name}' is given twice; a JSON object holds each name once.", name: entry.Name);
                writer.WriteString(entry.Name, entry.Value);
            }
            writer.WriteEndObject();
        }
        // The writer indents with Environment.NewLine; one file reads the same everywhere. A CR or LF in
        // a name or value is escaped, so only the writer's own line breaks are raw.
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    public static IReadOnlyList<SecretFileEntry> Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, ReaderOptions);
        }
        catch (JsonException ex)
        {
            // Its message quotes the character it stopped at, which may be part of a value.
            throw new SecretFileFormatException(
                $"the file is not valid JSON (at position {(ex.BytePositionInLine ?? 0) + 1} of the line).", (int?)ex.LineNumber + 1);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new SecretFileFormatException($"the file holds {Describe(root.ValueKind)}, not a JSON object of names to string values.");
            var entries = new List<SecretFileEntry>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!seen.Add(property.Name))
                    throw new SecretFileFormatException($"'{property.Name}' is given twice.", name: property.Name);
                if (property.Value.ValueKind != JsonValueKind.String)
                    throw new SecretFileFormatException(property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                        ? $"the value of '{property.Name}' is {Describe(property.Value.ValueKind)}; only string values can be imported, and nested values are not flattened."
                        : $"the value of '{property.Name}' is {Describe(property.Value.ValueKind)}, not a string; write it in double quotes.", name: property.Name);
                entries.Add(new SecretFileEntry(property.Name, property.Value.GetString()!));
            }
            return entries;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a string",
    };
}
