using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecretsTools.AwsJson.Protocol;

/// <summary>
/// awsJson timestamps are epoch seconds, possibly fractional (1700000000.123). Values are exposed as
/// UTC <see cref="DateTime"/>s. A string is tolerated too (numeric or ISO 8601), since emulators are
/// not always strict. Nullable members use this converter through System.Text.Json's Nullable support.
/// </summary>
internal sealed class EpochSecondsDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return FromEpochSeconds(reader.GetDecimal());
            case JsonTokenType.String:
                var text = reader.GetString() ?? "";
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                    return FromEpochSeconds(seconds);
                if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
                    return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
                throw new JsonException("A timestamp string was neither epoch seconds nor ISO 8601.");
            default:
                throw new JsonException($"Expected a timestamp, got {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        decimal seconds = (decimal)(utc - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond;
        writer.WriteNumberValue(Math.Round(seconds, 3));
    }

    private static DateTime FromEpochSeconds(decimal seconds) =>
        DateTime.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
}
