using System;

namespace SecretsTools.Model;

/// <summary>
/// What Get-SecretVersion emits: one version of a secret, never its value (read that with
/// Get-Secret -Version or -Label). The two stores say it in their own words; the members are
/// shared so one view and one pipeline serve both: Version is Secrets Manager's VersionId or
/// Parameter Store's version number, Labels are staging labels or parameter labels. Name, Store,
/// Region and Version bind by property name, so a version pipes into Set-SecretVersionLabel,
/// Restore-SecretVersion and Get-Secret.
/// </summary>
public sealed record SecretVersion
{
    public string Name { get; init; } = "";
    public SecretStoreKind Store { get; init; }
    public string? Region { get; init; }

    /// <summary>Secrets Manager: the VersionId. Parameter Store: the version number.</summary>
    public string Version { get; init; } = "";

    /// <summary>Secrets Manager: the staging labels (AWSCURRENT, AWSPREVIOUS, AWSPENDING, ...). Parameter Store: the labels.</summary>
    public string[] Labels { get; init; } = Array.Empty<string>();

    /// <summary>The version a plain read returns: AWSCURRENT on Secrets Manager, the highest number on Parameter Store.</summary>
    public bool IsCurrent { get; init; }

    /// <summary>When the version was written (Secrets Manager CreatedDate; Parameter Store the history's LastModifiedDate).</summary>
    public DateTime? Created { get; init; }

    /// <summary>Secrets Manager only: the day the version was last read.</summary>
    public DateTime? LastAccessed { get; init; }

    /// <summary>Parameter Store only: the ARN of whoever wrote the version.</summary>
    public string? LastModifiedUser { get; init; }

    public override string ToString() => $"{Name}@{Version}";
}
