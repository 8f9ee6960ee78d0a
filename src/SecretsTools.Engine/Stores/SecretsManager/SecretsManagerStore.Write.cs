using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Values;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>Writes: Set-Secret and Set-SecretInfo on Secrets Manager.</summary>
internal sealed partial class SecretsManagerStore
{
    public void ValidateWrite(SecretWriteRequest request)
    {
        ValidateName(request.Name);
        if (request.ParameterType is not null || request.Tier is not null)
            throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, request.Name,
                "-Type and -Tier are Parameter Store settings; Secrets Manager stores text or binary and has no tiers.");
        if (request.Value.Kind == SecretValueKind.StringList)
            throw new SecretStoreException(ErrorIds.UnsupportedSecretType, ErrorCategory.InvalidType, request.Name,
                "Secrets Manager has no StringList type. Pass a single string, or a hashtable to store JSON.");
        if (request.Value.ByteLength == 0)
            throw new SecretStoreException(ErrorIds.SecretValueEmpty, ErrorCategory.InvalidData, request.Name,
                "Secrets Manager values cannot be empty.");
        if (request.Value.ByteLength > SecretsManagerLimits.MaxValueBytes)
            throw new SecretStoreException(ErrorIds.SecretValueTooLarge, ErrorCategory.InvalidData, request.Name,
                $"The value is {request.Value.ByteLength} bytes; Secrets Manager takes at most {SecretsManagerLimits.MaxValueBytes}.");
        TagRules.Validate(request.Name, request.Tags);
    }

    public async Task<SecretWriteResult> WriteAsync(SecretWriteRequest request, CancellationToken cancellationToken)
    {
        ValidateWrite(request);
        string? text = request.Value.Kind == SecretValueKind.Binary ? null : request.Value.Text;
        byte[]? binary = request.Value.Binary;
        bool exists = request.KnownToExist || request.Name.StartsWith("arn:", StringComparison.Ordinal);
        if (request.SkipIfUnchanged)
        {
            var current = await ReadOneAsync(new SecretReadRequest(request.Name), cancellationToken).ConfigureAwait(false);
            if (current.Value is not null && current.Value.SameAs(request.Value))
                return new SecretWriteResult(Written(request, null, current.Version, null) with { Replicas = null }, SecretWriteOutcome.Skipped);
            exists |= current.Value is not null;
        }
        if (exists)
        {
            // An ARN names an existing secret (CreateSecret takes names only).
            if (request.NoClobber)
                throw new SecretStoreException(ErrorIds.SecretAlreadyExists, ErrorCategory.ResourceExists, request.Name,
                    request.Name.StartsWith("arn:", StringComparison.Ordinal)
                        ? $"'{request.Name}' is the ARN of an existing secret and -NoClobber was given; nothing was written."
                        : $"Secret '{request.Name}' already exists in Secrets Manager and -NoClobber was given; nothing was written.");
            return new SecretWriteResult(await WriteNewVersionAsync(request, text, binary, cancellationToken).ConfigureAwait(false), SecretWriteOutcome.Updated);
        }
        try
        {
            var created = await _client.CreateSecretAsync(new CreateSecretRequest
            {
                Name = request.Name,
                SecretString = text,
                SecretBinary = binary,
                Description = request.Description,
                KmsKeyId = request.KmsKeyId,
                ClientRequestToken = request.ClientRequestToken,
                Tags = request.Tags?.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() ?? new List<Tag>(),
            }, cancellationToken).ConfigureAwait(false);
            return new SecretWriteResult(Written(request, created.ARN, created.VersionId, TagTable.From(request.Tags)), SecretWriteOutcome.Created);
        }
        catch (SecretsManagerException ex) when (ex.ErrorCode == "ResourceExistsException")
        {
            if (request.NoClobber)
                throw new SecretStoreException(ErrorIds.SecretAlreadyExists, ErrorCategory.ResourceExists, request.Name,
                    $"Secret '{request.Name}' already exists in Secrets Manager and -NoClobber was given; nothing was written.", ex);
        }
        catch (SecretsManagerException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
        {
            throw await FailureAsync(ex, request.Name, request.KmsKeyId, cancellationToken).ConfigureAwait(false);
        }

        return new SecretWriteResult(await WriteNewVersionAsync(request, text, binary, cancellationToken).ConfigureAwait(false), SecretWriteOutcome.Updated);
    }

    private async Task<SecretInfo> WriteNewVersionAsync(SecretWriteRequest request, string? text, byte[]? binary, CancellationToken cancellationToken)
    {
        // The secret exists. One DescribeSecret first: a secret scheduled for deletion must not get a
        // new version (AWS refuses it, some endpoints do not), and the user needs to hear about Restore-Secret.
        var existing = await DescribeAsync(request.Name, cancellationToken).ConfigureAwait(false)
            ?? throw SecretStoreException.NotFound(request.Name, Kind);
        if (existing.DeletedDate is not null)
            throw SecretsManagerErrors.ScheduledForDeletion(request.Name, null);

        // Then a new version, then the metadata the caller asked for.
        var put = await Translated(request.Name, () => _client.PutSecretValueAsync(new PutSecretValueRequest
        {
            SecretId = request.Name,
            SecretString = text,
            SecretBinary = binary,
            // The same token and value again is a no-op: a write re-sent after a lost reply makes one version.
            ClientRequestToken = request.ClientRequestToken,
        }, cancellationToken)).ConfigureAwait(false);
        // No call sets a value and metadata of an existing secret together: a failure after the
        // value is a PartialWrite that says the value was written, not a plain error.
        await new PartialWrite(request.Name, $"the value (version {put.VersionId})").RunAsync(
            (PartialWrite.Metadata(request.Description, request.KmsKeyId), request.Description is not null || request.KmsKeyId is not null
                ? () => UpdateMetadataAsync(request.Name, request.Description, request.KmsKeyId, cancellationToken) : null),
            (request.Tags is { Count: > 0 } ? PartialWrite.Tags(request.Tags) : "", request.Tags is { Count: > 0 }
                ? () => TagAsync(request.Name, request.Tags, cancellationToken) : null)).ConfigureAwait(false);
        var tags = existing.Tags is null ? null : (System.Collections.Hashtable)existing.Tags.Clone();
        if (tags is not null && request.Tags is not null)
            foreach (var (key, value) in request.Tags) tags[key] = value;
        // The describe before the write knows the replicas; a new version does not change them.
        return Written(request, put.ARN, put.VersionId, tags) with { Replicas = existing.Replicas, ReplicaRegions = existing.ReplicaRegions };
    }

    /// <summary>What a write knows of the secret; a create has no replicas (empty: loaded, none).</summary>
    private SecretInfo Written(SecretWriteRequest request, string? arn, string? versionId, System.Collections.Hashtable? tags) => new()
    {
        Name = request.Name,
        Store = Kind,
        Arn = arn,
        Type = WrittenType(request.Value),
        Version = versionId,
        Description = request.Description,
        KmsKeyId = request.KmsKeyId,
        Region = Region,
        Tags = tags,
    };

    /// <summary>What was written, as only the write knows it: Binary, Json (a JSON object) or String.</summary>
    private static string WrittenType(SecretValue value) => value.Kind switch
    {
        SecretValueKind.Binary => "Binary",
        _ when value.Text is { } text && JsonValues.TryParseObject(text) is not null => "Json",
        _ => "String",
    };

    public async Task<SecretInfo> UpdateInfoAsync(SecretInfoUpdate update, CancellationToken cancellationToken)
    {
        ValidateName(update.Name);
        TagRules.Validate(update.Name, update.AddTags);
        // Three calls at most; when a later one fails, PartialWrite says what the earlier ones changed.
        await new PartialWrite(update.Name).RunAsync(
            (PartialWrite.Metadata(update.Description, update.KmsKeyId), update.Description is not null || update.KmsKeyId is not null
                ? () => UpdateMetadataAsync(update.Name, update.Description, update.KmsKeyId, cancellationToken) : null),
            (update.AddTags is { Count: > 0 } ? PartialWrite.Tags(update.AddTags) : "", update.AddTags is { Count: > 0 }
                ? () => TagAsync(update.Name, update.AddTags, cancellationToken) : null),
            ("the removal of " + PartialWrite.TagKeys(update.RemoveTags), update.RemoveTags is { Count: > 0 }
                ? () => Translated(update.Name, () => _client.UntagResourceAsync(new UntagResourceRequest
                {
                    SecretId = update.Name,
                    TagKeys = update.RemoveTags.ToList(),
                }, cancellationToken)) : null)).ConfigureAwait(false);
        return await DescribeAsync(update.Name, cancellationToken).ConfigureAwait(false) ?? throw SecretStoreException.NotFound(update.Name, Kind);
    }

    private Task<UpdateSecretResponse> UpdateMetadataAsync(string name, string? description, string? kmsKeyId, CancellationToken cancellationToken) =>
        Translated(name, () => _client.UpdateSecretAsync(new UpdateSecretRequest
        {
            SecretId = name,
            Description = description,
            KmsKeyId = kmsKeyId,
        }, cancellationToken), kmsKeyId);

    private Task<TagResourceResponse> TagAsync(string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        Translated(name, () => _client.TagResourceAsync(new TagResourceRequest
        {
            SecretId = name,
            Tags = tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
        }, cancellationToken));
}
