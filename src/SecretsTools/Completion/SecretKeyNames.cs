using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Aws;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Completion;

/// <summary>
/// The top-level keys of a JSON secret, for completing -Key and NAME#field. The value is read,
/// parsed and dropped here: only key names leave (and are cached briefly); a value that is not a
/// JSON object, or cannot be read, has no keys.
/// </summary>
internal static class SecretKeyNames
{
    public static async Task<IReadOnlyList<string>> ReadAsync(SecretReference reference, string? version, string? label,
        AwsConnectionSettings connection, CancellationToken token)
    {
        var (store, effective) = CompleterConnection.StoreFor(reference, connection);
        version = reference.Version ?? version;
        label = reference.Label ?? label;
        string scope = $"keys|{reference.Store}|{reference.Name}|{version}|{label}|{effective.CacheKey}";
        if (CompletionCache.Shared.Find(scope, "*") is { } cached) return cached;
        store.ValidateName(reference.Name, forWrite: false);
        var request = new SecretReadRequest(reference.Name, version, label) { ExpectedArn = reference.ParameterArn };
        var read = (await store.ReadAsync(new[] { request }, token).ConfigureAwait(false))[0];
        if (read.Value is not { Kind: SecretValueKind.Text, Text: { } text }) return Array.Empty<string>();
        var keys = JsonValues.TryParseObject(text)?.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToList() ?? new List<string>();
        CompletionCache.Shared.Add(scope, "*", keys, complete: true);
        return keys;
    }
}
