using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>
/// Creates IAM users and access keys on a moto server through IAM's Query API, with a plain
/// HttpClient (no IAM SDK package is available). Meant for moto's initial no-auth window
/// (INITIAL_NO_AUTH_ACTION_COUNT): the Authorization header is not checked then, moto only reads
/// its credential scope to route the call to IAM.
/// </summary>
internal sealed class MotoIamBootstrap(string endpoint)
{
    private const string UnverifiedAuthorization =
        "AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0";

    public const int CallsPerUser = 3;

    /// <summary>Creates a user with one inline policy and returns a new access key pair for it.</summary>
    public async Task<(string AccessKeyId, string SecretAccessKey)> CreateUserWithKeyAsync(string userName, string policyDocument)
    {
        await CallAsync("CreateUser", ("UserName", userName));
        await CallAsync("PutUserPolicy", ("UserName", userName), ("PolicyName", "inline"), ("PolicyDocument", policyDocument));
        var key = await CallAsync("CreateAccessKey", ("UserName", userName));
        string Value(string name) => key.Descendants().Single(e => e.Name.LocalName == name).Value;
        return (Value("AccessKeyId"), Value("SecretAccessKey"));
    }

    private async Task<XDocument> CallAsync(string action, params (string Name, string Value)[] parameters)
    {
        using var http = new HttpClient();
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", "2010-05-08") };
        form.AddRange(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint + "/") { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Authorization", UnverifiedAuthorization);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"IAM {action} failed with HTTP {(int)response.StatusCode}: {body}");
        return XDocument.Parse(body);
    }
}
