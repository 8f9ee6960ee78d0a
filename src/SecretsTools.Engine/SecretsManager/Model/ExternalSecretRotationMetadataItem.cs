namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// The metadata needed to successfully rotate a managed external secret.
/// </summary>
internal class ExternalSecretRotationMetadataItem
{
    /// <summary>The key that identifies the item.</summary>
    public string? Key { get; set; }

    /// <summary>The value of the specified item.</summary>
    public string? Value { get; set; }
}
