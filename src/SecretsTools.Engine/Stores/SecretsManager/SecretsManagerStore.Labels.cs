using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.SecretsManager.Model;

namespace SecretsTools.Stores.SecretsManager;

internal sealed partial class SecretsManagerStore
{
    /// <summary>
    /// The staging labels on the secret's versions, from ListSecretVersionIds: metadata only, so
    /// offering them (tab completion of -Label) reads no value.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListLabelsAsync(string name, CancellationToken cancellationToken)
    {
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        var request = new ListSecretVersionIdsRequest { SecretId = name };
        do
        {
            var page = await Translated(name, () => _client.ListSecretVersionIdsAsync(request, cancellationToken)).ConfigureAwait(false);
            foreach (var version in page.Versions) labels.UnionWith(version.VersionStages ?? new List<string>());
            request.NextToken = page.NextToken;
        } while (!string.IsNullOrEmpty(request.NextToken));
        return labels.ToList();
    }
}
