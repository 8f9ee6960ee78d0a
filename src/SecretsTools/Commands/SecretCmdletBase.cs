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
    private readonly Dictionary<SecretStoreKind, ISecretStore> _stores = new();
    private SecretStoreKind? _defaultStore;

    /// <summary>
    /// ParameterStore or SecretsManager. Default: the name's prefix or ARN, then
    /// SECRETSTOOLS_DEFAULT_STORE, then SecretsManager.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SecretStoreKind? Store { get; set; }

    internal SecretReference Resolve(string raw) => SecretReference.Parse(raw, Store, DefaultStoreKind);

    /// <summary>The store a plain name goes to when -Store is not given.</summary>
    internal SecretStoreKind DefaultStoreKind => _defaultStore ??= DefaultStore.Resolve();

    internal ISecretStore StoreFor(SecretStoreKind kind)
    {
        if (!_stores.TryGetValue(kind, out var store))
        {
            try
            {
                store = SecretStoreFactory.Create(kind, Connection);
            }
            catch (Amazon.Runtime.AmazonClientException ex)
            {
                // No region, unreadable profile: nothing further can work.
                ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.AwsConfigurationError, ErrorCategory.InvalidArgument, null)
                {
                    ErrorDetails = new ErrorDetails($"Could not set up the AWS client ({ex.Message.TrimEnd('.')}). Give -Region (or set AWS_REGION) and, if needed, -ProfileName or -Credential."),
                });
                throw; // unreachable
            }
            _stores[kind] = store;
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
