using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Host;
using SecretsTools.Aws;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Base of the secret nouns: -Store, name references (ssm:, sm:, ARNs, #field) and one store
/// object per kind for the life of the command.
/// </summary>
public abstract class SecretCmdletBase : AwsCmdletBase
{
    private SecretStoreKind? _defaultStore;

    /// <summary>
    /// ParameterStore or SecretsManager. Default: the name's prefix or ARN, then the configured
    /// DefaultStore (Process, SECRETSTOOLS_DEFAULT_STORE, CurrentUser), then SecretsManager.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SecretStoreKind? Store { get; set; }

    internal SecretReference Resolve(string raw) => SecretReference.Parse(raw, Store, () => DefaultStoreKind);

    /// <summary>
    /// Resolves a name to change or delete: a whole secret, by name (see RefuseParameterArn), with
    /// no version selector (a change always makes a new version; a delete takes every version).
    /// </summary>
    internal SecretReference ResolveForChange(string raw)
    {
        var reference = Resolve(raw);
        RefuseParameterArn(reference, raw);
        RefuseSelector(reference, raw);
        return reference;
    }

    /// <summary>
    /// A hierarchy root (-Path, -Prefix): its store is an ssm:/sm: prefix, else -Store, else the
    /// store the parameter means (-Path is Parameter Store's word, so whenUnprefixed is
    /// ParameterStore for a path; -Prefix is Secrets Manager's).
    /// </summary>
    internal (StoreKey Key, string Root) ResolvePath(string raw, SecretStoreKind whenUnprefixed)
    {
        var reference = SecretReference.Parse(raw, Store, whenUnprefixed);
        if (reference.Key is not null || reference.HasSelector || reference.Region is not null)
            throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw,
                $"'{raw}' is not a path or prefix: it cannot hold an ARN, a ':version' or a '#field'.");
        // A Parameter Store -Path is a hierarchy, and hierarchies begin with '/' (GetParametersByPath).
        bool isParameterPath = whenUnprefixed == SecretStoreKind.ParameterStore && reference.Store == SecretStoreKind.ParameterStore;
        if (isParameterPath && !reference.Name.StartsWith('/'))
            throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw,
                $"'{raw}' is not a Parameter Store path: paths begin with '/', as in /{reference.Name}.");
        return (KeyFor(reference.Store), reference.Name);
    }

    /// <summary>Only reads take "name:version" and "name:label"; elsewhere the selector would be silently dropped.</summary>
    internal static void RefuseSelector(SecretReference reference, string raw)
    {
        if (reference.HasSelector)
            throw new SecretStoreException(ErrorIds.SelectorNotAllowed, ErrorCategory.InvalidArgument, raw,
                $"'{raw}' selects {(reference.Version is not null ? "version" : "label")} '{reference.Selector}', which only Get-Secret reads; use the name '{reference.Name}' without ':{reference.Selector}'.");
    }

    /// <summary>
    /// Resolves a name that is about to be deleted and checks it against its store's rules (names
    /// only AWS may create pass: they exist); a bad one gets its own error and false, so the
    /// caller goes on with the next.
    /// </summary>
    internal bool TryResolveForRemoval(string raw, out SecretReference reference)
    {
        try
        {
            reference = ResolveForChange(raw);
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
    /// Parameter Store is called by name, so an ARN's account cannot be checked before a change:
    /// changes take names, reads (which can check) take ARNs.
    /// </summary>
    internal static void RefuseParameterArn(SecretReference reference, string raw)
    {
        if (reference.ParameterArn is not null)
            throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw,
                $"Parameter Store ARNs are accepted for reads only; to change or delete the parameter, use its name ('ssm:{reference.Name}') with -Region {reference.Region}.");
    }

    /// <summary>
    /// The store a plain name goes to when -Store is not given. A bad SECRETSTOOLS_DEFAULT_STORE
    /// (or CurrentUser file) terminates: every further name would fail the same way.
    /// </summary>
    internal SecretStoreKind DefaultStoreKind
    {
        get
        {
            if (_defaultStore is null)
            {
                _defaultStore = FromConfiguration(c => c.DefaultStore.Value);
            }
            return _defaultStore!.Value;
        }
    }

    internal ISecretStore StoreFor(SecretReference reference) => StoreFor(KeyFor(reference));

    internal ISecretStore StoreFor(SecretStoreKind kind) => StoreFor(KeyFor(kind));

    internal StoreKey KeyFor(SecretStoreKind kind) => new(kind, ConnectionFor(kind));

    /// <summary>
    /// Where a name is served: the cmdlet's connection, in the ARN's region when an ARN names one
    /// (the secret lives there, whatever -Region or AWS_REGION say), else in -Region (maybe bound
    /// from a piped object), else in the configured Region.
    /// </summary>
    internal StoreKey KeyFor(SecretReference reference)
    {
        return new(reference.Store, ConnectionFor(reference.Store, reference.Region));
    }

    /// <summary>The versions-and-labels side of a name's store (the same object as StoreFor's).</summary>
    internal ISecretVersionStore VersionsFor(SecretReference reference)
    {
        var key = KeyFor(reference);
        return CreateClient(() => SecretStores.VersionsFor(key.Kind, key.Connection));
    }

    /// <summary>The store for a key, from the process-wide provider; a configuration the SDK refuses terminates.</summary>
    internal ISecretStore StoreFor(StoreKey key) => CreateClient(() => SecretStores.For(key.Kind, key.Connection));

    /// <summary>
    /// ShouldProcess, except that -Force skips the confirmation prompt. -WhatIf and an explicit
    /// -Confirm still win over -Force; the "Performing the operation" verbose line stays.
    /// </summary>
    internal bool ShouldProcessUnlessForced(bool force, string target, string action)
    {
        bool confirmAsked = MyInvocation.BoundParameters.TryGetValue("Confirm", out var c) && ((SwitchParameter)c).IsPresent;
        bool whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) ? ((SwitchParameter)w).IsPresent
            : GetVariableValue("WhatIfPreference") is { } pref && LanguagePrimitives.IsTrue(pref);
        if (!force || confirmAsked || whatIf) return ShouldProcessOrExplain(target, action, forceSkipsPrompt: true);
        WriteVerbose($"Performing the operation \"{action}\" on target \"{target}\".");
        return true;
    }

    /// <summary>ShouldProcess, with a clear error where the host cannot ask (see Confirmation).</summary>
    internal bool ShouldProcessOrExplain(string target, string action, bool forceSkipsPrompt = false) =>
        Confirmation.ShouldProcessOrExplain(this, target, action, forceSkipsPrompt);

    internal void WriteError(SecretStoreException error) => WriteError(error.ToErrorRecord());

    /// <summary>
    /// A name that is not in the store it went to may be in the other one (a Parameter Store path
    /// read with the default store, Secrets Manager): one read-only call, on this error path only,
    /// to say so. A name whose own prefix or ARN chose the store gets no hint, and costs nothing more.
    /// </summary>
    private static readonly TimeSpan OtherStoreLookupTimeout = TimeSpan.FromSeconds(3);

    internal SecretStoreException WithOtherStoreHint(SecretStoreException error, SecretReference reference)
    {
        if (error.ErrorId != ErrorIds.SecretNotFound || reference.StoreFromName) return error;
        var other = reference.Store == SecretStoreKind.ParameterStore ? SecretStoreKind.SecretsManager : SecretStoreKind.ParameterStore;
        try
        {
            var store = SecretStores.For(other, ConnectionFor(other));
            store.ValidateName(reference.Name, forWrite: false);
            // A hint is advice: a store that cannot be reached (a VPC with one endpoint only) must
            // neither stop the command nor hold it up for the SDK's connect timeouts.
            using var bounded = System.Threading.CancellationTokenSource.CreateLinkedTokenSource(CancellationToken);
            bounded.CancelAfter(OtherStoreLookupTimeout);
            if (!store.ExistsAsync(reference.Name, bounded.Token).GetAwaiter().GetResult()) return error;
        }
        catch (Exception ex) when (ex is SecretStoreException or AwsCallException
            || (ex is OperationCanceledException && !CancellationToken.IsCancellationRequested))
        {
            return error; // not a valid name there, no access to look, or no answer in time: no hint
        }
        string prefix = other == SecretStoreKind.ParameterStore ? "ssm:" : "sm:";
        string what = other == SecretStoreKind.ParameterStore ? "a Parameter Store parameter" : "a Secrets Manager secret";
        return new SecretStoreException(error.ErrorId, error.Category, error.SecretName,
            $"Secret '{reference.Name}' was not found in {StoreNames.Display(reference.Store)}; {what} of that name exists: "
            + $"use {prefix}{reference.Name} or -Store {other}.", error);
    }

    /// <summary>
    /// Every verbose, warning and error record this cmdlet writes carries MyInvocation, whose
    /// BoundParameters hold the bound values: `Set-Secret -Secret $s -Verbose 4>&1 | ConvertTo-Json`
    /// would print $s. The cmdlet reads its values from its properties, so the entries are kept
    /// (callers test ContainsKey) but their values replaced. Called at the start of each
    /// ProcessRecord, since pipeline binding sets them again for every input.
    /// </summary>
    internal void RedactBoundValues(params string[] names)
    {
        var bound = MyInvocation.BoundParameters;
        foreach (string name in names)
            if (bound.ContainsKey(name)) bound[name] = RedactedValue;
    }

    internal const string RedactedValue = "(redacted)";
}

/// <summary>
/// Which store serves a name: its kind and the whole connection (region, profile, endpoint,
/// credentials), so a source and a destination that differ in any of them are two keys.
/// </summary>
internal readonly record struct StoreKey(SecretStoreKind Kind, AwsConnectionSettings Connection);
