using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace SecretsTools.AwsJson.Protocol;

/// <summary>
/// Reads an error response. The code comes from, in order: the JSON body's <c>__type</c>, the
/// <c>x-amzn-ErrorType</c> header, the JSON body's <c>code</c>, an XML body's <c>&lt;Code&gt;</c>
/// (moto and some proxies answer auth failures in XML). A body that is none of these (an HTML error
/// page, say) is never copied into the message: only the status and the endpoint are reported.
/// </summary>
internal static class ServiceErrorReader
{
    private const int MaxMessageLength = 1024;

    public static ServiceError Read(byte[] body, IWebResponseData response, Uri? endpoint, string serviceName)
    {
        var status = response.StatusCode;
        var json = TryReadJson(body);
        var xml = json is null ? TryReadXml(body) : null;

        string? code = NormalizeCode(json?.Type)
            ?? NormalizeCode(Header(response, "x-amzn-ErrorType"))
            ?? NormalizeCode(json?.Code)
            ?? NormalizeCode(xml?.Code);

        string? message = json?.Message ?? Header(response, "x-amzn-error-message") ?? xml?.Message;
        if (string.IsNullOrWhiteSpace(message))
        {
            message = code is not null
                ? $"{serviceName} returned {code} (HTTP {(int)status} {status})."
                : $"HTTP {(int)status} {status} from {Describe(endpoint, serviceName)}; the response was not a {serviceName} error{ContentTypeNote(response)}.";
        }

        string? requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id") ?? xml?.RequestId;
        var type = xml?.Type switch
        {
            "Sender" => ErrorType.Sender,
            "Receiver" => ErrorType.Receiver,
            _ => (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender,
        };

        // With no code anywhere, the status name still gives callers a stable, non-null code.
        return new ServiceError(code ?? status.ToString(), Truncate(message.Trim()), requestId, type);
    }

    /// <summary>
    /// "com.amazonaws.secretsmanager#ResourceNotFoundException" (or "com.amazonaws.cloudtrail.v20131101#InvalidTimeRangeException") and
    /// "ResourceNotFoundException:http://internal.amazon.com/..." both become "ResourceNotFoundException".
    /// The part after ':' goes first, since it may be a URL containing '#'.
    /// </summary>
    internal static string? NormalizeCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var code = raw.Trim();
        int colon = code.IndexOf(':');
        if (colon >= 0) code = code[..colon];
        int hash = code.LastIndexOf('#');
        if (hash >= 0) code = code[(hash + 1)..];
        return code.Length == 0 ? null : code;
    }

    private sealed record JsonError(string? Type, string? Code, string? Message);

    private sealed record XmlError(string? Code, string? Message, string? RequestId, string? Type);

    private static JsonError? TryReadJson(byte[] body)
    {
        if (FirstSignificantByte(body) != '{') return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return new JsonError(
                StringMember(root, "__type"),
                StringMember(root, "code") ?? StringMember(root, "Code"),
                StringMember(root, "message") ?? StringMember(root, "Message") ?? StringMember(root, "errorMessage"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static XmlError? TryReadXml(byte[] body)
    {
        if (FirstSignificantByte(body) != '<') return null;
        try
        {
            // DTDs are refused, which also rejects "<!doctype html>" pages early.
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            var document = XDocument.Load(reader);
            string? Element(string name) => document.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            var code = Element("Code");
            return code is null ? null : new XmlError(code, Element("Message"), Element("RequestId"), Element("Type"));
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int FirstSignificantByte(byte[] body)
    {
        int start = body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? 3 : 0; // UTF-8 BOM
        for (int i = start; i < body.Length; i++)
        {
            if (!char.IsWhiteSpace((char)body[i])) return body[i];
        }
        return -1;
    }

    private static string? Header(IWebResponseData response, string name)
    {
        var value = response.IsHeaderPresent(name) ? response.GetHeaderValue(name) : null;
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static string ContentTypeNote(IWebResponseData response) =>
        string.IsNullOrEmpty(response.ContentType) ? "" : $" (content type {response.ContentType})";

    private static string Describe(Uri? endpoint, string serviceName) =>
        endpoint is null ? $"the {serviceName} endpoint" : endpoint.GetLeftPart(UriPartial.Path);

    private static string Truncate(string message) =>
        message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "...";
}
