using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Migration;

/// <summary>One secret to copy: from where, to where, and how the destination is written.</summary>
internal sealed record SecretCopyRequest(ISecretStore Source, string SourceName, ISecretStore Destination, string DestinationName)
{
    /// <summary>What the source name was as the user gave it (error targets, results).</summary>
    public string DisplayName { get; init; } = SourceName;

    /// <summary>Parameter Store type of the destination; default: the source's, SecureString for other sources.</summary>
    public string? ParameterType { get; init; }

    public string? KmsKeyId { get; init; }

    /// <summary>Write a new version when the destination holds another value (else: DestinationDiffers).</summary>
    public bool Force { get; init; }

    /// <summary>Add provenance tags: the source's ARN (or name) and the version copied.</summary>
    public bool TagSource { get; init; }

    /// <summary>Read the destination back after the copy and compare it with the source (Move-Secret).</summary>
    public bool Verify { get; init; }
}

/// <summary>The provenance tags Copy-Secret -TagSource adds.</summary>
internal static class ProvenanceTags
{
    public const string Source = "secretstools:source";
    public const string SourceVersion = "secretstools:source-version";
}
