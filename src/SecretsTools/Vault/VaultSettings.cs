using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Aws;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Vault;

/// <summary>
/// A registered vault's VaultParameters, as SecretManagement hands them over in
/// -AdditionalParameters: JSON-round-tripped (integers as Int64, nested tables as Hashtables) and
/// with its own reserved 'Verbose' entry. Unknown keys are refused, so a typo such as 'Profile'
/// fails clearly instead of silently using the default profile.
/// </summary>
internal sealed record VaultSettings(
    SecretStoreKind Store,
    AwsConnectionSettings Connection,
    string Prefix,
    string? KmsKeyId,
    IReadOnlyDictionary<string, string> DefaultTags)
{
    private static readonly string[] Known =
        { "Store", "Region", "ProfileName", "EndpointUrl", "Prefix", "Path", "KmsKeyId", "Tags", "Verbose" };

    public static VaultSettings From(string vaultName, Hashtable? parameters)
    {
        parameters ??= new Hashtable();
        var unknown = parameters.Keys.Cast<object>().Select(k => k.ToString()!)
            .Where(k => !Known.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            throw Invalid(vaultName, $"unknown vault parameter(s) {string.Join(", ", unknown)}; the SecretsTools vault takes {string.Join(", ", Known.Take(Known.Length - 1))}.");

        string storeText = Text(parameters, "Store") ?? "SecretsManager";
        SecretStoreKind store = storeText.ToLowerInvariant() switch
        {
            "secretsmanager" or "sm" => SecretStoreKind.SecretsManager,
            "parameterstore" or "ssm" or "ps" => SecretStoreKind.ParameterStore,
            _ => throw Invalid(vaultName, $"Store '{storeText}' is not SecretsManager or ParameterStore."),
        };
        string? prefix = Text(parameters, "Prefix");
        string? path = Text(parameters, "Path");
        if (store == SecretStoreKind.SecretsManager && path is not null)
            throw Invalid(vaultName, "Path is for Store = 'ParameterStore'; a Secrets Manager vault takes Prefix (e.g. 'app/').");
        if (store == SecretStoreKind.ParameterStore && prefix is not null)
            throw Invalid(vaultName, "Prefix is for Store = 'SecretsManager'; a Parameter Store vault takes Path (e.g. '/app/prod').");
        string effectivePrefix = store == SecretStoreKind.ParameterStore ? PathPrefix(vaultName, path) : prefix ?? "";

        // What the vault does not name comes from where the cmdlets take it (SecretsTools'
        // configuration, AWS_REGION, AWS_PROFILE, the shared files), so both connect alike.
        var connection = Configuration.ConnectionDefaults.For(store, Text(parameters, "Region"), Text(parameters, "ProfileName"),
            Text(parameters, "EndpointUrl"));
        return new VaultSettings(store, connection, effectivePrefix, Text(parameters, "KmsKeyId"), Tags(vaultName, parameters));
    }

    /// <summary>The store's own name of a vault secret: the prefix (or path) and the name.</summary>
    public string FullName(string name) => Prefix + name;

    /// <summary>The vault's name of a stored secret, or null when it lies outside the vault.</summary>
    public string? VaultNameOf(string fullName) =>
        fullName.StartsWith(Prefix, StringComparison.Ordinal) && fullName.Length > Prefix.Length ? fullName[Prefix.Length..] : null;

    private static string PathPrefix(string vaultName, string? path)
    {
        // Parameter names in a vault are relative to the path; without one they sit at the root.
        if (path is null) return "/";
        if (!path.StartsWith('/'))
            throw Invalid(vaultName, $"Path '{path}' must start with '/' (e.g. '/app/prod').");
        return path.TrimEnd('/') + "/";
    }

    private static string? Text(Hashtable parameters, string key)
    {
        foreach (DictionaryEntry entry in parameters)
            if (string.Equals(entry.Key.ToString(), key, StringComparison.OrdinalIgnoreCase))
            {
                object? value = entry.Value is PSObject p ? p.BaseObject : entry.Value;
                string? text = value?.ToString();
                return string.IsNullOrWhiteSpace(text) ? null : text;
            }
        return null;
    }

    private static IReadOnlyDictionary<string, string> Tags(string vaultName, Hashtable parameters)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        object? raw = null;
        foreach (DictionaryEntry entry in parameters)
            if (string.Equals(entry.Key.ToString(), "Tags", StringComparison.OrdinalIgnoreCase)) raw = entry.Value is PSObject p ? p.BaseObject : entry.Value;
        if (raw is null) return tags;
        if (raw is not IDictionary dictionary)
            throw Invalid(vaultName, "Tags must be a hashtable of tag keys to values.");
        foreach (DictionaryEntry entry in dictionary) tags[entry.Key.ToString()!] = entry.Value?.ToString() ?? "";
        return tags;
    }

    private static SecretStoreException Invalid(string vaultName, string why) =>
        new(ErrorIds.InvalidVaultParameter, ErrorCategory.InvalidArgument, null, $"Vault '{vaultName}': {why}");
}
