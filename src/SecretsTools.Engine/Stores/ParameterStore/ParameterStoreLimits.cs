namespace SecretsTools.Stores.ParameterStore;

/// <summary>Parameter Store's documented limits (aws-facts.md, section 2).</summary>
internal static class ParameterStoreLimits
{
    public const int StandardValueBytes = 4096;
    public const int AdvancedValueBytes = 8192;
    public const int GetParametersBatch = 10;
    public const int DeleteParametersBatch = 10;
    public const int DescribeParametersPage = 50;
    public const int GetParametersByPathPage = 10;
    public const int GetParameterHistoryPage = 50;
    public const int TagKeyMaxLength = 128;
    public const int TagValueMaxLength = 256;

    /// <summary>Attempts of a write that Parameter Store answers with TooManyUpdates, and the backoff.</summary>
    public const int WriteAttempts = 6;
    public const int WriteBackoffBaseMs = 200;
    public const int WriteBackoffCapMs = 5000;

    /// <summary>
    /// Sends of one write or delete whose replies were lost (each after checking what the server
    /// holds): the SDK's own retry count, as these calls are taken out of its retries.
    /// </summary>
    public const int LostReplyAttempts = 4;

    /// <summary>ListTagsForResource calls in flight while a listing page is filled in.</summary>
    public const int TagLookupConcurrency = 4;

    public static readonly string[] Types = { "SecureString", "String", "StringList" };
    public static readonly string[] Tiers = { "Standard", "Advanced", "Intelligent-Tiering" };
}
