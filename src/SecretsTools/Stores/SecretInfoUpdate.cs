using System.Collections.Generic;

namespace SecretsTools.Stores;

/// <summary>Metadata changes Set-SecretInfo applies; null members are left as they are.</summary>
internal sealed record SecretInfoUpdate(string Name)
{
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string>? AddTags { get; init; }
    public IReadOnlyList<string>? RemoveTags { get; init; }
    public string? KmsKeyId { get; init; }
}
