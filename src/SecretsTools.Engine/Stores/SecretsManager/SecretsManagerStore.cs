using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SecretsTools.Model;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Validation;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>AWS Secrets Manager behind the unified nouns, on our own client.</summary>
internal sealed partial class SecretsManagerStore : ISecretStore
{
    private readonly SecretsManagerClient _client;

    public SecretsManagerStore(SecretsManagerClient client) => _client = client;

    public SecretStoreKind Kind => SecretStoreKind.SecretsManager;

    public int ReadBatchSize => SecretsManagerLimits.BatchGetSecretValueIds;

    public string? Region => _client.Config.RegionEndpoint?.SystemName ?? _client.Config.AuthenticationRegion;

    public void ValidateName(string name, bool forWrite = true)
    {
        // SecretId also takes an ARN, which has its own shape and is checked by the service.
        if (name.StartsWith("arn:", StringComparison.Ordinal)) return;
        SecretsManagerNameRules.Validate(name);
    }

    public async Task<IReadOnlyList<SecretReadResult>> ReadAsync(IReadOnlyList<SecretReadRequest> requests, CancellationToken cancellationToken)
    {
        var results = new SecretReadResult?[requests.Count];
        var plain = Enumerable.Range(0, requests.Count).Where(i => !requests[i].SelectsVersion).ToList();
        foreach (var batch in plain.Chunk(SecretsManagerLimits.BatchGetSecretValueIds))
            await ReadBatchAsync(requests, batch, results, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < requests.Count; i++)
            results[i] ??= await ReadOneAsync(requests[i], cancellationToken).ConfigureAwait(false);
        return results!;
    }

    /// <summary>BatchGetSecretValue for up to 20 names; anything it does not settle is read singly.</summary>
    private async Task ReadBatchAsync(IReadOnlyList<SecretReadRequest> requests, int[] indexes, SecretReadResult?[] results, CancellationToken cancellationToken)
    {
        if (indexes.Length < 2) return; // one name: GetSecretValue is the same single call
        BatchGetSecretValueResponse response;
        try
        {
            var ids = indexes.Select(i => requests[i].Name).Distinct(StringComparer.Ordinal).ToList();
            response = await _client.BatchGetSecretValueAsync(new BatchGetSecretValueRequest { SecretIdList = ids }, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretsManagerException ex) when (AwsErrorTranslator.IsTransient(ex))
        {
            // Throttled or a server error after the SDK's retries: nothing is wrong with any one
            // name, and 20 single reads would only add load. Each name reports it; a re-run reads them.
            foreach (int i in indexes) results[i] = SecretReadResult.Failure(requests[i], SecretsManagerErrors.Translate(ex, requests[i].Name));
            return;
        }
        catch (SecretsManagerException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
        {
            return; // e.g. one unknown id failing the whole call: fall back to single reads
        }
        foreach (int i in indexes)
        {
            string id = requests[i].Name;
            var value = response.SecretValues.FirstOrDefault(v => Matches(id, v.Name, v.ARN));
            if (value is not null)
            {
                results[i] = SecretReadResult.Success(requests[i], ToValue(value.SecretString, value.SecretBinary), value.VersionId) with { StoredName = value.Name };
                continue;
            }
            var error = response.Errors.FirstOrDefault(e => e.SecretId == id);
            if (error is not null)
                results[i] = SecretReadResult.Failure(requests[i], await FailureAsync(error.ErrorCode, error.Message, id, cancellationToken).ConfigureAwait(false));
        }
    }

    private async Task<SecretReadResult> ReadOneAsync(SecretReadRequest request, CancellationToken cancellationToken)
    {
        try
        {
            string? versionId = request.Version;
            if (versionId is not null && SecretsManagerVersionIds.IsShortForm(versionId))
            {
                var resolved = await SecretsManagerVersionIds.ResolveAsync(_client, request.Name, versionId, cancellationToken).ConfigureAwait(false);
                if (resolved.Error is not null) return SecretReadResult.Failure(request, resolved.Error);
                versionId = resolved.VersionId;
            }
            var response = await _client.GetSecretValueAsync(new GetSecretValueRequest
            {
                SecretId = request.Name,
                VersionId = versionId,
                VersionStage = request.Label,
            }, cancellationToken).ConfigureAwait(false);
            return SecretReadResult.Success(request, ToValue(response.SecretString, response.SecretBinary), response.VersionId) with { StoredName = response.Name };
        }
        catch (SecretsManagerException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
        {
            if (request.SelectsVersion && ex.ErrorCode == "ResourceNotFoundException")
                return SecretReadResult.Failure(request, new SecretStoreException(ErrorIds.SecretVersionNotFound, ErrorCategory.ObjectNotFound, request.Name,
                    $"Secret '{request.Name}' has no version '{request.Version ?? request.Label}' in Secrets Manager, or does not exist.", ex));
            return SecretReadResult.Failure(request, await FailureAsync(ex, request.Name, null, cancellationToken).ConfigureAwait(false));
        }
    }

    private static bool Matches(string id, string? name, string? arn) =>
        id == name || id == arn || (arn is not null && id.StartsWith("arn:", StringComparison.Ordinal) && arn.StartsWith(id + "-", StringComparison.Ordinal));

    private static SecretValue ToValue(string? text, byte[]? binary) =>
        binary is not null ? SecretValue.FromBinary(binary) : SecretValue.FromText(text ?? "");

    public IAsyncEnumerable<SecretReadResult> ReadMatchingAsync(SecretListQuery query, CancellationToken cancellationToken) =>
        ListedReader.ReadAsync(this, query, cancellationToken);

    /// <summary>A secret scheduled for deletion cannot be read, so for a hint it does not exist.</summary>
    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        await DescribeAsync(name, cancellationToken).ConfigureAwait(false) is { DeletedDate: null };

    public async Task<string?> CurrentVersionAsync(string name, CancellationToken cancellationToken) =>
        await DescribeAsync(name, cancellationToken).ConfigureAwait(false) is { DeletedDate: null } info ? info.Version : null;

    public async Task<string?> VersionReplacedByAsync(string name, string writtenVersion, CancellationToken cancellationToken)
    {
        // PutSecretValue moves AWSPREVIOUS to the version that was AWSCURRENT just before it.
        var d = await Translated(name, () => _client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name }, cancellationToken)).ConfigureAwait(false);
        return d.VersionIdsToStages.FirstOrDefault(v => v.Key != writtenVersion && v.Value.Contains(SecretsManagerLimits.PreviousStage)).Key;
    }

    // DescribeSecret carries the tags: no cheaper call exists.
    public async Task<System.Collections.Hashtable?> TagsAsync(string name, CancellationToken cancellationToken) =>
        await DescribeAsync(name, cancellationToken).ConfigureAwait(false) is { DeletedDate: null } info ? info.Tags ?? new System.Collections.Hashtable() : null;

    public async Task<SecretInfo?> DescribeAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var d = await _client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name }, cancellationToken).ConfigureAwait(false);
            return SecretsManagerInfo.From(d, Region);
        }
        catch (SecretsManagerException ex) when (ex.ErrorCode == "ResourceNotFoundException")
        {
            return null;
        }
        catch (SecretsManagerException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
        {
            throw SecretsManagerErrors.Translate(ex, name);
        }
    }

    public async IAsyncEnumerable<SecretInfo> ListAsync(SecretListQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query.NamePattern is not null && !WildcardPattern.ContainsWildcardCharacters(query.NamePattern))
        {
            // One exact name (or ARN): DescribeSecret is strongly consistent, where ListSecrets may
            // miss the last minutes of changes, and it also reports replica regions.
            var described = await DescribeAsync(query.NamePattern, cancellationToken).ConfigureAwait(false);
            if (described is not null && SecretsManagerFilters.LocalMatcher(query with { NamePattern = null })(described))
                yield return described;
            yield break;
        }
        var request = new ListSecretsRequest
        {
            MaxResults = SecretsManagerLimits.ListSecretsPage,
            IncludePlannedDeletion = query.IncludeDeleted ? true : null,
            Filters = SecretsManagerFilters.For(query),
        };
        var match = SecretsManagerFilters.LocalMatcher(query);
        do
        {
            var page = await Translated(query.NamePattern ?? query.Path ?? "*", () => _client.ListSecretsAsync(request, cancellationToken), describeOnFailure: false).ConfigureAwait(false);
            var matches = page.SecretList.Select(entry => SecretsManagerInfo.From(entry, Region)).Where(match).ToList();
            if (query.IncludeReplicas) matches = await WithReplicasAsync(matches, cancellationToken).ConfigureAwait(false);
            foreach (var info in matches) yield return info;
            request.NextToken = page.NextToken;
        } while (!string.IsNullOrEmpty(request.NextToken));
    }

    /// <summary>
    /// A listing page with each secret described (ListSecrets has no replication status), a few at
    /// a time. One deleted since the listing, or one the caller may list but not describe (a
    /// resource policy denying DescribeSecret), keeps its listing entry, replicas not loaded:
    /// one secret never ends the listing.
    /// </summary>
    private async Task<List<SecretInfo>> WithReplicasAsync(List<SecretInfo> listed, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(SecretsManagerLimits.DescribeConcurrency);
        var described = listed.Select(async info =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try { return await DescribeAsync(info.Arn ?? info.Name, cancellationToken).ConfigureAwait(false) ?? info; }
            catch (SecretStoreException) { return info; }
            finally { gate.Release(); }
        }).ToList();
        return (await Task.WhenAll(described).ConfigureAwait(false)).ToList();
    }

    public async Task<IReadOnlyList<SecretOperationResult>> RemoveAsync(IReadOnlyList<string> names, SecretRemoveOptions options, CancellationToken cancellationToken)
    {
        var results = new List<SecretOperationResult>(names.Count);
        foreach (string name in names)
        {
            bool seen = false;
            try
            {
                if (options.WithoutRecovery)
                {
                    // A forced delete of a missing secret succeeds silently on AWS: look first, so a typo is reported.
                    await _client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name }, cancellationToken).ConfigureAwait(false);
                    seen = true;
                }
                await _client.DeleteSecretAsync(new DeleteSecretRequest
                {
                    SecretId = name,
                    RecoveryWindowInDays = options.WithoutRecovery ? null : options.RecoveryWindowInDays,
                    ForceDeleteWithoutRecovery = options.WithoutRecovery ? true : null,
                }, cancellationToken).ConfigureAwait(false);
                results.Add(new SecretOperationResult(name, null));
            }
            catch (SecretsManagerException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
            {
                var error = await FailureAsync(ex, name, null, cancellationToken).ConfigureAwait(false);
                // Already scheduled is what was asked for: a re-run of the same removal succeeds.
                bool alreadyScheduled = error.ErrorId == ErrorIds.SecretScheduledForDeletion && !options.WithoutRecovery;
                // The secret was there a moment ago and is gone: the SDK resent a delete whose reply
                // was lost, and the first send deleted it (or someone else did). Either way, deleted.
                bool goneSinceSeen = seen && error.ErrorId == ErrorIds.SecretNotFound;
                results.Add(new SecretOperationResult(name, alreadyScheduled || goneSinceSeen ? null : error));
            }
        }
        return results;
    }

    public async Task<SecretInfo> RestoreAsync(string name, CancellationToken cancellationToken)
    {
        await Translated(name, () => _client.RestoreSecretAsync(new RestoreSecretRequest { SecretId = name }, cancellationToken)).ConfigureAwait(false);
        return await DescribeAsync(name, cancellationToken).ConfigureAwait(false) ?? throw SecretStoreException.NotFound(name, Kind);
    }

    /// <summary>A call about <paramref name="name"/>; a listing passes describeOnFailure: false, since its "name" is a pattern.</summary>
    private async Task<T> Translated<T>(string name, Func<Task<T>> call, string? kmsKeyId = null, bool describeOnFailure = true)
    {
        try { return await call().ConfigureAwait(false); }
        catch (SecretsManagerException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
        {
            throw describeOnFailure
                ? await FailureAsync(ex, name, kmsKeyId, CancellationToken.None).ConfigureAwait(false)
                : SecretsManagerErrors.Translate(ex, name);
        }
    }
}
