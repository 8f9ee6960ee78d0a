using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Validation;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>Versions and staging labels: ListSecretVersionIds, UpdateSecretVersionStage, PutSecretValue with VersionStages.</summary>
internal sealed partial class SecretsManagerStore : ISecretVersionStore
{
    public async Task<IReadOnlyList<SecretVersion>> ListVersionsAsync(string name, bool includeDeprecated, CancellationToken cancellationToken)
    {
        var versions = new List<SecretVersion>();
        var request = new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = includeDeprecated ? true : null };
        do
        {
            var page = await Translated(name, () => _client.ListSecretVersionIdsAsync(request, cancellationToken)).ConfigureAwait(false);
            foreach (var v in page.Versions)
            {
                // A deprecated version is one without a staging label; not every endpoint leaves them out.
                if (!includeDeprecated && v.VersionStages is not { Count: > 0 }) continue;
                var labels = (v.VersionStages ?? new List<string>()).OrderBy(s => s, StringComparer.Ordinal).ToArray();
                versions.Add(new SecretVersion
                {
                    Name = page.Name ?? name,
                    Store = Kind,
                    Region = Region,
                    Version = v.VersionId ?? "",
                    Labels = labels,
                    IsCurrent = labels.Contains(SecretsManagerLimits.CurrentStage),
                    Created = v.CreatedDate,
                    LastAccessed = v.LastAccessedDate,
                });
            }
            request.NextToken = page.NextToken;
        } while (!string.IsNullOrEmpty(request.NextToken));
        return versions.OrderByDescending(v => v.Created ?? DateTime.MinValue).ThenBy(v => v.Version, StringComparer.Ordinal).ToList();
    }

    public async Task<string> ResolveVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        if (!SecretsManagerVersionIds.IsShortForm(version)) return version;
        var resolved = await SecretsManagerVersionIds.ResolveAsync(_client, name, version, cancellationToken).ConfigureAwait(false);
        return resolved.VersionId ?? throw resolved.Error!;
    }

    public void ValidateLabels(string name, IReadOnlyList<string> labels) => VersionLabelRules.ValidateStages(name, labels);

    public async Task<string?> MoveLabelAsync(string name, string label, string version, CancellationToken cancellationToken)
    {
        ValidateLabels(name, new[] { label });
        // A staging label is on one version at most, and AWS refuses to move it unless told
        // which version it leaves: find the holder first.
        string? holder = await HolderAsync(name, label, cancellationToken).ConfigureAwait(false);
        if (string.Equals(holder, version, StringComparison.Ordinal)) return holder;
        await Translated(name, () => _client.UpdateSecretVersionStageAsync(new UpdateSecretVersionStageRequest
        {
            SecretId = name,
            VersionStage = label,
            MoveToVersionId = version,
            RemoveFromVersionId = holder,
        }, cancellationToken)).ConfigureAwait(false);
        return holder;
    }

    public async Task<string> RemoveLabelAsync(string name, string label, string? version, CancellationToken cancellationToken)
    {
        ValidateLabels(name, new[] { label });
        if (label == SecretsManagerLimits.CurrentStage)
            throw new SecretStoreException(ErrorIds.CurrentLabelRequired, ErrorCategory.InvalidOperation, name,
                $"AWSCURRENT cannot be removed from '{name}': a secret always has a current version. Move it instead (Set-SecretVersionLabel or Restore-SecretVersion).");
        string? holder = await HolderAsync(name, label, cancellationToken).ConfigureAwait(false);
        if (holder is null || (version is not null && !string.Equals(holder, version, StringComparison.Ordinal)))
            throw LabelNotFound(name, label, version);
        await Translated(name, () => _client.UpdateSecretVersionStageAsync(new UpdateSecretVersionStageRequest
        {
            SecretId = name,
            VersionStage = label,
            RemoveFromVersionId = holder,
        }, cancellationToken)).ConfigureAwait(false);
        return holder;
    }

    public async Task<string> WriteVersionAsync(SecretVersionWrite request, CancellationToken cancellationToken)
    {
        ValidateName(request.Name);
        ValidateLabels(request.Name, request.Labels);
        var put = await Translated(request.Name, () => _client.PutSecretValueAsync(new PutSecretValueRequest
        {
            SecretId = request.Name,
            SecretString = request.Value.Kind == SecretValueKind.Binary ? null : request.Value.Text,
            SecretBinary = request.Value.Binary,
            ClientRequestToken = request.ClientRequestToken,
            // Empty: AWS's default, AWSCURRENT moves to the new version.
            VersionStages = request.Labels.ToList(),
        }, cancellationToken)).ConfigureAwait(false);
        return put.VersionId ?? request.ClientRequestToken;
    }

    private async Task<string?> HolderAsync(string name, string label, CancellationToken cancellationToken) =>
        (await ListVersionsAsync(name, includeDeprecated: false, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(v => v.Labels.Contains(label, StringComparer.Ordinal))?.Version;

    private static SecretStoreException LabelNotFound(string name, string label, string? version) =>
        new(ErrorIds.VersionLabelNotFound, ErrorCategory.ObjectNotFound, name, version is null
            ? $"No version of '{name}' has the staging label '{label}'; nothing was changed."
            : $"Version '{version}' of '{name}' does not have the staging label '{label}'; nothing was changed.");
}
