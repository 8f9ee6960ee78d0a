using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>
/// The CloudTrail event names Get-SecretAuditEvent -EventName accepts: each store's API operations
/// on a secret, and the events Secrets Manager logs itself (rotation, version deletion). A name
/// outside these can never match an event about a secret, so it is a typo and gets its own ErrorId
/// instead of a silently empty result.
/// </summary>
internal static class AuditEventNames
{
    public const string SecretsManagerSource = "secretsmanager.amazonaws.com";
    public const string ParameterStoreSource = "ssm.amazonaws.com";

    public static IReadOnlyList<string> SecretsManager { get; } = new[]
    {
        "BatchGetSecretValue", "CancelRotateSecret", "CreateSecret", "DeleteResourcePolicy", "DeleteSecret",
        "DescribeSecret", "GetResourcePolicy", "GetSecretValue", "ListSecretVersionIds", "PutResourcePolicy",
        "PutSecretValue", "RemoveRegionsFromReplication", "ReplicateSecretToRegions", "RestoreSecret",
        "RotateSecret", "StopReplicationToReplica", "TagResource", "UntagResource", "UpdateSecret",
        "UpdateSecretVersionStage", "ValidateResourcePolicy",
        // Logged by Secrets Manager itself, not by a caller.
        "RotationStarted", "RotationSucceeded", "RotationFailed", "RotationAbandoned",
        "StartSecretVersionDelete", "CancelSecretVersionDelete", "EndSecretVersionDelete",
    };

    public static IReadOnlyList<string> ParameterStore { get; } = new[]
    {
        "AddTagsToResource", "DeleteParameter", "DeleteParameters", "DescribeParameters", "GetParameter",
        "GetParameterHistory", "GetParameters", "GetParametersByPath", "LabelParameterVersion",
        "ListTagsForResource", "PutParameter", "RemoveTagsFromResource", "UnlabelParameterVersion",
    };

    public static IEnumerable<string> All => SecretsManager.Concat(ParameterStore).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal);

    public static string SourceFor(SecretStoreKind store) =>
        store == SecretStoreKind.ParameterStore ? ParameterStoreSource : SecretsManagerSource;

    /// <summary>The canonical spelling of each name (CloudTrail compares exactly); UnknownAuditEventName for the first unknown one.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<string> names)
    {
        var result = new List<string>(names.Count);
        foreach (var name in names)
        {
            var known = All.FirstOrDefault(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null)
                throw new SecretStoreException(ErrorIds.UnknownAuditEventName, ErrorCategory.InvalidArgument, name,
                    $"'{name}' is not an event Secrets Manager or Parameter Store logs for a secret. Known event names: {string.Join(", ", All)}.");
            if (!result.Contains(known)) result.Add(known);
        }
        return result;
    }
}
