using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Exchange;

/// <summary>
/// Imports one entry, safe to run again: given the secret as read just before (one batched read
/// for all entries), an equal value is Unchanged and nothing is written; otherwise the value is
/// written through the store's WriteAsync with a request token derived from the secret and the
/// version it replaces, so a write re-sent after a lost reply makes one version (Parameter Store,
/// which has no tokens, compares once more in the store). The token holds no part of the value:
/// Secrets Manager keeps it as the VersionId, which anyone who may describe the secret can see.
/// Per-entry failures come back as Failed results with their error; failures of the whole
/// connection (AwsCallException) propagate.
/// </summary>
internal static class SecretImporter
{
    public static async Task<(SecretImportResult Result, SecretStoreException? Error)> ImportAsync(
        ISecretStore store, SecretWriteRequest request, SecretReadResult current, string? source, CancellationToken cancellationToken)
    {
        var result = new SecretImportResult { Name = request.Name, Store = store.Kind, Region = store.Region, Source = source };
        try
        {
            if (current.Error is { ErrorId: not ErrorIds.SecretNotFound }) throw current.Error;
            bool exists = current.Error is null;
            if (exists && SameContent(current, request))
                return (result with { Outcome = SecretImportOutcome.Unchanged, Version = current.Version }, null);

            var write = request with
            {
                KnownToExist = exists,
                ClientRequestToken = IdempotencyTokens.For("import", store.Kind.ToString(), store.Region, request.Name, current.Version),
            };
            var written = await store.WriteAsync(write, cancellationToken).ConfigureAwait(false);
            return (result with
            {
                // Absent when read and now holding this value: created, even when a re-sent create found its own write.
                Outcome = !exists ? SecretImportOutcome.Created
                    : written.Outcome == SecretWriteOutcome.Skipped ? SecretImportOutcome.Unchanged
                    : SecretImportOutcome.Updated,
                Version = written.Info.Version,
            }, null);
        }
        catch (SecretStoreException ex)
        {
            return (result with { Outcome = SecretImportOutcome.Failed, Error = ex.Message }, ex);
        }
    }

    /// <summary>
    /// The text is already there (a StringList parameter holding the same comma-joined text
    /// counts: a write would keep its type and change nothing), and, when -Type is given, so is
    /// the type.
    /// </summary>
    private static bool SameContent(SecretReadResult current, SecretWriteRequest request) =>
        current.Value is { Kind: not SecretValueKind.Binary } value
        && string.Equals(value.Text, request.Value.Text, System.StringComparison.Ordinal)
        && (request.ParameterType is null || current.ParameterType is null || current.ParameterType == request.ParameterType);
}
