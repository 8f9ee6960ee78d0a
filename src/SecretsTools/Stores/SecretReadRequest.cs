namespace SecretsTools.Stores;

/// <summary>One value to read. Version: Parameter Store version number or Secrets Manager VersionId; Label: PS label or SM staging label.</summary>
internal sealed record SecretReadRequest(string Name, string? Version = null, string? Label = null)
{
    /// <summary>Parameter Store: the ARN the answer must carry (see SecretReference.ParameterArn).</summary>
    public string? ExpectedArn { get; init; }

    /// <summary>Whether and how this read may use the session's value cache; null: it never does.</summary>
    public Caching.CacheUse? Cache { get; init; }

    public bool SelectsVersion => Version is not null || Label is not null;
}
