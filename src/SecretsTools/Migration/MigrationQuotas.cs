using System.Collections.Generic;
using SecretsTools.Model;

namespace SecretsTools.Migration;

/// <summary>
/// The rate quotas a migration's estimate is made at, in calls a second. They mirror
/// SecretsTools.Engine's CallPolicy/OperationQuotas (the documented quotas, which pace the real
/// calls); this assembly cannot reference the engine, so the few figures the estimate needs are
/// repeated here: change both together.
/// </summary>
internal static class MigrationQuotas
{
    private static readonly Dictionary<string, double> RequestsPerSecond = new()
    {
        ["GetParameters"] = 40,
        ["PutParameter"] = 3,
        ["BatchGetSecretValue"] = 100,
        ["CreateSecret"] = 50,
        ["PutSecretValue"] = 50,
    };

    /// <summary>The batch read of a store (GetParameters, BatchGetSecretValue).</summary>
    public static string ReadOperation(SecretStoreKind store) =>
        store == SecretStoreKind.ParameterStore ? "GetParameters" : "BatchGetSecretValue";

    /// <summary>The write of a new destination (create) or of a new version of an existing one.</summary>
    public static string WriteOperation(SecretStoreKind store, bool create) =>
        store == SecretStoreKind.ParameterStore ? "PutParameter" : create ? "CreateSecret" : "PutSecretValue";

    public static double Rate(string operation) => RequestsPerSecond[operation];
}
