using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Base of the rotation cmdlets: resolves a name to a secret and its store's rotation
/// capability. Parameter Store has none (a parameter is rotated by writing a new version), so its
/// names get OperationNotSupported before any call.
/// </summary>
public abstract class SecretRotationCmdletBase : SecretCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>A whole secret by name or ARN (no version selector), and the rotation of its store.</summary>
    internal (SecretReference Reference, ISecretRotationStore Rotation) ResolveForRotation(string raw)
    {
        var reference = ResolveForChange(raw);
        var key = KeyFor(reference);
        var rotation = CreateClient(() => SecretStores.RotationFor(key.Kind, key.Connection))
            ?? throw new SecretStoreException(ErrorIds.OperationNotSupported, ErrorCategory.NotImplemented, reference.Name,
                $"'{reference.Name}' is in {StoreNames.Display(reference.Store)}, which has no rotation Lambda: rotate a parameter with Invoke-SecretRotation -ScriptBlock or -GeneratePassword. Nothing was changed.");
        StoreFor(key).ValidateName(reference.Name, forWrite: false);
        return (reference, rotation);
    }

    internal static string Target(SecretReference reference) => $"{reference.Name} ({StoreNames.Display(reference.Store)})";
}
