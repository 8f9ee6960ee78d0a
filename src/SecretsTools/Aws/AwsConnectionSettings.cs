using System;
using System.Security.Cryptography;
using System.Text;

namespace SecretsTools.Aws;

/// <summary>
/// What identifies one AWS client: region, profile, endpoint and explicit credentials.
/// Null members mean "let the SDK decide" (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL[_service],
/// the shared config and credentials files).
/// </summary>
internal sealed record AwsConnectionSettings(
    string? Region,
    string? ProfileName,
    string? EndpointUrl,
    string? AccessKeyId,
    string? SecretAccessKey,
    string? SessionToken)
{
    public static readonly AwsConnectionSettings Default = new(null, null, null, null, null, null);

    /// <summary>
    /// A cache key that tells credentials apart without holding the secret key in clear:
    /// the key is kept in the dictionary for the life of the session.
    /// </summary>
    public string CacheKey =>
        string.Join("|", Region, ProfileName, EndpointUrl, AccessKeyId, Hash(SecretAccessKey, SessionToken), EnvironmentKey());

    // The variables the SDK reads when it builds a client: a script that changes one of them
    // (e.g. $env:AWS_REGION between calls) gets a client that follows, not the first one cached.
    private static readonly string[] SdkVariables =
    {
        "AWS_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SSM",
        "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_CONFIG_FILE",
        "AWS_SHARED_CREDENTIALS_FILE", "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE",
    };

    private static string EnvironmentKey()
    {
        var builder = new StringBuilder();
        foreach (string name in SdkVariables) builder.Append(Environment.GetEnvironmentVariable(name)).Append('|');
        builder.Append(Hash(Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"), Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN")));
        return builder.ToString();
    }

    private static string Hash(string? secret, string? token) => secret is null && token is null
        ? ""
        : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret + "\n" + token)));

    /// <summary>Never print the secret key, even when the record is formatted.</summary>
    public override string ToString() =>
        $"Region={Region ?? "(default)"}, Profile={ProfileName ?? "(default)"}, Endpoint={EndpointUrl ?? "(default)"}, AccessKeyId={AccessKeyId ?? "(default chain)"}";
}
