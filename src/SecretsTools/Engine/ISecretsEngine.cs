using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Aws;
using SecretsTools.Model;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Engine;

/// <summary>
/// Everything the cmdlets need from the AWS side, behind SecretsTools' own types only: the engine
/// (SecretsTools.Engine.dll) implements it inside a private load context with the AWS SDK, and
/// every SDK exception is turned into AwsCallException or SecretStoreException before it gets here.
/// </summary>
internal interface ISecretsEngine
{
    /// <summary>A store on a cached client for these settings; AwsCallException(Configuration) when the SDK refuses them.</summary>
    ISecretStore CreateStore(SecretStoreKind kind, AwsConnectionSettings connection);

    /// <summary>The store's Lambda rotation, translated like CreateStore's stores; null where the store has none.</summary>
    ISecretRotationStore? CreateRotationStore(SecretStoreKind kind, AwsConnectionSettings connection);

    /// <summary>The store's resource policies, translated like CreateStore's stores; null where the store has none.</summary>
    ISecretPolicyStore? CreatePolicyStore(SecretStoreKind kind, AwsConnectionSettings connection);

    /// <summary>The store's multi-Region replication, translated like CreateStore's stores; null where the store has none.</summary>
    ISecretReplicationStore? CreateReplicationStore(SecretStoreKind kind, AwsConnectionSettings connection);
    /// <summary>
    /// CloudTrail's record of a secret's calls (LookupEvents) on <paramref name="cloudTrail"/>, translated like
    /// CreateStore's stores; Secrets Manager names are turned into ARNs on <paramref name="secretsManager"/>.
    /// </summary>
    ISecretAuditSource CreateAuditSource(AwsConnectionSettings cloudTrail, AwsConnectionSettings secretsManager);

    /// <summary>Region names and display names, for tab completion.</summary>
    IReadOnlyList<KeyValuePair<string, string>> KnownRegions();

    /// <summary>Secrets Manager's GetRandomPassword.</summary>
    Task<string> GetRandomPasswordAsync(AwsConnectionSettings connection, PasswordOptions options, CancellationToken cancellationToken);
}
