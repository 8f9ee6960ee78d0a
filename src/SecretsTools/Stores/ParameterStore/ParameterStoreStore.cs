using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ParameterMetadata = Amazon.SimpleSystemsManagement.Model.ParameterMetadata;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SecretsTools.Model;
using SecretsTools.Validation;

namespace SecretsTools.Stores.ParameterStore;

/// <summary>SSM Parameter Store behind the unified nouns.</summary>
internal sealed partial class ParameterStoreStore : ISecretStore
{
    private readonly IAmazonSimpleSystemsManagement _ssm;
    private readonly string? _region;

    public ParameterStoreStore(IAmazonSimpleSystemsManagement ssm)
    {
        _ssm = ssm;
        _region = (ssm as AmazonServiceClient)?.Config.RegionEndpoint?.SystemName ?? ssm.Config.AuthenticationRegion;
    }

    public SecretStoreKind Kind => SecretStoreKind.ParameterStore;

    public int ReadBatchSize => ParameterStoreLimits.GetParametersBatch;

    public void ValidateName(string name, bool forWrite = true) => ParameterNameRules.Validate(name, forWrite);

    public async Task<IReadOnlyList<SecretReadResult>> ReadAsync(IReadOnlyList<SecretReadRequest> requests, CancellationToken cancellationToken)
    {
        var results = new List<SecretReadResult>(requests.Count);
        foreach (var batch in requests.Chunk(ParameterStoreLimits.GetParametersBatch))
        {
            // GetParameters takes "name:version" and "name:label" selectors, so versioned reads batch too.
            var selectors = batch.Select(Selector).Distinct(StringComparer.Ordinal).ToList();
            GetParametersResponse response;
            try
            {
                response = await _ssm.GetParametersAsync(new GetParametersRequest { Names = selectors, WithDecryption = true }, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonServiceException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
            {
                // IAM and KMS judge every name of a batch: one denied name fails the call for all.
                // Read each alone, so only the names really at fault get an error.
                if (batch.Length > 1)
                {
                    foreach (var single in batch)
                        results.AddRange(await ReadAsync(new[] { single }, cancellationToken).ConfigureAwait(false));
                }
                else
                {
                    results.Add(SecretReadResult.Failure(batch[0], AwsErrorTranslator.Translate(ex, batch[0].Name, Kind)));
                }
                continue;
            }

            var parameters = response.Parameters ?? new List<Parameter>();
            foreach (var request in batch)
            {
                var parameter = Find(parameters, request);
                if (parameter is not null && request.ExpectedArn is not null && parameter.ARN is not null
                    && !string.Equals(parameter.ARN, request.ExpectedArn, StringComparison.Ordinal))
                    results.Add(SecretReadResult.Failure(request, new SecretStoreException(ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound, request.ExpectedArn,
                        $"'{request.ExpectedArn}' was not found: the credentials in use reach '{parameter.ARN}' under that name, another account's parameter.")));
                else if (parameter is not null)
                    results.Add(SecretReadResult.Success(request, ToValue(parameter)));
                else
                    results.Add(SecretReadResult.Failure(request, request.SelectsVersion
                        ? new SecretStoreException(ErrorIds.SecretVersionNotFound, ErrorCategory.ObjectNotFound, request.Name,
                            $"Secret '{request.Name}' has no version '{request.Version ?? request.Label}' in Parameter Store, or does not exist.")
                        : SecretStoreException.NotFound(request.Name, Kind)));
            }
        }
        return results;
    }

    /// <summary>
    /// The parameter answering a request. AWS echoes the selector (":3", ":label") in Selector;
    /// some endpoints leave it out, so a versioned request also matches by version number. All
    /// requests of one batch share the cmdlet's -Version/-Label, so a name appears once per batch.
    /// </summary>
    private static Parameter? Find(List<Parameter> parameters, SecretReadRequest request)
    {
        string selector = Selector(request)[request.Name.Length..];
        // Through /aws/reference/secretsmanager/NAME the answer may carry the secret's own name.
        string? referenced = request.Name.StartsWith(SecretsManagerReferencePrefix, StringComparison.Ordinal)
            ? request.Name[SecretsManagerReferencePrefix.Length..]
            : null;
        bool SameName(Parameter p) => p.Name == request.Name || (referenced is not null && p.Name == referenced);
        return parameters.FirstOrDefault(p => SameName(p) && (p.Selector ?? "") == selector)
            ?? parameters.FirstOrDefault(p => SameName(p) && string.IsNullOrEmpty(p.Selector)
                && (request.Version is null || p.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) == request.Version));
    }

    private async Task<T> Translated<T>(string name, Func<Task<T>> call)
    {
        try { return await call().ConfigureAwait(false); }
        catch (AmazonServiceException ex) when (!AwsErrorTranslator.IsSessionWide(ex)) { throw AwsErrorTranslator.Translate(ex, name, Kind); }
    }

    private const string SecretsManagerReferencePrefix = "/aws/reference/secretsmanager/";

    private static string Selector(SecretReadRequest r) =>
        r.Version is not null ? $"{r.Name}:{r.Version}" : r.Label is not null ? $"{r.Name}:{r.Label}" : r.Name;

    private static SecretValue ToValue(Parameter p) =>
        p.Type == ParameterType.StringList ? SecretValue.FromStringList(p.Value ?? "") : SecretValue.FromText(p.Value ?? "");

    public async Task<SecretInfo?> DescribeAsync(string name, CancellationToken cancellationToken)
    {
        var metadata = await DescribeMetadataAsync(name, cancellationToken).ConfigureAwait(false);
        return metadata is null ? null : await ToInfoWithTagsAsync(metadata, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One parameter's metadata without its tags (one call), or null.</summary>
    private async Task<ParameterMetadata?> DescribeMetadataAsync(string name, CancellationToken cancellationToken)
    {
        var response = await Translated(name, () => _ssm.DescribeParametersAsync(new DescribeParametersRequest
        {
            ParameterFilters = new List<ParameterStringFilter> { new() { Key = "Name", Option = "Equals", Values = new List<string> { name } } },
        }, cancellationToken)).ConfigureAwait(false);
        return response.Parameters?.FirstOrDefault(p => p.Name == name);
    }

    public async IAsyncEnumerable<SecretInfo> ListAsync(SecretListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var matcher = query.NamePattern is null ? null : new WildcardPattern(query.NamePattern, WildcardOptions.None);
        // One exact name costs one tag call at most: always worth it. A -Tag filter shows its
        // matches with the tags it filtered on, at one call per match (the filter keeps them few).
        bool localTagCheck = ParameterStoreFilters.NeedsLocalTagCheck(query);
        bool withTags = query.IncludeTags || localTagCheck || query.Tags.Count > 0
            || (query.NamePattern is not null && !WildcardPattern.ContainsWildcardCharacters(query.NamePattern));
        var request = new DescribeParametersRequest
        {
            MaxResults = ParameterStoreLimits.DescribeParametersPage,
            ParameterFilters = ParameterStoreFilters.For(query),
        };
        do
        {
            var page = await Translated(query.NamePattern ?? query.Path ?? "*", () => _ssm.DescribeParametersAsync(request, cancellationToken)).ConfigureAwait(false);
            var matches = (page.Parameters ?? new List<ParameterMetadata>())
                .Where(p => matcher is null || matcher.IsMatch(p.Name))
                .Where(p => query.Description is null || (p.Description ?? "").StartsWith(query.Description, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var infos = withTags
                ? await ToInfosWithTagsAsync(matches, cancellationToken).ConfigureAwait(false)
                : matches.Select(p => ToInfo(p, null)).ToList();
            foreach (var info in infos)
            {
                if (localTagCheck && !query.Tags.All(t => t.Value != "" || Equals(info.Tags?[t.Key], "")))
                    continue;
                yield return info;
            }
            request.NextToken = page.NextToken;
        } while (!string.IsNullOrEmpty(request.NextToken));
    }

    public async Task<IReadOnlyList<SecretOperationResult>> RemoveAsync(IReadOnlyList<string> names, SecretRemoveOptions options, CancellationToken cancellationToken)
    {
        var results = new List<SecretOperationResult>(names.Count);
        foreach (var batch in names.Distinct(StringComparer.Ordinal).Chunk(ParameterStoreLimits.DeleteParametersBatch))
        {
            DeleteParametersResponse response;
            try
            {
                response = await _ssm.DeleteParametersAsync(new DeleteParametersRequest { Names = batch.ToList() }, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonServiceException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
            {
                // As for reads: one forbidden name must not fail the others.
                if (batch.Length > 1)
                {
                    foreach (string single in batch)
                        results.AddRange(await RemoveAsync(new[] { single }, options, cancellationToken).ConfigureAwait(false));
                }
                else
                {
                    results.Add(new SecretOperationResult(batch[0], AwsErrorTranslator.Translate(ex, batch[0], Kind)));
                }
                continue;
            }
            var invalid = new HashSet<string>(response.InvalidParameters ?? new List<string>(), StringComparer.Ordinal);
            results.AddRange(batch.Select(n => new SecretOperationResult(n, invalid.Contains(n) ? SecretStoreException.NotFound(n, Kind) : null)));
        }
        return results;
    }

    public Task<SecretInfo> RestoreAsync(string name, CancellationToken cancellationToken) =>
        throw new SecretStoreException(ErrorIds.OperationNotSupported, ErrorCategory.NotImplemented, name,
            $"Parameter Store deletes are final, so '{name}' cannot be restored. Only Secrets Manager secrets have a recovery window.");

    private SecretInfo ToInfo(ParameterMetadata p, IDictionary<string, string>? tags) => new()
    {
        Name = p.Name,
        Store = SecretStoreKind.ParameterStore,
        Arn = p.ARN,
        Type = p.Type?.Value,
        Version = p.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        LastModified = p.LastModifiedDate?.ToUniversalTime(),
        Description = p.Description,
        KmsKeyId = p.KeyId,
        Tier = p.Tier?.Value,
        Region = _region,
        Tags = tags is null ? null : TagTable.From(tags),
    };

    private async Task<SecretInfo> ToInfoWithTagsAsync(ParameterMetadata p, CancellationToken cancellationToken) =>
        ToInfo(p, await ReadTagsAsync(p.Name, cancellationToken).ConfigureAwait(false));

    private async Task<IReadOnlyList<SecretInfo>> ToInfosWithTagsAsync(IReadOnlyList<ParameterMetadata> parameters, CancellationToken cancellationToken)
    {
        // DescribeParameters returns no tags: one ListTagsForResource per parameter, a few at a time.
        using var gate = new SemaphoreSlim(ParameterStoreLimits.TagLookupConcurrency);
        var tasks = parameters.Select(async p =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try { return await ToInfoWithTagsAsync(p, cancellationToken).ConfigureAwait(false); }
            finally { gate.Release(); }
        }).ToList();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task<IDictionary<string, string>> ReadTagsAsync(string name, CancellationToken cancellationToken)
    {
        var response = await Translated(name, () => _ssm.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceType = ResourceTypeForTagging.Parameter, ResourceId = name }, cancellationToken)).ConfigureAwait(false);
        return (response.TagList ?? new List<Tag>()).ToDictionary(t => t.Key, t => t.Value ?? "", StringComparer.Ordinal);
    }
}
