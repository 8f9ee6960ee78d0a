using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsTools.Stores;

/// <summary>
/// Reads the values of everything a listing finds: names from the store's listing (with its
/// server-side filters), values in the store's batch size (GetParameters: 10,
/// BatchGetSecretValue: 20), streamed batch by batch so a long listing never waits to the end.
/// </summary>
internal static class ListedReader
{
    public static async IAsyncEnumerable<SecretReadResult> ReadAsync(ISecretStore store, SecretListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<SecretReadRequest>(store.ReadBatchSize);
        await foreach (var info in store.ListAsync(query, cancellationToken).ConfigureAwait(false))
        {
            batch.Add(new SecretReadRequest(info.Name));
            if (batch.Count < store.ReadBatchSize) continue;
            foreach (var result in await store.ReadAsync(batch, cancellationToken).ConfigureAwait(false)) yield return result;
            batch = new List<SecretReadRequest>(store.ReadBatchSize);
        }
        if (batch.Count > 0)
            foreach (var result in await store.ReadAsync(batch, cancellationToken).ConfigureAwait(false)) yield return result;
    }
}
