namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Values of the API's FilterNameStringType enumeration (members of that type are plain strings).
/// </summary>
internal static class FilterNameStringType
{
    public const string Description = "description";
    public const string Name = "name";
    public const string TagKey = "tag-key";
    public const string TagValue = "tag-value";
    public const string PrimaryRegion = "primary-region";
    public const string OwningService = "owning-service";
    public const string All = "all";
}
