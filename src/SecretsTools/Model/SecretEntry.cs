namespace SecretsTools.Model;

/// <summary>
/// A value with its name: what Get-Secret -IncludeName (and a wildcard name) emits, so values
/// that flow down a pipeline keep saying which secret they are. Value is whatever Get-Secret
/// would have returned alone (SecureString unless -AsPlainText). ToString and the format views
/// show the name, never the value.
/// </summary>
public sealed class SecretEntry
{
    public SecretEntry(string name, SecretStoreKind store, string? region, string? version, object value)
    {
        Name = name;
        Store = store;
        Region = region;
        Version = version;
        Value = value;
    }

    public string Name { get; }
    public SecretStoreKind Store { get; }
    public string? Region { get; }

    /// <summary>The version read: a Parameter Store version number or a Secrets Manager VersionId.</summary>
    public string? Version { get; }

    public object Value { get; }

    public override string ToString() => Name;
}
