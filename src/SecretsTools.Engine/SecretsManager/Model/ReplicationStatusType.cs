using System;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// A replication object consisting of a RegionReplicationStatus object and includes a Region, KMSKeyId, status,
/// and status message.
/// </summary>
internal class ReplicationStatusType
{
    /// <summary>The Region where replication occurs.</summary>
    public string? Region { get; set; }

    /// <summary>Can be an ARN, Key ID, or Alias.</summary>
    public string? KmsKeyId { get; set; }

    /// <summary>The status can be InProgress, Failed, or InSync. Values: see <see cref="StatusType"/>.</summary>
    public string? Status { get; set; }

    /// <summary>Status message such as " Secret with this name already exists in this region ".</summary>
    public string? StatusMessage { get; set; }

    /// <summary>The date that the secret was last accessed in the Region.</summary>
    public DateTime? LastAccessedDate { get; set; }
}
