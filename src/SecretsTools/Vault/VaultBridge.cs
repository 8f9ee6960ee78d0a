using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Vault;

/// <summary>
/// What the SecretsTools.Extension vault module (module/SecretsTools.Extension) calls: the
/// SecretManagement contract over our own stores, so the vault shares the cmdlets' AWS code,
/// errors and call counting. Public only because a script module can call nothing else; not meant
/// for scripts. Failures throw VaultException carrying the ErrorRecord to write.
/// </summary>
public static class VaultBridge
{
    /// <summary>The value, as the SecretManagement type it was stored as; null when there is no such secret.</summary>
    public static object? GetSecret(string name, string vaultName, Hashtable additionalParameters) => Run(vaultName, additionalParameters, (vault, store) =>
    {
        string full = CheckedName(vault, store, name);
        // Tags first: a missing secret costs this one call, and a tag says the value's type.
        var tags = Await(store.TagsAsync(full, CancellationToken.None));
        if (tags is null) return null;
        var result = Await(store.ReadAsync(new[] { new SecretReadRequest(full) }, CancellationToken.None))[0];
        if (result.Error is { ErrorId: ErrorIds.SecretNotFound }) return null;
        if (result.Error is not null) throw result.Error;
        return VaultValues.FromStored(result.Value!, tags[VaultValues.TypeTag] as string, name);
    });

    public static void SetSecret(string name, object secret, string vaultName, Hashtable additionalParameters, Hashtable? metadata) =>
        Run<object?>(vaultName, additionalParameters, (vault, store) =>
        {
            string full = CheckedName(vault, store, name);
            var (value, type) = VaultValues.ToStored(secret, name, vault.Store);
            // What the secret already holds: its types tag (to merge typed metadata into) and the
            // tags the service counts against the limit with ours.
            var existing = Await(store.TagsAsync(full, CancellationToken.None));
            var tags = new Dictionary<string, string>(vault.DefaultTags, StringComparer.Ordinal);
            foreach (var (key, text) in VaultMetadata.ToTags(name, metadata, existing?[VaultMetadata.TypesTag] as string)) tags[key] = text;
            tags[VaultValues.TypeTag] = type;
            TagRules.Validate(name, tags);
            if (existing is not null)
                TagRules.ValidateTotal(name, existing, tags);
            var request = new SecretWriteRequest(full, value)
            {
                Tags = tags,
                KmsKeyId = vault.KmsKeyId,
                ParameterType = vault.Store == SecretStoreKind.ParameterStore ? "SecureString" : null,
            };
            store.ValidateWrite(request);
            Await(store.WriteAsync(request, CancellationToken.None));
            return null;
        });

    public static void SetSecretInfo(string name, Hashtable metadata, string vaultName, Hashtable additionalParameters) =>
        Run<object?>(vaultName, additionalParameters, (vault, store) =>
        {
            string full = CheckedName(vault, store, name);
            var existing = Await(store.TagsAsync(full, CancellationToken.None)) ?? throw SecretStoreException.NotFound(name, vault.Store);
            var tags = VaultMetadata.ToTags(name, metadata, existing[VaultMetadata.TypesTag] as string);
            TagRules.ValidateTotal(name, existing, tags);
            if (tags.Count > 0) Await(store.UpdateInfoAsync(new SecretInfoUpdate(full) { AddTags = tags }, CancellationToken.None));
            return null;
        });

    public static void RemoveSecret(string name, string vaultName, Hashtable additionalParameters) =>
        Run<object?>(vaultName, additionalParameters, (vault, store) =>
        {
            string full = CheckedName(vault, store, name);
            var result = Await(store.RemoveAsync(new[] { full }, new SecretRemoveOptions(), CancellationToken.None))[0];
            if (result.Error is not null) throw result.Error;
            return null;
        });

    /// <summary>
    /// Name, SecretType name and metadata of the secrets the filter matches, with no value read: an
    /// exact name is one call for its tags (DescribeSecret; Parameter Store ListTagsForResource, which
    /// also says whether the parameter exists), a wildcard one listing with the literal prefix sent
    /// to the service.
    /// </summary>
    public static IReadOnlyList<VaultSecretInfo> GetSecretInfo(string? filter, string vaultName, Hashtable additionalParameters) =>
        Run(vaultName, additionalParameters, (vault, store) =>
        {
            string pattern = string.IsNullOrEmpty(filter) ? "*" : filter;
            var found = new List<VaultSecretInfo>();
            if (!WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                var tags = Await(store.TagsAsync(CheckedName(vault, store, pattern, forWrite: false), CancellationToken.None));
                if (tags is not null) found.Add(ToVaultInfo(vault, tags, pattern));
                return (IReadOnlyList<VaultSecretInfo>)found;
            }
            var query = new SecretListQuery { NamePattern = vault.FullName(pattern), IncludeTags = true };
            Await(ForEach(store.ListAsync(query, CancellationToken.None), info =>
            {
                if (vault.VaultNameOf(info.Name) is { } name) found.Add(ToVaultInfo(vault, info.Tags ?? new Hashtable(), name));
            }));
            return found;
        });

    /// <summary>Throws VaultException (AwsConfigurationError, AccessDenied, AwsRequestFailed) unless one read-only call succeeds.</summary>
    public static void TestSecretVault(string vaultName, Hashtable additionalParameters) =>
        Run<object?>(vaultName, additionalParameters, (vault, store) =>
        {
            // A name that need not exist: "not found" proves the credentials and the access to the store.
            string probe = vault.FullName("SecretsTools-vault-test");
            Await(store.ExistsAsync(probe, CancellationToken.None));
            return null;
        });

    private static VaultSecretInfo ToVaultInfo(VaultSettings vault, Hashtable tags, string name)
    {
        string type = tags[VaultValues.TypeTag] as string ?? VaultValues.Unknown;
        var metadata = VaultMetadata.FromTags(tags);
        foreach (var key in vault.DefaultTags.Keys) if (Equals(metadata[key], vault.DefaultTags[key])) metadata.Remove(key);
        return new VaultSecretInfo(name, type, metadata);
    }

    private static string CheckedName(VaultSettings vault, ISecretStore store, string name, bool forWrite = true)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw SecretStoreException.InvalidName(name ?? "", "a vault secret needs a name.");
        string full = vault.FullName(name);
        store.ValidateName(full, forWrite);
        return full;
    }

    private static T Run<T>(string vaultName, Hashtable additionalParameters, Func<VaultSettings, ISecretStore, T> body)
    {
        try
        {
            var vault = VaultSettings.From(vaultName, additionalParameters);
            return body(vault, SecretStores.For(vault.Store, vault.Connection));
        }
        catch (Exception ex) when (ex is SecretStoreException or AwsCallException or AggregateException)
        {
            throw VaultException.From(ex, vaultName);
        }
    }

    private static T Await<T>(Task<T> task) => task.GetAwaiter().GetResult();

    private static void Await(Task task) => task.GetAwaiter().GetResult();

    private static async Task ForEach<T>(IAsyncEnumerable<T> items, Action<T> each)
    {
        await foreach (var item in items.ConfigureAwait(false)) each(item);
    }
}

/// <summary>What the extension turns into a SecretManagement SecretInformation (a type only SecretManagement defines).</summary>
public sealed record VaultSecretInfo(string Name, string Type, Hashtable Metadata);
