using System;
using System.Globalization;
using System.Text.Json;
using SecretsTools.CloudTrail.Model;
using SecretsTools.Model;

namespace SecretsTools.Stores.CloudTrail;

/// <summary>
/// Turns a LookupEvents event into our <see cref="SecretAuditEvent"/>. The CloudTrailEvent JSON is
/// read for named members only (userIdentity, sourceIPAddress, userAgent, awsRegion, errorCode,
/// readOnly): requestParameters, responseElements and additionalEventData are never read, so even
/// an event that logged something sensitive cannot pass it on. A record that is not valid JSON
/// still gives the event's top-level fields.
/// </summary>
internal static class CloudTrailEventReader
{
    public static SecretAuditEvent Read(Event e, SecretStoreKind store, string secret)
    {
        JsonDocument? document = null;
        try
        {
            if (!string.IsNullOrEmpty(e.CloudTrailEvent)) document = JsonDocument.Parse(e.CloudTrailEvent);
        }
        catch (JsonException)
        {
            document = null;
        }
        using (document)
        {
            var root = document?.RootElement is { ValueKind: JsonValueKind.Object } r ? r : default;
            var identity = Member(root, "userIdentity");
            return new SecretAuditEvent
            {
                Time = e.EventTime ?? ParseTime(String(root, "eventTime")) ?? default,
                EventName = e.EventName ?? String(root, "eventName") ?? "",
                User = ReadUser(identity, e),
                SourceIp = String(root, "sourceIPAddress"),
                UserAgent = String(root, "userAgent"),
                Region = String(root, "awsRegion"),
                SecretName = secret,
                Store = store,
                ErrorCode = String(root, "errorCode"),
                ReadOnly = ReadOnly(e.ReadOnly) ?? Bool(root, "readOnly"),
                EventId = e.EventId ?? String(root, "eventID"),
            };
        }
    }

    /// <summary>The event's source, from the listing or else from the record.</summary>
    public static string? SourceOf(Event e)
    {
        if (!string.IsNullOrEmpty(e.EventSource)) return e.EventSource;
        try
        {
            using var document = JsonDocument.Parse(e.CloudTrailEvent ?? "");
            return String(document.RootElement, "eventSource");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SecretAuditUser ReadUser(JsonElement identity, Event e)
    {
        string? type = String(identity, "type");
        string? arn = String(identity, "arn");
        // Assumed roles name the role through the session issuer; AWS services through invokedBy.
        string? name = String(identity, "userName")
            ?? String(Member(Member(identity, "sessionContext"), "sessionIssuer"), "userName")
            ?? String(identity, "invokedBy")
            ?? e.Username;
        return new SecretAuditUser
        {
            Arn = arn,
            Type = type,
            AccessKeyId = String(identity, "accessKeyId") ?? e.AccessKeyId,
            Name = name,
            AccountId = String(identity, "accountId"),
        };
    }

    private static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string? String(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    private static bool? Bool(JsonElement element, string name) => Member(element, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static bool? ReadOnly(string? text) =>
        bool.TryParse(text, out var value) ? value : null;

    private static DateTime? ParseTime(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : null;
}
