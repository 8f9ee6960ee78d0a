using System.Collections.Generic;

namespace SecretsTools.Stores;

/// <summary>
/// Everything Set-Secret asks a store to write. ParameterType and Tier are Parameter Store
/// settings; a store rejects options it cannot honour in ValidateWrite.
/// </summary>
internal sealed record SecretWriteRequest(string Name, SecretValue Value)
{
    public string? ParameterType { get; init; }
    public string? Description { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public string? KmsKeyId { get; init; }
    public string? Tier { get; init; }
    public bool NoClobber { get; init; }
}
