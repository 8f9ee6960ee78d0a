namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Values of the API's StatusType enumeration (members of that type are plain strings).
/// </summary>
internal static class StatusType
{
    public const string InSync = "InSync";
    public const string Failed = "Failed";
    public const string InProgress = "InProgress";
}
