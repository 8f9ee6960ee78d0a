using System.Runtime.CompilerServices;
using SecretsTools.Aws;
using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>
/// The process-wide provider of stores: one per store kind and whole connection (region,
/// profile, endpoint, credentials, and the AWS_* variables the SDK reads), shared by every
/// cmdlet, so a copy's source and destination are just two keys. This is where decorators over
/// every store (a value cache, call counting) belong.
/// </summary>
internal static class SecretStores
{
    // One decorator per engine store, so a store stays one object: code that asks "same store?"
    // (a copy onto itself) or groups names by store (batches) compares references.
    private static readonly ConditionalWeakTable<ISecretStore, Caching.CachingStore> Decorated = new();

    /// <summary>AwsCallException(Configuration) when the SDK refuses the settings (no region, bad profile).</summary>
    public static ISecretStore For(SecretStoreKind kind, AwsConnectionSettings connection)
    {
        var inner = Engine.SecretsEngine.Instance.CreateStore(kind, connection);
        return Decorated.GetValue(inner, store => new Caching.CachingStore(store, Caching.SecretCache.Shared, connection.CacheKey));
    }

    /// <summary>
    /// The versions-and-labels side of the same store object (the caching decorator implements
    /// both), so a label moved through it drops the name from the value cache.
    /// </summary>
    public static ISecretVersionStore VersionsFor(SecretStoreKind kind, AwsConnectionSettings connection) =>
        (ISecretVersionStore)For(kind, connection);

    /// <summary>
    /// The store's rotation capability, or null where the store has none (Parameter Store), with
    /// the session's value cache forgotten around each call. AwsCallException(Configuration) as For.
    /// </summary>
    public static ISecretRotationStore? RotationFor(SecretStoreKind kind, AwsConnectionSettings connection) =>
        Engine.SecretsEngine.Instance.CreateRotationStore(kind, connection) is { } inner
            ? new Caching.CacheForgettingRotationStore(inner, Caching.SecretCache.Shared)
            : null;

    /// <summary>
    /// The store's resource policies, or null where the store has none (Parameter Store). No cache
    /// decorator: a policy is not a value, so nothing cached changes. AwsCallException(Configuration) as For.
    /// </summary>
    public static ISecretPolicyStore? PolicyFor(SecretStoreKind kind, AwsConnectionSettings connection) =>
        Engine.SecretsEngine.Instance.CreatePolicyStore(kind, connection);

    /// <summary>The store's replication, or null where the store has none (Parameter Store). AwsCallException(Configuration) as For.</summary>
    public static ISecretReplicationStore? ReplicationFor(SecretStoreKind kind, AwsConnectionSettings connection) =>
        Engine.SecretsEngine.Instance.CreateReplicationStore(kind, connection);
    /// <summary>CloudTrail's record of a secret's calls, on cached clients. AwsCallException(Configuration) as For.</summary>
    public static ISecretAuditSource AuditFor(AwsConnectionSettings cloudTrail, AwsConnectionSettings secretsManager) =>
        Engine.SecretsEngine.Instance.CreateAuditSource(cloudTrail, secretsManager);
}
