using System.Collections.Generic;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Base of the secret nouns: -Store, name references (ssm:, sm:, ARNs, #field) and one store
/// object per kind for the life of the command.
/// </summary>
public abstract class SecretCmdletBase : AwsCmdletBase
{
    private readonly Dictionary<StoreKey, ISecretStore> _stores = new();
    private SecretStoreKind? _defaultStore;

    /// <summary>
    /// ParameterStore or SecretsManager. Default: the name's prefix or ARN, then
    /// SECRETSTOOLS_DEFAULT_STORE, then SecretsManager.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SecretStoreKind? Store { get; set; }

    internal SecretReference Resolve(string raw) => SecretReference.Parse(raw, Store, () => DefaultStoreKind);

    /// <summary>
    /// Resolves a name that is about to be read or deleted and checks it against its store's rules;
    /// a bad one gets its own error and false, so the caller goes on with the next.
    /// </summary>
    internal bool TryResolveExisting(string raw, out SecretReference reference)
    {
        try
        {
            reference = Resolve(raw);
            StoreFor(reference).ValidateName(reference.Name, forWrite: false);
            return true;
        }
        catch (SecretStoreException ex)
        {
            WriteError(ex);
            reference = null!;
            return false;
        }
    }

    /// <summary>
    /// The store a plain name goes to when -Store is not given. A bad SECRETSTOOLS_DEFAULT_STORE
    /// terminates: every further name would fail the same way.
    /// </summary>
    internal SecretStoreKind DefaultStoreKind
    {
        get
        {
            if (_defaultStore is null)
            {
                try { _defaultStore = DefaultStore.Resolve(); }
                catch (SecretStoreException ex) { ThrowTerminatingError(ex.ToErrorRecord()); }
            }
            return _defaultStore!.Value;
        }
    }

    internal ISecretStore StoreFor(SecretReference reference) => StoreFor(StoreKey.For(reference));

    internal ISecretStore StoreFor(SecretStoreKind kind) => StoreFor(new StoreKey(kind, null));

    /// <summary>
    /// The store for a kind and, when an ARN names one, a region: the secret lives there, so the
    /// call must go there, whatever -Region or AWS_REGION say.
    /// </summary>
    internal ISecretStore StoreFor(StoreKey key)
    {
        if (!_stores.TryGetValue(key, out var store))
        {
            var connection = key.Region is null ? Connection : Connection with { Region = key.Region };
            store = CreateClient(() => SecretStoreFactory.Create(key.Kind, connection));
            _stores[key] = store;
        }
        return store;
    }

    /// <summary>
    /// ShouldProcess, except that -Force skips the confirmation prompt (never -WhatIf).
    /// </summary>
    internal bool ShouldProcessUnlessForced(bool force, string target, string action)
    {
        if (!force) return ShouldProcess(target, action);
        bool whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) ? ((SwitchParameter)w).IsPresent
            : GetVariableValue("WhatIfPreference") is { } pref && LanguagePrimitives.IsTrue(pref);
        return !whatIf || ShouldProcess(target, action);
    }

    internal void WriteError(SecretStoreException error) => WriteError(error.ToErrorRecord());
}

/// <summary>Which store object serves a name: its kind, and the region of its ARN if it has one.</summary>
internal readonly record struct StoreKey(SecretStoreKind Kind, string? Region)
{
    public static StoreKey For(SecretReference reference) => new(reference.Store, reference.Region);
}
