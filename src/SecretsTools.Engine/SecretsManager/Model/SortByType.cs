namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Values of the API's SortByType enumeration (members of that type are plain strings).
/// </summary>
internal static class SortByType
{
    public const string CreatedDate = "created-date";
    public const string LastAccessedDate = "last-accessed-date";
    public const string LastChangedDate = "last-changed-date";
    public const string Name = "name";
}
