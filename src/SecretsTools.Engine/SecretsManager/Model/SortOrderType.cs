namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Values of the API's SortOrderType enumeration (members of that type are plain strings).
/// </summary>
internal static class SortOrderType
{
    public const string Asc = "asc";
    public const string Desc = "desc";
}
