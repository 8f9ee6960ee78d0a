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
    public string CacheKey
    {
        get
        {
            string secretHash = SecretAccessKey is null
                ? ""
                : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(SecretAccessKey + "\n" + SessionToken)));
            return string.Join("|", Region, ProfileName, EndpointUrl, AccessKeyId, secretHash);
        }
    }

    /// <summary>Never print the secret key, even when the record is formatted.</summary>
    public override string ToString() =>
        $"Region={Region ?? "(default)"}, Profile={ProfileName ?? "(default)"}, Endpoint={EndpointUrl ?? "(default)"}, AccessKeyId={AccessKeyId ?? "(default chain)"}";
}
