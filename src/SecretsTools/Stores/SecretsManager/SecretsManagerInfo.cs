using System.Collections.Generic;
using System.Linq;
using SecretsTools.Model;
using SecretsTools.SecretsManager.Model;

namespace SecretsTools.Stores.SecretsManager;

/// <summary>SecretInfo from ListSecrets entries and DescribeSecret responses.</summary>
internal static class SecretsManagerInfo
{
    public static SecretInfo From(SecretListEntry e, string? region) => new()
    {
        Name = e.Name ?? "",
        Store = SecretStoreKind.SecretsManager,
        Arn = e.ARN,
        Version = CurrentVersion(e.SecretVersionsToStages),
        LastModified = e.LastChangedDate,
        CreatedDate = e.CreatedDate,
        Description = e.Description,
        KmsKeyId = e.KmsKeyId,
        Tags = TagTable.From(e.Tags.Select(t => new KeyValuePair<string, string>(t.Key ?? "", t.Value ?? ""))),
        Region = region,
        RotationEnabled = e.RotationEnabled,
        RotationLambdaArn = e.RotationLambdaARN,
        LastRotated = e.LastRotatedDate,
        NextRotation = e.NextRotationDate,
        LastAccessed = e.LastAccessedDate,
        DeletedDate = e.DeletedDate,
        PrimaryRegion = e.PrimaryRegion,
    };

    public static SecretInfo From(DescribeSecretResponse d, string? region) => new()
    {
        Name = d.Name ?? "",
        Store = SecretStoreKind.SecretsManager,
        Arn = d.ARN,
        Version = CurrentVersion(d.VersionIdsToStages),
        LastModified = d.LastChangedDate,
        CreatedDate = d.CreatedDate,
        Description = d.Description,
        KmsKeyId = d.KmsKeyId,
        Tags = TagTable.From(d.Tags.Select(t => new KeyValuePair<string, string>(t.Key ?? "", t.Value ?? ""))),
        Region = region,
        RotationEnabled = d.RotationEnabled,
        RotationLambdaArn = d.RotationLambdaARN,
        LastRotated = d.LastRotatedDate,
        NextRotation = d.NextRotationDate,
        LastAccessed = d.LastAccessedDate,
        DeletedDate = d.DeletedDate,
        PrimaryRegion = d.PrimaryRegion,
        ReplicaRegions = d.ReplicationStatus.Select(r => r.Region ?? "").Where(r => r.Length > 0).ToArray(),
    };

    private static string? CurrentVersion(Dictionary<string, List<string>> versions) =>
        versions.FirstOrDefault(v => v.Value.Contains(SecretsManagerLimits.CurrentStage)).Key;
}
