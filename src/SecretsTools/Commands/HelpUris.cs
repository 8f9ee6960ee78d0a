namespace SecretsTools.Commands;

/// <summary>
/// Where Get-Help -Online goes: each cmdlet's markdown help in the project repository (the
/// manifest's ProjectUri), the same text the offline help is built from.
/// </summary>
internal static class HelpUris
{
    public const string Docs = "https://github.com/secretstools/SecretsTools/blob/main/docs/en-US/";
}
