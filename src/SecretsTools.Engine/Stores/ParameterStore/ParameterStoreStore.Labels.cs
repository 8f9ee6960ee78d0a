using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.SimpleSystemsManagement.Model;

namespace SecretsTools.Stores.ParameterStore;

internal sealed partial class ParameterStoreStore
{
    /// <summary>
    /// The labels on the parameter's versions, from GetParameterHistory. The history carries each
    /// version's value too: it is asked for undecrypted and dropped here, only labels leave.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListLabelsAsync(string name, CancellationToken cancellationToken)
    {
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        var request = new GetParameterHistoryRequest { Name = name, WithDecryption = false, MaxResults = ParameterStoreLimits.GetParameterHistoryPage };
        do
        {
            var page = await Translated(name, () => _ssm.GetParameterHistoryAsync(request, cancellationToken)).ConfigureAwait(false);
            foreach (var version in page.Parameters ?? new List<ParameterHistory>()) labels.UnionWith(version.Labels ?? new List<string>());
            request.NextToken = page.NextToken;
        } while (!string.IsNullOrEmpty(request.NextToken));
        return labels.ToList();
    }
}
