namespace SecretsTools.Stores.SecretsManager;

/// <summary>Secrets Manager's documented limits (aws-facts.md, section 1).</summary>
internal static class SecretsManagerLimits
{
    public const int MaxValueBytes = 65536;
    public const int BatchGetSecretValueIds = 20;
    public const int ListSecretsPage = 100;

    /// <summary>DescribeSecret calls in flight while a listing page's replicas are loaded (the call policy paces them too).</summary>
    public const int DescribeConcurrency = 4;
    public const int MinRecoveryWindowDays = 7;
    public const int MaxRecoveryWindowDays = 30;
    public const string CurrentStage = "AWSCURRENT";
    public const string PreviousStage = "AWSPREVIOUS";
}
