namespace SecretsTools.Stores;

/// <summary>One value to read. Version: Parameter Store version number or Secrets Manager VersionId; Label: PS label or SM staging label.</summary>
internal sealed record SecretReadRequest(string Name, string? Version = null, string? Label = null)
{
    public bool SelectsVersion => Version is not null || Label is not null;
}
