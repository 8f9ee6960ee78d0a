using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Migration;

/// <summary>
/// Copies one secret, safe to run again: it reads the source (value, version, description, tags),
/// compares the destination, and writes only when there is something to write. A destination with
/// the same value is Skipped; another value is DestinationDiffers unless Force. The write carries a
/// token derived from the source version and the destination, so a write re-sent after a lost
/// reply makes one version. Per-secret failures come back as Failed results with their error;
/// failures of the whole connection (AwsCallException) propagate.
/// </summary>
internal static class SecretCopier
{
    public static async Task<(SecretCopyResult Result, SecretStoreException? Error)> CopyAsync(SecretCopyRequest request, CancellationToken cancellationToken)
    {
        var result = new SecretCopyResult
        {
            SourceName = request.DisplayName,
            SourceStore = request.Source.Kind,
            SourceRegion = request.Source.Region,
            DestinationName = request.DestinationName,
            DestinationStore = request.Destination.Kind,
            DestinationRegion = request.Destination.Region,
        };
        try
        {
            var read = (await request.Source.ReadAsync(new[] { new SecretReadRequest(request.SourceName) }, cancellationToken).ConfigureAwait(false))[0];
            if (read.Error is not null) throw read.Error;
            result = result with { SourceVersion = read.Version };
            var source = await request.Source.DescribeAsync(request.SourceName, cancellationToken).ConfigureAwait(false)
                ?? throw SecretStoreException.NotFound(request.SourceName, request.Source.Kind);
            var value = ForDestination(read.Value!, request);

            var current = (await request.Destination.ReadAsync(new[] { new SecretReadRequest(request.DestinationName) }, cancellationToken).ConfigureAwait(false))[0];
            bool exists = current.Error is null;
            if (current.Error is { ErrorId: not ErrorIds.SecretNotFound }) throw current.Error;
            if (exists && current.Value!.SameAs(value))
                return (result with { Status = SecretCopyStatus.Skipped, DestinationVersion = current.Version, Verified = request.Verify ? true : null }, null);
            if (exists && !request.Force)
                throw new SecretStoreException(ErrorIds.DestinationDiffers, ErrorCategory.ResourceExists, request.DisplayName,
                    $"'{request.DestinationName}' already exists in {StoreNames.Display(request.Destination.Kind)} with another value, so '{request.DisplayName}' was not copied; "
                    + "use -Force to write it as a new version.");

            var write = new SecretWriteRequest(request.DestinationName, value)
            {
                ParameterType = request.Destination.Kind == SecretStoreKind.ParameterStore ? DestinationType(request, source, value) : null,
                Description = source.Description,
                Tags = Tags(source, read.Version, request),
                KmsKeyId = request.KmsKeyId,
                KnownToExist = exists,
                // What this copy writes, from which source version, over which destination version.
                ClientRequestToken = IdempotencyTokens.For(request.Source.Kind.ToString(), source.Arn ?? request.SourceName, read.Version,
                    request.Destination.Kind.ToString(), request.Destination.Region, request.DestinationName, current.Version),
            };
            request.Destination.ValidateWrite(write);
            // The tags go onto a destination that may already have some: the service counts them all.
            if (exists)
                await TagRules.ValidateTotalAsync(request.Destination, request.DestinationName, write.Tags, null, cancellationToken, target: request.DisplayName).ConfigureAwait(false);
            var written = await request.Destination.WriteAsync(write, cancellationToken).ConfigureAwait(false);
            bool? verified = null;
            if (request.Verify)
            {
                var back = (await request.Destination.ReadAsync(new[] { new SecretReadRequest(request.DestinationName) }, cancellationToken).ConfigureAwait(false))[0];
                verified = back.Value is not null && back.Value.SameAs(value);
            }
            return (result with
            {
                // Absent when read, and now holding this value: this copy created it, even when a
                // re-sent create (its first reply lost) found its own write there and left it alone.
                Status = !exists ? SecretCopyStatus.Created
                    : written.Outcome == SecretWriteOutcome.Skipped ? SecretCopyStatus.Skipped
                    : SecretCopyStatus.Updated,
                DestinationArn = written.Info.Arn,
                DestinationVersion = written.Info.Version,
                Verified = verified,
            }, verified == false
                ? new SecretStoreException(ErrorIds.VerificationFailed, ErrorCategory.InvalidResult, request.DisplayName,
                    $"'{request.DestinationName}' does not read back as the value of '{request.DisplayName}'; the source is kept.")
                : null);
        }
        catch (SecretStoreException ex)
        {
            return (result with { Status = SecretCopyStatus.Failed, Error = ex.Message }, ex);
        }
    }

    /// <summary>The value as the destination store holds it; what it cannot hold is refused here, by name.</summary>
    private static SecretValue ForDestination(SecretValue value, SecretCopyRequest request)
    {
        if (value.Kind == SecretValueKind.Binary && request.Destination.Kind == SecretStoreKind.ParameterStore)
            throw new SecretStoreException(ErrorIds.UnsupportedSecretType, ErrorCategory.InvalidType, request.DisplayName,
                $"'{request.DisplayName}' holds binary data, and Parameter Store holds text only, so it cannot be copied to '{request.DestinationName}'.");
        // Secrets Manager has no StringList: the list is kept as Parameter Store stores it, comma-joined text.
        if (value.Kind == SecretValueKind.StringList && request.Destination.Kind == SecretStoreKind.SecretsManager)
            return SecretValue.FromText(value.Text ?? "");
        return value;
    }

    /// <summary>
    /// Secrets stay secret: a Parameter Store source keeps its type; anything from Secrets Manager
    /// becomes a SecureString unless -Type says otherwise.
    /// </summary>
    private static string DestinationType(SecretCopyRequest request, SecretInfo source, SecretValue value) =>
        request.ParameterType
        ?? (value.Kind == SecretValueKind.StringList ? "StringList"
            : source.Store == SecretStoreKind.ParameterStore && source.Type is "String" or "SecureString" ? source.Type!
            : "SecureString");

    private static IReadOnlyDictionary<string, string>? Tags(SecretInfo source, string? version, SecretCopyRequest request)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (source.Tags is not null)
            foreach (System.Collections.DictionaryEntry tag in source.Tags)
                tags[(string)tag.Key] = tag.Value as string ?? "";
        if (request.TagSource)
        {
            tags[ProvenanceTags.Source] = source.Arn ?? request.SourceName;
            if (version is not null) tags[ProvenanceTags.SourceVersion] = version;
        }
        return tags.Count == 0 ? null : tags;
    }
}
