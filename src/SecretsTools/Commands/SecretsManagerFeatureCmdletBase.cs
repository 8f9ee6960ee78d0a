using System;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Base of the cmdlets for what only Secrets Manager has (resource policies, replication): resolves
/// a name to a whole secret and the store's capability. A Parameter Store name gets
/// OperationNotSupported before any call, with the reason the caller gives.
/// </summary>
public abstract class SecretsManagerFeatureCmdletBase : SecretCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>The secret and its store's capability; <paramref name="create"/> answers null for a store without it.</summary>
    internal (SecretReference Reference, StoreKey Key, T Capability) ResolveFeature<T>(string raw, Func<SecretStoreKind, Aws.AwsConnectionSettings, T?> create, string missing)
        where T : class
    {
        var reference = ResolveForChange(raw);
        var key = KeyFor(reference);
        var capability = CreateClient(() => create(key.Kind, key.Connection))
            ?? throw new SecretStoreException(ErrorIds.OperationNotSupported, ErrorCategory.NotImplemented, reference.Name,
                $"'{reference.Name}' is in {StoreNames.Display(reference.Store)}, which {missing}. Nothing was sent.");
        StoreFor(key).ValidateName(reference.Name, forWrite: false);
        return (reference, key, capability);
    }

    /// <summary>
    /// Each -Name in turn, resolved to its secret and capability, then <paramref name="body"/>: a
    /// failure (SecretStoreException) is that name's error, and the next name goes on.
    /// </summary>
    internal void ForEachSecret<T>(Func<SecretStoreKind, Aws.AwsConnectionSettings, T?> create, string missing, Action<SecretReference, StoreKey, T> body)
        where T : class
    {
        foreach (string raw in Name)
        {
            try
            {
                var (reference, key, capability) = ResolveFeature(raw, create, missing);
                body(reference, key, capability);
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }

    /// <summary>
    /// -ReplicaRegion, checked once for the command before any name (a bad Region spoils every
    /// secret alike): not empty, and a Region's shape. Only the shape: no client is made for a
    /// replica Region (it is a field of the request to the primary), so a Region newer than the
    /// SDK works, and AWS itself refuses one it does not have. Terminating; the distinct Regions otherwise.
    /// </summary>
    internal string[] CheckedReplicaRegions(string[] regions)
    {
        try
        {
            foreach (string region in regions)
            {
                if (string.IsNullOrWhiteSpace(region))
                    throw new SecretStoreException(ErrorIds.InvalidRegion, ErrorCategory.InvalidArgument, region, "-ReplicaRegion cannot be empty. Nothing was sent.");
                Validation.RegionRules.Validate(region, "-ReplicaRegion");
            }
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord());
        }
        return regions.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The Region called is the primary's: it cannot be one of the secret's replica Regions.</summary>
    internal static void RefusePrimaryAsReplica(SecretReference reference, StoreKey key, string[] regions)
    {
        if (key.Connection.Region is { } primary && regions.Contains(primary, StringComparer.Ordinal))
            throw new SecretStoreException(ErrorIds.InvalidRegion, ErrorCategory.InvalidArgument, reference.Name,
                $"'{reference.Name}' is called in {primary}, which cannot also be one of its replica Regions. Nothing was sent.");
    }

    internal static string Target(SecretReference reference) => $"{reference.Name} ({StoreNames.Display(reference.Store)})";
}
