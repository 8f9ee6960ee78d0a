using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>
/// Short forms of a VersionId. Views show the first 8 characters of a version id (a whole one
/// does not fit an 80-column table), so -Version takes such a prefix too: one ListSecretVersionIds
/// call finds the version it names, and only when a short form is given.
/// </summary>
internal static class SecretsManagerVersionIds
{
    /// <summary>Shortest prefix accepted: 8 hex digits leave little room for two versions to share it.</summary>
    public const int MinPrefixLength = 8;

    // VersionIds are 32 to 64 characters (the API model); anything shorter can only be a prefix.
    private const int MinFullLength = 32;

    public static bool IsShortForm(string version) => version.Length < MinFullLength;

    public static async Task<(string? VersionId, SecretStoreException? Error)> ResolveAsync(
        SecretsManagerClient client, string name, string prefix, CancellationToken cancellationToken)
    {
        if (prefix.Length < MinPrefixLength)
            return (null, new SecretStoreException(ErrorIds.SecretVersionNotFound, ErrorCategory.InvalidArgument, name,
                $"'{prefix}' is too short to name a version of '{name}': give the whole VersionId or at least its first {MinPrefixLength} characters."));
        var matches = new List<string>();
        var request = new ListSecretVersionIdsRequest { SecretId = name, IncludeDeprecated = true };
        try
        {
            do
            {
                var page = await client.ListSecretVersionIdsAsync(request, cancellationToken).ConfigureAwait(false);
                matches.AddRange(page.Versions.Select(v => v.VersionId ?? "").Where(id => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)));
                request.NextToken = page.NextToken;
            } while (!string.IsNullOrEmpty(request.NextToken));
        }
        catch (SecretsManagerException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
        {
            return (null, SecretsManagerErrors.Translate(ex, name));
        }
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (null, new SecretStoreException(ErrorIds.SecretVersionNotFound, ErrorCategory.ObjectNotFound, name,
                $"Secret '{name}' has no version whose id begins with '{prefix}' in Secrets Manager.")),
            _ => (null, new SecretStoreException(ErrorIds.SecretVersionAmbiguous, ErrorCategory.InvalidArgument, name,
                $"'{prefix}' begins {matches.Count} version ids of '{name}': give more of the VersionId.")),
        };
    }
}
