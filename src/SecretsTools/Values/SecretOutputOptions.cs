namespace SecretsTools.Values;

/// <summary>How Get-Secret shapes a value: the switches of its parameter list.</summary>
internal sealed record SecretOutputOptions(bool AsPlainText, string? Key, bool AsHashtable, bool AsCredential);
