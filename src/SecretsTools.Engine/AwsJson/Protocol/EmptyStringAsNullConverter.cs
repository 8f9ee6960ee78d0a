using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecretsTools.AwsJson.Protocol;

/// <summary>
/// For NextToken members: AWS omits the token on the last page, but some emulators send "" instead.
/// Reading "" as null keeps `while (token != null)` paging loops finite.
/// </summary>
internal sealed class EmptyStringAsNullConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else writer.WriteStringValue(value);
    }
}
