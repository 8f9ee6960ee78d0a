using System;
using System.Collections;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Access;

/// <summary>
/// Policy documents as JSON text, both ways: a document we build (ordered dictionaries, arrays,
/// strings) written indented with its keys in order, and a resource policy as -Policy gives it
/// (JSON text or a hashtable) turned into the compact JSON PutResourcePolicy takes, and back into
/// indented text for reading. Only the shape a policy document must have is checked here (a JSON
/// object with a Statement); what the statements mean is the service's ValidateResourcePolicy's job.
/// </summary>
internal static class PolicyJson
{
    /// <summary>PutResourcePolicy's ResourcePolicy: at most 20,480 characters (API model).</summary>
    public const int MaxLength = 20480;

    private static readonly JsonSerializerOptions Indent = new(JsonValues.StoredJson) { WriteIndented = true };

    /// <summary>
    /// A document we built, indented, keys in their order; relaxed escaping so a name's '+' stays
    /// '+' (the default writes \u002B, which IAM reads the same but people do not).
    /// </summary>
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

    /// <summary>Compact JSON for <paramref name="policy"/>; SecretStoreException(InvalidPolicyJson), no target, when it is not a policy document.</summary>
    public static string Normalize(object? policy)
    {
        JsonObject? json;
        object? value = policy is PSObject p ? p.BaseObject : policy;
        try
        {
            json = value switch
            {
                string text => JsonNode.Parse(text) as JsonObject,
                IDictionary d => JsonValues.FromDictionary(d),
                PSObject o => JsonValues.FromPSObject(o),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            throw Invalid($"it is not valid JSON ({ex.Message})");
        }
        if (json is null) throw Invalid("it is not a JSON object");
        if (json["Statement"] is not (JsonObject or JsonArray)) throw Invalid("it has no Statement");
        string compact = json.ToJsonString(JsonValues.StoredJson);
        if (compact.Length > MaxLength) throw Invalid(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "it is {0:N0} characters without spaces, and Secrets Manager takes at most {1:N0}", compact.Length, MaxLength));
        return compact;
    }

    /// <summary>The policy indented, for the view; the text as it is when it does not parse.</summary>
    public static string Indented(string? policy)
    {
        if (string.IsNullOrEmpty(policy)) return "";
        try { return JsonNode.Parse(policy)?.ToJsonString(Indent) ?? policy; }
        catch (JsonException) { return policy; }
    }

    /// <summary>The policy as nested hashtables (Get-SecretResourcePolicy -AsHashtable); null when there is none.</summary>
    public static Hashtable? ToHashtable(string? policy) =>
        policy is not null && JsonValues.TryParseObject(policy) is { } json ? JsonValues.ToHashtable(json) : null;

    // Target null: the parameter is wrong for every secret alike, as with a bad -LambdaArn.
    private static SecretStoreException Invalid(string why) =>
        new(ErrorIds.InvalidPolicyJson, ErrorCategory.InvalidArgument, null,
            $"-Policy is not a resource policy document: {why}. Give a JSON object with Version and Statement, or a hashtable of the same shape. Nothing was sent.");
}
