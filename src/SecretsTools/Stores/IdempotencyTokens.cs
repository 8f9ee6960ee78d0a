using System;
using System.Security.Cryptography;
using System.Text;

namespace SecretsTools.Stores;

/// <summary>
/// Deterministic ClientRequestTokens: the same parts (e.g. the source secret, its version and the
/// destination) always give the same token, so a write sent again after its reply was lost is
/// recognised by Secrets Manager as the same write and applied once. The token is a version-5
/// style UUID from SHA-256 (36 characters; the API takes 32 to 64), so it is also a valid VersionId.
/// </summary>
internal static class IdempotencyTokens
{
    public static string For(params string?[] parts)
    {
        // Length-prefixed, so ("ab","c") and ("a","bc") differ.
        var text = new StringBuilder("SecretsTools/1");
        foreach (string? part in parts) text.Append('|').Append(part?.Length ?? -1).Append(':').Append(part);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}
