using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using SecretsTools.Aws;
using SecretsTools.Model;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Engine;

/// <summary>
/// The engine's one entry point, created by the module's SecretsEngine loader through reflection
/// (so the main assembly never references this one). It hands out translated stores only.
/// </summary>
public sealed class SecretsEngineFacade : ISecretsEngine
{
    // The SDK's list also has pseudo-regions (aws-global, us-east-1-regional) no service answers in.
    private static readonly System.Text.RegularExpressions.Regex RealRegion = new("^[a-z]{2}(-[a-z]+)+-[0-9]+$");

    // Cached beside the clients (same key, same bound), so a store never outlives its client's entry.
    ISecretStore ISecretsEngine.CreateStore(SecretStoreKind kind, AwsConnectionSettings connection) =>
        Translated(() => AwsClientFactory.GetOrCreate<ISecretStore>($"store|{kind}|{connection.CacheKey}",
            () => new TranslatingStore(SecretStoreFactory.Create(kind, connection))));

    // Parameter Store has no rotation: no store, not one whose methods throw.
    ISecretRotationStore? ISecretsEngine.CreateRotationStore(SecretStoreKind kind, AwsConnectionSettings connection) =>
        kind != SecretStoreKind.SecretsManager ? null
            : Translated(() => AwsClientFactory.GetOrCreate<ISecretRotationStore>($"rotation|{kind}|{connection.CacheKey}",
                () => new TranslatingRotationStore(new Stores.SecretsManager.SecretsManagerStore(AwsClientFactory.GetSecretsManagerClient(connection)))));

    // Resource policies and replication are Secrets Manager's only, like rotation.
    ISecretPolicyStore? ISecretsEngine.CreatePolicyStore(SecretStoreKind kind, AwsConnectionSettings connection) =>
        kind != SecretStoreKind.SecretsManager ? null
            : Translated(() => AwsClientFactory.GetOrCreate<ISecretPolicyStore>($"policy|{kind}|{connection.CacheKey}",
                () => new TranslatingPolicyStore(new Stores.SecretsManager.SecretsManagerStore(AwsClientFactory.GetSecretsManagerClient(connection)))));

    ISecretReplicationStore? ISecretsEngine.CreateReplicationStore(SecretStoreKind kind, AwsConnectionSettings connection) =>
        kind != SecretStoreKind.SecretsManager ? null
            : Translated(() => AwsClientFactory.GetOrCreate<ISecretReplicationStore>($"replication|{kind}|{connection.CacheKey}",
                () => new TranslatingReplicationStore(new Stores.SecretsManager.SecretsManagerStore(AwsClientFactory.GetSecretsManagerClient(connection)))));
    ISecretAuditSource ISecretsEngine.CreateAuditSource(AwsConnectionSettings cloudTrail, AwsConnectionSettings secretsManager) =>
        Translated(() => AwsClientFactory.GetOrCreate<ISecretAuditSource>($"audit|{cloudTrail.CacheKey}|{secretsManager.CacheKey}",
            () => new TranslatingAuditSource(new Stores.CloudTrail.CloudTrailAuditSource(
                AwsClientFactory.GetCloudTrailClient(cloudTrail), () => AwsClientFactory.GetSecretsManagerClient(secretsManager)))));

    IReadOnlyList<KeyValuePair<string, string>> ISecretsEngine.KnownRegions() =>
        RegionEndpoint.EnumerableAllRegions
            .Where(r => RealRegion.IsMatch(r.SystemName))
            .OrderBy(r => r.SystemName, StringComparer.Ordinal)
            .Select(r => new KeyValuePair<string, string>(r.SystemName, r.DisplayName))
            .ToList();

    Task<string> ISecretsEngine.GetRandomPasswordAsync(AwsConnectionSettings connection, PasswordOptions options, CancellationToken cancellationToken) =>
        TranslatingStore.Guard(async () =>
        {
            var client = AwsClientFactory.GetSecretsManagerClient(connection);
            try
            {
                var response = await client.GetRandomPasswordAsync(new GetRandomPasswordRequest
                {
                    PasswordLength = options.Length,
                    ExcludeCharacters = options.ExcludeCharacters.Length == 0 ? null : options.ExcludeCharacters,
                    ExcludeNumbers = options.ExcludeNumbers,
                    ExcludePunctuation = options.ExcludePunctuation,
                    ExcludeUppercase = options.ExcludeUppercase,
                    ExcludeLowercase = options.ExcludeLowercase,
                    IncludeSpace = options.IncludeSpace,
                    RequireEachIncludedType = options.RequireEachIncludedType,
                }, cancellationToken).ConfigureAwait(false);
                return response.RandomPassword ?? throw new SecretStoreException(ErrorIds.AwsRequestFailed, System.Management.Automation.ErrorCategory.InvalidResult,
                    null, "Secrets Manager's GetRandomPassword answered without a password.");
            }
            catch (Amazon.Runtime.AmazonServiceException ex) when (ex.ErrorCode is "InvalidParameterException" or "InvalidRequestException")
            {
                // The service refused the options: the same error as options the local check refuses.
                throw new SecretStoreException(ErrorIds.InvalidParameterCombination, System.Management.Automation.ErrorCategory.InvalidArgument, null,
                    $"Secrets Manager's GetRandomPassword refused these options: {ex.Message} (AWS {ex.ErrorCode})", ex);
            }
            catch (SecretsTools.SecretsManager.SecretsManagerException ex) when (!AwsErrorTranslator.IsSessionWide(ex))
            {
                // One call, one output: the cmdlet ends with our ErrorId. No secret is concerned, so no name.
                throw Stores.SecretsManager.SecretsManagerErrors.Translate(ex, "GetRandomPassword");
            }
        });

    private static T Translated<T>(Func<T> create)
    {
        try { return create(); }
        catch (Exception ex) when (SdkExceptions.Translate(ex) is { } ours) { throw ours; }
    }
}
