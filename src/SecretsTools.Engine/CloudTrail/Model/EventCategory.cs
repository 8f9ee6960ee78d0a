namespace SecretsTools.CloudTrail.Model;

/// <summary>Values of the API's EventCategory enumeration.</summary>
internal static class EventCategory
{
    public const string Insight = "insight";
}
