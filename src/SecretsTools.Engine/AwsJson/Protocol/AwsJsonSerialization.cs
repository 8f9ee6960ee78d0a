using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SecretsTools.AwsJson.Protocol;

/// <summary>
/// The one set of System.Text.Json options that turns the model classes (of every awsJson service we call) into awsJson bodies and
/// back. C# property names are the API's member names, so no naming policy is applied.
/// </summary>
internal static class AwsJsonSerialization
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = null,
            PropertyNameCaseInsensitive = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Bodies are never embedded in HTML, so non-ASCII text can travel as UTF-8 instead of \uXXXX.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ModelContract.Apply } },
        };
        // byte[] is base64 by default, which is what awsJson uses for blobs.
        options.Converters.Add(new EpochSecondsDateTimeConverter());
        options.MakeReadOnly(populateMissingResolver: false);
        return options;
    }
}
