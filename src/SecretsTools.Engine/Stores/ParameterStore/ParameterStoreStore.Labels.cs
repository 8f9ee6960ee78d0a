using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsTools.Stores.ParameterStore;

internal sealed partial class ParameterStoreStore
{
    /// <summary>
    /// The labels on the parameter's versions, from its history (read undecrypted, values dropped:
    /// only labels leave), for tab completion of -Label.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListLabelsAsync(string name, CancellationToken cancellationToken) =>
        (await ListVersionsAsync(name, includeDeprecated: true, cancellationToken).ConfigureAwait(false))
            .SelectMany(v => v.Labels).Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToList();
}
