using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace SecretsTools.Tests.Infrastructure;

/// <summary>
/// Calls moto_server's JSON API directly, without our client or the SDK: an independent writer
/// and reader for tests (like Invoke-AwsApi in the Pester helpers).
/// </summary>
internal static class MotoApi
{
    private static readonly HttpClient Http = new();

    public static async Task<JsonNode?> CallAsync(string endpoint, string service, string action, JsonObject body)
    {
        string target = service == "ssm" ? $"AmazonSSM.{action}" : $"secretsmanager.{action}";
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.TrimEnd('/') + "/")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        // moto keeps data per account and region, read from the credential scope.
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await Http.SendAsync(request).ConfigureAwait(false);
        string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
