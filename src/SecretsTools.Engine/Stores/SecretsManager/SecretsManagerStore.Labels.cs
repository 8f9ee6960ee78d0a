using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsTools.Stores.SecretsManager;

internal sealed partial class SecretsManagerStore
{
    /// <summary>
    /// The staging labels on the secret's versions, from the version listing: metadata only, so
    /// offering them (tab completion of -Label) reads no value.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListLabelsAsync(string name, CancellationToken cancellationToken) =>
        (await ListVersionsAsync(name, includeDeprecated: false, cancellationToken).ConfigureAwait(false))
            .SelectMany(v => v.Labels).Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToList();
}
