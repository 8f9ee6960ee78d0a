namespace SecretsTools.Values;

/// <summary>GetRandomPassword's options, shared by the local generator and the service call.</summary>
internal sealed record PasswordOptions
{
    public const int MinLength = 1;
    public const int MaxLength = 4096;

    public int Length { get; init; } = 32;
    public string ExcludeCharacters { get; init; } = "";
    public bool ExcludeNumbers { get; init; }
    public bool ExcludePunctuation { get; init; }
    public bool ExcludeUppercase { get; init; }
    public bool ExcludeLowercase { get; init; }
    public bool IncludeSpace { get; init; }
    public bool RequireEachIncludedType { get; init; } = true;
}
