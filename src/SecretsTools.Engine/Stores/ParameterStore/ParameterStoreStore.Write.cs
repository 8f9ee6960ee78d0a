using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SecretsTools.Model;
using SecretsTools.Validation;

namespace SecretsTools.Stores.ParameterStore;

/// <summary>Writes: Set-Secret and Set-SecretInfo on Parameter Store.</summary>
internal sealed partial class ParameterStoreStore
{
    public void ValidateWrite(SecretWriteRequest request)
    {
        ValidateName(request.Name);
        if (request.Value.Kind == SecretValueKind.Binary)
            throw new SecretStoreException(ErrorIds.UnsupportedSecretType, ErrorCategory.InvalidType, request.Name,
                "Parameter Store holds text only; store binary values in Secrets Manager (-Store SecretsManager).");
        string type = EffectiveType(request);
        if (!ParameterStoreLimits.Types.Contains(type, StringComparer.Ordinal))
            throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, request.Name,
                $"'{type}' is not a Parameter Store type; use SecureString, String or StringList.");
        if (request.Tier is not null && !ParameterStoreLimits.Tiers.Contains(request.Tier, StringComparer.Ordinal))
            throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, request.Name,
                $"'{request.Tier}' is not a Parameter Store tier; use Standard, Advanced or Intelligent-Tiering.");
        if (request.KmsKeyId is not null && type != "SecureString")
            throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, request.Name,
                "-KmsKeyId applies only to SecureString parameters.");
        if (request.Value.ByteLength == 0)
            throw new SecretStoreException(ErrorIds.SecretValueEmpty, ErrorCategory.InvalidData, request.Name,
                "Parameter Store values cannot be empty.");
        // Without -Tier, up to 8 KB may be fine for an existing Advanced parameter; WriteAsync checks
        // that before writing anything.
        int limit = request.Tier is "Standard" ? ParameterStoreLimits.StandardValueBytes : ParameterStoreLimits.AdvancedValueBytes;
        if (request.Value.ByteLength > limit)
            throw new SecretStoreException(ErrorIds.SecretValueTooLarge, ErrorCategory.InvalidData, request.Name,
                request.Tier is null
                    // No -Tier: a new parameter is Standard (4,096 bytes); even Advanced takes only 8,192.
                    ? $"The value is {request.Value.ByteLength} bytes; a Standard-tier parameter takes at most {ParameterStoreLimits.StandardValueBytes} and an Advanced one {ParameterStoreLimits.AdvancedValueBytes}. Use Secrets Manager (up to 64 KB)."
                    : $"The value is {request.Value.ByteLength} bytes; the {request.Tier} tier takes at most {limit}."
                        + (limit == ParameterStoreLimits.StandardValueBytes ? " Use -Tier Advanced (up to 8,192 bytes) or Secrets Manager (up to 64 KB)." : ""));
        TagRules.Validate(request.Name, request.Tags);
    }

    private static string EffectiveType(SecretWriteRequest request) =>
        request.ParameterType ?? (request.Value.Kind == SecretValueKind.StringList ? "StringList" : "SecureString");

    public async Task<SecretWriteResult> WriteAsync(SecretWriteRequest request, CancellationToken cancellationToken)
    {
        ValidateWrite(request);
        if (request.Tier is null && request.Value.ByteLength > ParameterStoreLimits.StandardValueBytes)
        {
            var current = await DescribeMetadataAsync(request.Name, cancellationToken).ConfigureAwait(false);
            if (current?.Tier?.Value is not ("Advanced" or "Intelligent-Tiering"))
                throw new SecretStoreException(ErrorIds.SecretValueTooLarge, ErrorCategory.InvalidData, request.Name,
                    $"The value is {request.Value.ByteLength} bytes; the Standard tier takes at most {ParameterStoreLimits.StandardValueBytes}. "
                    + "Use -Tier Advanced (up to 8,192 bytes) or Secrets Manager (up to 64 KB).");
        }
        var put = new PutParameterRequest
        {
            Name = request.Name,
            Value = request.Value.Text,
            Type = new ParameterType(EffectiveType(request)),
            Description = request.Description,
            KeyId = request.KmsKeyId,
            Tier = request.Tier is null ? null : new ParameterTier(request.Tier),
            Overwrite = false,
            Tags = request.Tags?.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
        };

        try
        {
            if (request.KnownToExist && !request.NoClobber) return await OverwriteAsync(request, put, cancellationToken).ConfigureAwait(false);
            // Create first: tags can only ride along on a create (Tags with Overwrite=true is a ValidationException).
            var response = await PutOnceAsync(put, versionBefore: 0, cancellationToken).ConfigureAwait(false);
            return new SecretWriteResult(Written(request, put.Type.Value, response, TagTable.From(request.Tags)), SecretWriteOutcome.Created);
        }
        catch (ParameterAlreadyExistsException) when (!request.NoClobber)
        {
            return await OverwriteAsync(request, put, cancellationToken).ConfigureAwait(false);
        }
        catch (ParameterAlreadyExistsException ex)
        {
            throw new SecretStoreException(ErrorIds.SecretAlreadyExists, ErrorCategory.ResourceExists, request.Name,
                $"Secret '{request.Name}' already exists in Parameter Store and -NoClobber was given; nothing was written.", ex);
        }
        catch (AmazonServiceException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
        {
            throw AwsErrorTranslator.Translate(ex, request.Name, Kind);
        }
    }

    /// <summary>
    /// A new version of an existing parameter. It keeps what the caller did not ask to change:
    /// type, key and description (a String parameter must not silently become a SecureString).
    /// With SkipIfUnchanged, an equal value is left alone: Parameter Store has no request tokens,
    /// so this is what keeps a write sent again (a lost reply, a re-run) from adding a version.
    /// </summary>
    private async Task<SecretWriteResult> OverwriteAsync(SecretWriteRequest request, PutParameterRequest put, CancellationToken cancellationToken)
    {
        string type = put.Type.Value;
        var current = await DescribeMetadataAsync(request.Name, cancellationToken).ConfigureAwait(false);
        if (current is not null)
        {
            if (request.ParameterType is null && current.Type is not null && request.Value.Kind != SecretValueKind.StringList)
                type = current.Type.Value;
            if (request.KmsKeyId is not null && type != "SecureString")
                throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, request.Name,
                    $"'{request.Name}' is a {type} parameter; -KmsKeyId applies only to SecureString parameters. Nothing was written.");
            put.Type = new ParameterType(type);
            put.KeyId = type == "SecureString" ? request.KmsKeyId ?? current.KeyId : null;
            put.Description = request.Description ?? current.Description;
        }
        // A write with a request token asks to be idempotent; Parameter Store has no tokens, so it compares.
        if ((request.SkipIfUnchanged || request.ClientRequestToken is not null) && current?.Type?.Value == type)
        {
            var read = (await ReadAsync(new[] { new SecretReadRequest(request.Name) }, cancellationToken).ConfigureAwait(false))[0];
            if (read.Value is not null && read.Value.SameAs(request.Value))
                return new SecretWriteResult(Written(request, type, null, null) with { Version = read.Version }, SecretWriteOutcome.Skipped);
        }
        put.Overwrite = true;
        put.Tags = null;
        var response = await Translated(request.Name, () => PutOnceAsync(put, current?.Version ?? 0, cancellationToken)).ConfigureAwait(false);
        // Tags cannot ride along on an overwrite (the description does): a failure to tag after the
        // value is a PartialWrite that says the value was written, not a plain error.
        if (request.Tags is { Count: > 0 })
            await new PartialWrite(request.Name, $"the value (version {response.Version})").RunAsync(
                (PartialWrite.Tags(request.Tags), () => AddTagsAsync(request.Name, request.Tags, cancellationToken))).ConfigureAwait(false);
        // An existing parameter kept tags we did not read: Tags stays unknown (null).
        return new SecretWriteResult(Written(request, type, response, null), SecretWriteOutcome.Updated);
    }

    private SecretInfo Written(SecretWriteRequest request, string type, PutParameterResponse? response, System.Collections.Hashtable? tags) => new()
    {
        Name = request.Name,
        Store = Kind,
        Type = type,
        Version = response?.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Tier = response?.Tier?.Value,
        Description = request.Description,
        KmsKeyId = request.KmsKeyId,
        Region = _region,
        Tags = tags,
    };

    public async Task<SecretInfo> UpdateInfoAsync(SecretInfoUpdate update, CancellationToken cancellationToken)
    {
        ValidateName(update.Name);
        TagRules.Validate(update.Name, update.AddTags);
        var current = await DescribeAsync(update.Name, cancellationToken).ConfigureAwait(false)
            ?? throw SecretStoreException.NotFound(update.Name, Kind);

        if (update.KmsKeyId is not null && current.Type != "SecureString")
            throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, update.Name,
                "-KmsKeyId applies only to SecureString parameters.");
        // Three calls at most; when a later one fails, PartialWrite says what the earlier ones changed.
        await new PartialWrite(update.Name).RunAsync(
            (PartialWrite.Metadata(update.Description, update.KmsKeyId), update.Description is not null || update.KmsKeyId is not null
                ? () => RewriteWithMetadataAsync(update, current, cancellationToken) : null),
            (update.AddTags is { Count: > 0 } ? PartialWrite.Tags(update.AddTags) : "", update.AddTags is { Count: > 0 }
                ? () => AddTagsAsync(update.Name, update.AddTags, cancellationToken) : null),
            ("the removal of " + PartialWrite.TagKeys(update.RemoveTags), update.RemoveTags is { Count: > 0 }
                ? () => TranslatedWrite(update.Name, () => _ssm.RemoveTagsFromResourceAsync(new RemoveTagsFromResourceRequest
                {
                    ResourceType = ResourceTypeForTagging.Parameter,
                    ResourceId = update.Name,
                    TagKeys = update.RemoveTags.ToList(),
                }, cancellationToken), cancellationToken) : null)).ConfigureAwait(false);

        return await DescribeAsync(update.Name, cancellationToken).ConfigureAwait(false) ?? current;
    }

    /// <summary>
    /// PutParameter is the only call that changes a description or key, and it needs the value:
    /// the current one is written back unchanged, as a new version.
    /// </summary>
    private async Task RewriteWithMetadataAsync(SecretInfoUpdate update, SecretInfo current, CancellationToken cancellationToken)
    {
        var read = (await ReadAsync(new[] { new SecretReadRequest(update.Name) }, cancellationToken).ConfigureAwait(false))[0];
        if (read.Error is not null) throw read.Error;
        long versionBefore = long.TryParse(read.Version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long v) ? v : 0;
        await Translated(update.Name, () => PutOnceAsync(new PutParameterRequest
        {
            Name = update.Name,
            Value = read.Value!.Text,
            Type = new ParameterType(current.Type),
            Description = update.Description ?? current.Description,
            KeyId = update.KmsKeyId ?? current.KmsKeyId,
            Overwrite = true,
        }, versionBefore, cancellationToken)).ConfigureAwait(false);
    }

    private Task AddTagsAsync(string name, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        TranslatedWrite(name, () => _ssm.AddTagsToResourceAsync(new AddTagsToResourceRequest
        {
            ResourceType = ResourceTypeForTagging.Parameter,
            ResourceId = name,
            Tags = tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
        }, cancellationToken), cancellationToken);

    /// <summary>A write, retried on TooManyUpdates, with AWS errors translated.</summary>
    private Task<T> TranslatedWrite<T>(string name, Func<Task<T>> call, CancellationToken cancellationToken) =>
        Translated(name, () => RetryTooManyUpdates(call, cancellationToken));

    /// <summary>
    /// Parameter Store answers fast writes (about 3 a second by default) with TooManyUpdates, which
    /// the SDK does not retry: back off with full jitter and try again, a bounded number of times.
    /// </summary>
    private static async Task<T> RetryTooManyUpdates<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (TooManyUpdatesException) when (attempt < ParameterStoreLimits.WriteAttempts)
            {
                int ceiling = Math.Min(ParameterStoreLimits.WriteBackoffCapMs, ParameterStoreLimits.WriteBackoffBaseMs << (attempt - 1));
                await Task.Delay(Random.Shared.Next(ceiling / 2, ceiling + 1), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
