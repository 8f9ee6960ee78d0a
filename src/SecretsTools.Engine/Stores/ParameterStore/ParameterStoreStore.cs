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

    public string? Region => _region;

    public int ReadBatchSize => ParameterStoreLimits.GetParametersBatch;

    public void ValidateName(string name, bool forWrite = true) => ParameterNameRules.Validate(name, forWrite);

    public async Task<IReadOnlyList<SecretReadResult>> ReadAsync(IReadOnlyList<SecretReadRequest> requests, CancellationToken cancellationToken)
    {
        // Not every endpoint echoes the selector of an answer, and a label is not in the answer at
        // all: two selectors of one name in one call could not be told apart. So each round of
        // calls holds a name with one selector only; a second selector of it waits for the next.
        var results = new SecretReadResult[requests.Count];
        var rounds = new List<(Dictionary<string, string> Selectors, List<int> Indexes)>();
        for (int i = 0; i < requests.Count; i++)
        {
            string selector = Selector(requests[i]);
            var round = rounds.FirstOrDefault(r => !r.Selectors.TryGetValue(requests[i].Name, out var s) || s == selector);
            if (round.Indexes is null) rounds.Add(round = (new Dictionary<string, string>(StringComparer.Ordinal), new List<int>()));
            round.Selectors[requests[i].Name] = selector;
            round.Indexes.Add(i);
        }
        foreach (var (_, indexes) in rounds)
        {
            var read = await ReadDistinctAsync(indexes.Select(i => requests[i]).ToList(), cancellationToken).ConfigureAwait(false);
            for (int k = 0; k < indexes.Count; k++) results[indexes[k]] = read[k];
        }
        return results;
    }

    /// <summary>Reads requests in which each name has one selector, 10 per GetParameters call.</summary>
    private async Task<IReadOnlyList<SecretReadResult>> ReadDistinctAsync(IReadOnlyList<SecretReadRequest> requests, CancellationToken cancellationToken)
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
                // IAM and KMS judge every name of a batch: one denied name fails the call for all,
                // and a policy may allow ssm:GetParameter but not ssm:GetParameters. Read each alone
                // with GetParameter, so only the names really at fault get an error and narrow
                // policies can read; but throttling or a server error says nothing about the names,
                // and single reads would add load.
                if (!AwsErrorTranslator.IsTransient(ex) && (batch.Length > 1 || IsAccessDenied(ex)))
                    results.AddRange(await ReadEachAsync(batch, cancellationToken).ConfigureAwait(false));
                else
                    results.AddRange(batch.Select(r => SecretReadResult.Failure(r, AwsErrorTranslator.Translate(ex, r.Name, Kind))));
                continue;
            }

            var parameters = response.Parameters ?? new List<Parameter>();
            foreach (var request in batch)
                results.Add(ResultFor(request, Find(parameters, request)));
        }
        return results;
    }

    private static bool IsAccessDenied(AmazonServiceException ex) => ex.ErrorCode is "AccessDeniedException" or "AccessDenied";

    /// <summary>One GetParameter per selector: what a batch falls back to (see ReadDistinctAsync).</summary>
    private async Task<IReadOnlyList<SecretReadResult>> ReadEachAsync(IReadOnlyList<SecretReadRequest> requests, CancellationToken cancellationToken)
    {
        var bySelector = new Dictionary<string, SecretReadResult>(StringComparer.Ordinal);
        var results = new List<SecretReadResult>(requests.Count);
        foreach (var request in requests)
        {
            string selector = Selector(request);
            if (!bySelector.TryGetValue(selector, out var result))
            {
                try
                {
                    var response = await _ssm.GetParameterAsync(new GetParameterRequest { Name = selector, WithDecryption = true }, cancellationToken).ConfigureAwait(false);
                    result = ResultFor(request, response.Parameter);
                }
                catch (ParameterNotFoundException)
                {
                    result = ResultFor(request, null);
                }
                catch (AmazonServiceException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
                {
                    result = SecretReadResult.Failure(request, AwsErrorTranslator.Translate(ex, request.Name, Kind));
                }
                bySelector[selector] = result;
            }
            results.Add(result with { Request = request });
        }
        return results;
    }

    /// <summary>The result of one request, from the parameter that answers it (null: none did).</summary>
    private SecretReadResult ResultFor(SecretReadRequest request, Parameter? parameter)
    {
        if (parameter is not null && request.ExpectedArn is not null && parameter.ARN is not null
            && !string.Equals(parameter.ARN, request.ExpectedArn, StringComparison.Ordinal))
            return SecretReadResult.Failure(request, ForeignArn(request.ExpectedArn, parameter.ARN));
        if (parameter is not null)
            return ToResult(request, parameter);
        return SecretReadResult.Failure(request, request.SelectsVersion
            ? new SecretStoreException(ErrorIds.SecretVersionNotFound, ErrorCategory.ObjectNotFound, request.Name,
                $"Secret '{request.Name}' has no version '{request.Version ?? request.Label}' in Parameter Store, or does not exist.")
            : SecretStoreException.NotFound(request.Name, Kind));
    }

    /// <summary>
    /// The parameter answering a request. AWS echoes the selector (":3", ":label") in Selector;
    /// some endpoints leave it out, so a request also matches by name (and version number). A
    /// name appears with one selector per call (see ReadAsync), so that match is unambiguous.
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

    private static SecretReadResult ToResult(SecretReadRequest request, Parameter p) =>
        SecretReadResult.Success(request, ToValue(p), p.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture)) with { StoredName = p.Name, ParameterType = p.Type?.Value };

    /// <summary>
    /// The ARN asked for is another account's (or region's) parameter; the name alone found the
    /// caller's own. Say which is which, and how to reach the one asked for.
    /// </summary>
    private static SecretStoreException ForeignArn(string expected, string found)
    {
        string Account(string arn) => arn.Split(':') is { Length: > 4 } parts ? parts[4] : "?";
        return new SecretStoreException(ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound, expected,
            $"'{expected}' is in account {Account(expected)}, but the credentials in use are for account {Account(found)}: "
            + $"under that name they reach '{found}', which is not the parameter asked for, so nothing was read. "
            + $"Use credentials of account {Account(expected)} (-ProfileName or -Credential).");
    }

    public IAsyncEnumerable<SecretReadResult> ReadMatchingAsync(SecretListQuery query, CancellationToken cancellationToken) =>
        IsPathOnly(query) ? ReadByPathAsync(query.Path!, query.Recurse, cancellationToken) : ListedReader.ReadAsync(this, query, cancellationToken);

    /// <summary>A bare path is what GetParametersByPath does: values and names in one call per page, no listing first.</summary>
    private static bool IsPathOnly(SecretListQuery query) =>
        query.Path is not null && query.NamePattern is null && query.Tags.Count == 0 && query.Description is null;

    private async IAsyncEnumerable<SecretReadResult> ReadByPathAsync(string path, bool recurse, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new GetParametersByPathRequest
        {
            Path = path,
            Recursive = recurse,
            WithDecryption = true,
            MaxResults = ParameterStoreLimits.GetParametersByPathPage,
        };
        do
        {
            var page = await Translated(path, () => _ssm.GetParametersByPathAsync(request, cancellationToken)).ConfigureAwait(false);
            foreach (var parameter in page.Parameters ?? new List<Parameter>())
                yield return ToResult(new SecretReadRequest(parameter.Name), parameter);
            request.NextToken = page.NextToken;
        } while (!string.IsNullOrEmpty(request.NextToken));
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        await DescribeMetadataAsync(name, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>DescribeParameters alone: the version number, without the tag call DescribeAsync makes.</summary>
    public async Task<string?> CurrentVersionAsync(string name, CancellationToken cancellationToken) =>
        (await DescribeMetadataAsync(name, cancellationToken).ConfigureAwait(false))?.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parameter Store numbers versions one by one: the write replaced the number before it.</summary>
    public Task<string?> VersionReplacedByAsync(string name, string writtenVersion, CancellationToken cancellationToken) =>
        Task.FromResult(long.TryParse(writtenVersion, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long v) && v > 1
            ? (v - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null);

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
            HashSet<string> missing;
            try
            {
                missing = (await DeleteOnceAsync(batch.ToList(), cancellationToken).ConfigureAwait(false)).Missing;
            }
            catch (AmazonServiceException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
            {
                // As for reads: one forbidden name must not fail the others (throttling is no one name's fault).
                if (batch.Length > 1 && !AwsErrorTranslator.IsTransient(ex))
                {
                    foreach (string single in batch)
                        results.AddRange(await RemoveAsync(new[] { single }, options, cancellationToken).ConfigureAwait(false));
                }
                else
                {
                    results.AddRange(batch.Select(n => new SecretOperationResult(n, AwsErrorTranslator.Translate(ex, n, Kind))));
                }
                continue;
            }
            results.AddRange(batch.Select(n => new SecretOperationResult(n, missing.Contains(n) ? SecretStoreException.NotFound(n, Kind) : null)));
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

    /// <summary>ListTagsForResource alone: it also answers whether the parameter exists (InvalidResourceId when not).</summary>
    public async Task<System.Collections.Hashtable?> TagsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _ssm.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceType = ResourceTypeForTagging.Parameter, ResourceId = name }, cancellationToken).ConfigureAwait(false);
            return TagTable.From((response.TagList ?? new List<Tag>()).Select(t => new KeyValuePair<string, string>(t.Key, t.Value ?? "")));
        }
        catch (InvalidResourceIdException) { return null; }
        catch (AmazonServiceException ex) when (!AwsErrorTranslator.IsSessionWide(ex)) { throw AwsErrorTranslator.Translate(ex, name, Kind); }
    }

    private async Task<IDictionary<string, string>> ReadTagsAsync(string name, CancellationToken cancellationToken)
    {
        var response = await Translated(name, () => _ssm.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceType = ResourceTypeForTagging.Parameter, ResourceId = name }, cancellationToken)).ConfigureAwait(false);
        return (response.TagList ?? new List<Tag>()).ToDictionary(t => t.Key, t => t.Value ?? "", StringComparer.Ordinal);
    }
}
