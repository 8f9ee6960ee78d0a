namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// A structure that contains information about a tag.
/// </summary>
internal class Tag
{
    /// <summary>The key identifier, or name, of the tag.</summary>
    public string? Key { get; set; }

    /// <summary>The string value associated with the key of the tag.</summary>
    public string? Value { get; set; }
}
