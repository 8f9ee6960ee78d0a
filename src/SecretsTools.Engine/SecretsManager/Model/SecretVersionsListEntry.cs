using System;
using System.Collections.Generic;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// A structure that contains information about one version of a secret.
/// </summary>
internal class SecretVersionsListEntry
{
    /// <summary>The unique version identifier of this version of the secret.</summary>
    public string? VersionId { get; set; }

    /// <summary>An array of staging labels that are currently associated with this version of the secret.</summary>
    public List<string> VersionStages { get; set; } = new();

    /// <summary>The date that this version of the secret was last accessed.</summary>
    public DateTime? LastAccessedDate { get; set; }

    /// <summary>The date and time this version of the secret was created.</summary>
    public DateTime? CreatedDate { get; set; }

    /// <summary>The KMS keys used to encrypt the secret version.</summary>
    public List<string> KmsKeyIds { get; set; } = new();
}
