using System;
using System.Collections.Generic;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// A structure that contains the secret value and other details for a secret.
/// </summary>
internal class SecretValueEntry
{
    /// <summary>The Amazon Resource Name (ARN) of the secret.</summary>
    public string? ARN { get; set; }

    /// <summary>The friendly name of the secret.</summary>
    public string? Name { get; set; }

    /// <summary>The unique version identifier of this version of the secret.</summary>
    public string? VersionId { get; set; }

    /// <summary>
    /// The decrypted secret value, if the secret value was originally provided as binary data in the form of a byte
    /// array. Sensitive: never logged or printed by this module.
    /// </summary>
    public byte[]? SecretBinary { get; set; }

    /// <summary>
    /// The decrypted secret value, if the secret value was originally provided as a string or through the Secrets
    /// Manager console. Sensitive: never logged or printed by this module.
    /// </summary>
    public string? SecretString { get; set; }

    /// <summary>A list of all of the staging labels currently attached to this version of the secret.</summary>
    public List<string> VersionStages { get; set; } = new();

    /// <summary>The date the secret was created.</summary>
    public DateTime? CreatedDate { get; set; }
}
