using System;
using SecretsTools.Model;

namespace SecretsTools.Migration;

/// <summary>
/// The name a secret takes in its destination when no name is given: its own (a Secrets Manager
/// ARN's name), under an optional prefix, in the destination store's own form. Copy-Secret and
/// New-SecretMigrationPlan share it, so a copy and a migration of one secret land in one place.
/// </summary>
internal static class DestinationNames
{
    public static string For(string sourceName, SecretStoreKind sourceStore, SecretStoreKind destinationStore, string prefix)
    {
        string leaf = BaseName(sourceName);
        string name = prefix.Length == 0 ? leaf : prefix.TrimEnd('/') + "/" + leaf.TrimStart('/');
        if (prefix.Length > 0 && !prefix.StartsWith('/') && destinationStore == SecretStoreKind.ParameterStore) name = "/" + name;
        // Each store's own form: Secrets Manager names have no leading '/', hierarchical parameter names do.
        if (destinationStore == SecretStoreKind.SecretsManager && sourceStore == SecretStoreKind.ParameterStore) name = name.TrimStart('/');
        if (destinationStore == SecretStoreKind.ParameterStore && sourceStore == SecretStoreKind.SecretsManager && name.Contains('/') && !name.StartsWith('/')) name = "/" + name;
        return name;
    }

    /// <summary>A Secrets Manager ARN's name (without the random suffix), else the name itself.</summary>
    public static string BaseName(string name)
    {
        if (!name.StartsWith("arn:", StringComparison.OrdinalIgnoreCase)) return name;
        string resource = name.Split(':', 7)[6];
        int dash = resource.LastIndexOf('-');
        return dash > 0 && resource.Length - dash == 7 ? resource[..dash] : resource;
    }
}
