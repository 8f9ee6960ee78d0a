using System;
using System.Collections;
using System.Management.Automation;
using System.Security;
using SecretsTools.Model;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Vault;

/// <summary>
/// SecretManagement's five value types to and from the values the stores hold, with no wrapper
/// format of our own: text stays text, hashtables and credentials are the JSON key-value objects
/// the AWS console writes, byte[] is Secrets Manager binary (base64 text on Parameter Store, which
/// has no binary). The type itself travels in the SecretManagementType tag; a value without one
/// (made by another tool) is read as what it is.
/// </summary>
internal static class VaultValues
{
    public const string TypeTag = "SecretManagementType";
    public const string ByteArray = "ByteArray", String = "String", SecureStringType = "SecureString",
        Credential = "PSCredential", HashtableType = "Hashtable", Unknown = "Unknown";

    public static (SecretValue Value, string Type) ToStored(object? secret, string name, SecretStoreKind store)
    {
        object? value = secret is PSObject p ? p.BaseObject : secret;
        string type = value switch
        {
            string => String,
            SecureString => SecureStringType,
            byte[] => ByteArray,
            PSCredential => Credential,
            Hashtable => HashtableType,
            _ => throw new SecretStoreException(ErrorIds.UnsupportedSecretType, ErrorCategory.InvalidType, name,
                $"A SecretManagement vault stores string, SecureString, byte[], PSCredential or Hashtable, not {value?.GetType().FullName ?? "null"}."),
        };
        if (value is byte[] bytes && store == SecretStoreKind.ParameterStore)
            return (SecretValue.FromText(Convert.ToBase64String(bytes)), type);
        return (SecretInputConverter.Convert(value, name), type);
    }

    /// <summary>The value as the type the tag names; without a tag, binary is byte[], a JSON object a Hashtable, other text a string.</summary>
    public static object FromStored(SecretValue value, string? typeTag, string name)
    {
        string type = typeTag ?? Infer(value);
        switch (type)
        {
            case ByteArray:
                if (value.Kind == SecretValueKind.Binary) return value.Binary!;
                try { return Convert.FromBase64String(value.Text ?? ""); }
                catch (FormatException) { return System.Text.Encoding.UTF8.GetBytes(value.Text ?? ""); }
            case SecureStringType:
                return SecretOutputFormatter.Format(value, new SecretOutputOptions(false, null, false, false), name);
            case Credential:
                return SecretOutputFormatter.Format(value, new SecretOutputOptions(false, null, false, true), name);
            case HashtableType when value.Kind != SecretValueKind.Binary && JsonValues.TryParseObject(value.Text ?? "") is not null:
                return SecretOutputFormatter.Format(value, new SecretOutputOptions(true, null, true, false), name);
            default:
                // A tag that does not fit the value (another tool rewrote it): the value as it is.
                if (value.Kind == SecretValueKind.Binary) return value.Binary!;
                if (typeTag is null || typeTag == String) return value.Text ?? "";
                return Infer(value) == HashtableType ? FromStored(value, HashtableType, name) : value.Text ?? "";
        }
    }

    public static string Infer(SecretValue value) =>
        value.Kind == SecretValueKind.Binary ? ByteArray
        : JsonValues.TryParseObject(value.Text ?? "") is not null ? HashtableType
        : String;
}
