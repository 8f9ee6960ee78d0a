using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Amazon.SimpleSystemsManagement.Model;
using SecretsTools.Model;
using SecretsTools.Validation;

namespace SecretsTools.Stores.ParameterStore;

/// <summary>Versions and labels: GetParameterHistory, LabelParameterVersion, UnlabelParameterVersion.</summary>
internal sealed partial class ParameterStoreStore : ISecretVersionStore
{
    /// <summary>
    /// The history, paged. It carries every version's value too: it is asked for undecrypted and
    /// each value is dropped right here, so only metadata leaves.
    /// </summary>
    public async Task<IReadOnlyList<SecretVersion>> ListVersionsAsync(string name, bool includeDeprecated, CancellationToken cancellationToken)
    {
        var versions = new List<SecretVersion>();
        var request = new GetParameterHistoryRequest { Name = name, WithDecryption = false, MaxResults = ParameterStoreLimits.GetParameterHistoryPage };
        do
        {
            var page = await Translated(name, () => _ssm.GetParameterHistoryAsync(request, cancellationToken)).ConfigureAwait(false);
            foreach (var h in page.Parameters ?? new List<ParameterHistory>())
            {
                versions.Add(new SecretVersion
                {
                    Name = h.Name ?? name,
                    Store = Kind,
                    Region = _region,
                    Version = (h.Version ?? 0).ToString(CultureInfo.InvariantCulture),
                    Labels = (h.Labels ?? new List<string>()).OrderBy(l => l, StringComparer.Ordinal).ToArray(),
                    Created = h.LastModifiedDate,
                    LastModifiedUser = h.LastModifiedUser,
                });
            }
            request.NextToken = page.NextToken;
        } while (!string.IsNullOrEmpty(request.NextToken));
        var newestFirst = versions.OrderByDescending(v => long.Parse(v.Version, CultureInfo.InvariantCulture)).ToList();
        if (newestFirst.Count > 0) newestFirst[0] = newestFirst[0] with { IsCurrent = true };
        return newestFirst;
    }

    public Task<string> ResolveVersionAsync(string name, string version, CancellationToken cancellationToken) =>
        long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number > 0
            ? Task.FromResult(number.ToString(CultureInfo.InvariantCulture))
            : throw new SecretStoreException(ErrorIds.InvalidSecretVersion, ErrorCategory.InvalidArgument, name,
                $"'{version}' is not a Parameter Store version of '{name}': versions are numbers from 1 (see Get-SecretVersion).");

    public void ValidateLabels(string name, IReadOnlyList<string> labels) => VersionLabelRules.ValidateParameterLabels(name, labels);

    public async Task<string?> MoveLabelAsync(string name, string label, string version, CancellationToken cancellationToken)
    {
        ValidateLabels(name, new[] { label });
        version = await ResolveVersionAsync(name, version, cancellationToken).ConfigureAwait(false);
        long number = long.Parse(version, CultureInfo.InvariantCulture);
        var versions = await ListVersionsAsync(name, includeDeprecated: true, cancellationToken).ConfigureAwait(false);
        var target = versions.FirstOrDefault(v => v.Version == version)
            ?? throw new SecretStoreException(ErrorIds.SecretVersionNotFound, ErrorCategory.ObjectNotFound, name,
                $"Parameter '{name}' has no version {version} (Parameter Store keeps the newest 100).");
        string? holder = versions.FirstOrDefault(v => v.Labels.Contains(label, StringComparer.Ordinal))?.Version;
        if (holder == version) return holder;
        if (target.Labels.Length >= VersionLabelRules.ParameterLabelsPerVersion)
            throw VersionLabelRules.TooMany(name, target.Labels.Length + 1);
        // LabelParameterVersion takes the label off the version that held it: one call moves it.
        var response = await TranslatedWrite(name, () => _ssm.LabelParameterVersionAsync(new LabelParameterVersionRequest
        {
            Name = name,
            ParameterVersion = number,
            Labels = new List<string> { label },
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.InvalidLabels is { Count: > 0 })
            throw new SecretStoreException(ErrorIds.InvalidVersionLabel, ErrorCategory.InvalidArgument, name,
                $"Parameter Store refused the label '{label}' for '{name}'; nothing was changed.");
        return holder;
    }

    public async Task<string> RemoveLabelAsync(string name, string label, string? version, CancellationToken cancellationToken)
    {
        ValidateLabels(name, new[] { label });
        var versions = await ListVersionsAsync(name, includeDeprecated: true, cancellationToken).ConfigureAwait(false);
        string? holder = versions.FirstOrDefault(v => v.Labels.Contains(label, StringComparer.Ordinal))?.Version;
        if (holder is null || (version is not null && holder != version))
            throw new SecretStoreException(ErrorIds.VersionLabelNotFound, ErrorCategory.ObjectNotFound, name, version is null
                ? $"No version of '{name}' has the label '{label}'; nothing was changed."
                : $"Version {version} of '{name}' does not have the label '{label}'; nothing was changed.");
        await TranslatedWrite(name, () => _ssm.UnlabelParameterVersionAsync(new UnlabelParameterVersionRequest
        {
            Name = name,
            ParameterVersion = long.Parse(holder, CultureInfo.InvariantCulture),
            Labels = new List<string> { label },
        }, cancellationToken), cancellationToken).ConfigureAwait(false);
        return holder;
    }

    /// <summary>
    /// PutParameter through the ordinary write (type, key and description kept; the token makes
    /// it compare with the current value first, so a re-run adds no version), then the labels.
    /// </summary>
    public async Task<string> WriteVersionAsync(SecretVersionWrite request, CancellationToken cancellationToken)
    {
        ValidateLabels(request.Name, request.Labels);
        var written = await WriteAsync(new SecretWriteRequest(request.Name, request.Value)
        {
            KnownToExist = true,
            ClientRequestToken = request.ClientRequestToken,
        }, cancellationToken).ConfigureAwait(false);
        string version = written.Info.Version ?? throw SecretStoreException.NotFound(request.Name, Kind);
        foreach (string label in request.Labels)
            await MoveLabelAsync(request.Name, label, version, cancellationToken).ConfigureAwait(false);
        return version;
    }
}
