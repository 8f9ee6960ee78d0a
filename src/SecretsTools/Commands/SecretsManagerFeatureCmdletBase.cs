using System;
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

    internal static string Target(SecretReference reference) => $"{reference.Name} ({StoreNames.Display(reference.Store)})";
}
