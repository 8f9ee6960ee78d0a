using System.Collections.Generic;
using System.Linq;
using SecretsTools.Model;
using SecretsTools.SecretsManager.Model;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>SecretInfo from ListSecrets entries and DescribeSecret responses.</summary>
internal static class SecretsManagerInfo
{
    public const string UnknownType = "Unknown";

    /// <summary>ListSecrets does not report replicas: they are "not loaded" (null), not "none".</summary>
    public static SecretInfo From(SecretListEntry e, string? region) => FromMetadata(e, region) with { Replicas = null };

    /// <summary>DescribeSecret also reports the replica regions.</summary>
    public static SecretInfo From(DescribeSecretResponse d, string? region) => FromMetadata(d, region) with
    {
        ReplicaRegions = d.ReplicationStatus.Select(r => r.Region ?? "").Where(r => r.Length > 0).ToArray(),
        Replicas = d.ReplicationStatus.Where(r => !string.IsNullOrEmpty(r.Region)).Select(r => new SecretReplica
        {
            Region = r.Region!,
            Status = r.Status,
            StatusMessage = r.StatusMessage,
            KmsKeyId = r.KmsKeyId,
            LastAccessed = r.LastAccessedDate,
        }).ToArray(),
    };

    private static SecretInfo FromMetadata(ISecretMetadata m, string? region) => new()
    {
        Name = m.Name ?? "",
        Store = SecretStoreKind.SecretsManager,
        Arn = m.ARN,
        // ListSecrets and DescribeSecret do not say whether the value is text or binary.
        Type = UnknownType,
        Version = m.VersionStages.FirstOrDefault(v => v.Value.Contains(SecretsManagerLimits.CurrentStage)).Key,
        LastModified = m.LastChangedDate,
        CreatedDate = m.CreatedDate,
        Description = m.Description,
        KmsKeyId = m.KmsKeyId,
        Tags = TagTable.From(m.Tags.Select(t => new KeyValuePair<string, string>(t.Key ?? "", t.Value ?? ""))),
        Region = region,
        RotationEnabled = m.RotationEnabled,
        // AWS (and moto) send an empty ARN for a secret that never had a Lambda.
        RotationLambdaArn = string.IsNullOrEmpty(m.RotationLambdaARN) ? null : m.RotationLambdaARN,
        // A days schedule of 0 is what moto reports for rules given as an expression.
        RotateAfterDays = m.RotationRules?.AutomaticallyAfterDays is > 0 ? m.RotationRules.AutomaticallyAfterDays : null,
        RotationSchedule = string.IsNullOrEmpty(m.RotationRules?.ScheduleExpression) ? null : m.RotationRules.ScheduleExpression,
        RotationDuration = string.IsNullOrEmpty(m.RotationRules?.Duration) ? null : m.RotationRules.Duration,
        LastRotated = m.LastRotatedDate,
        NextRotation = m.NextRotationDate,
        LastAccessed = m.LastAccessedDate,
        DeletedDate = m.DeletedDate,
        PrimaryRegion = m.PrimaryRegion,
        VersionStages = StagesOf(m.VersionStages),
    };

    /// <summary>The current version first, then the rest by id, so the listing reads the same every time.</summary>
    private static System.Collections.Specialized.OrderedDictionary StagesOf(IDictionary<string, List<string>> stages)
    {
        var ordered = new System.Collections.Specialized.OrderedDictionary(System.StringComparer.Ordinal);
        foreach (var (id, labels) in stages
            .OrderBy(s => s.Value.Contains(SecretsManagerLimits.CurrentStage) ? 0 : 1)
            .ThenBy(s => s.Key, System.StringComparer.Ordinal))
            ordered[id] = labels.OrderBy(l => l, System.StringComparer.Ordinal).ToArray();
        return ordered;
    }
}
