using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecretsTools.Stores;

namespace SecretsTools.Access;

/// <summary>What -Access grants: Read (get the value and describe), or Write (also change the value and metadata).</summary>
public enum ResourcePolicyAccess
{
    Read,
    Write,
}

/// <summary>
/// The resource policy Set-SecretResourcePolicy -AllowPrincipal / -AllowAccount writes: one Allow
/// statement for the given IAM principals (and account roots) with the actions of -Access. Its
/// Resource is "*" because a resource policy is attached to the secret itself and "*" there means
/// that secret only. Public, so the document can be built and checked (e.g. by an IAM policy
/// evaluator) without calling AWS: [SecretsTools.Access.ResourcePolicyDocument]::Build(...).
/// </summary>
public static class ResourcePolicyDocument
{
    public const string PolicyVersion = "2012-10-17";

    /// <summary>The actions Read grants: reading the value and what DescribeSecret shows.</summary>
    public static IReadOnlyList<string> ReadActions { get; } = new[]
    {
        "secretsmanager:GetSecretValue",
        "secretsmanager:DescribeSecret",
    };

    /// <summary>Write adds writing a new value, changing the description/KMS key, and moving labels.</summary>
    public static IReadOnlyList<string> WriteActions { get; } = ReadActions.Concat(new[]
    {
        "secretsmanager:PutSecretValue",
        "secretsmanager:UpdateSecret",
        "secretsmanager:UpdateSecretVersionStage",
    }).ToArray();

    // An IAM user or role (with an optional path), an account root, or an STS assumed-role session:
    // the principal kinds a resource policy's "AWS" principal can name. Partitions: aws, aws-cn, aws-us-gov, aws-iso*.
    private static readonly Regex PrincipalArn = new(
        @"^arn:aws(-cn|-us-gov|-iso|-iso-[a-z])?:(iam::[0-9]{12}:(root|(user|role)(/[\x21-\x7E]+)*/[\w+=,.@-]{1,128})|sts::[0-9]{12}:assumed-role/[\w+=,.@-]{1,64}/[\w+=,.@-]{2,64})\z",
        RegexOptions.CultureInvariant);

    private static readonly Regex AccountId = new("^[0-9]{12}\\z", RegexOptions.CultureInvariant);

    /// <summary>
    /// The policy JSON (compact). Principals are checked first: SecretStoreException with ErrorId
    /// InvalidPrincipalArn or InvalidAccountId, the bad value as target, when one is not of the
    /// right shape; ArgumentException when there is no principal at all.
    /// </summary>
    /// <param name="partition">For the account roots: aws, aws-cn or aws-us-gov (see <see cref="PartitionOf"/>).</param>
    public static string Build(IEnumerable<string>? principalArns, IEnumerable<string>? accountIds, ResourcePolicyAccess access, string partition = "aws")
    {
        var principals = new List<string>();
        foreach (string arn in principalArns ?? Array.Empty<string>())
        {
            if (arn is null || !PrincipalArn.IsMatch(arn))
                throw new SecretStoreException(ErrorIds.InvalidPrincipalArn, ErrorCategory.InvalidArgument, arn,
                    $"-AllowPrincipal '{Validation.Printable.Of(arn ?? "")}' is not an IAM principal ARN: give a user, role or account root (arn:aws:iam::123456789012:role/Name, arn:aws:iam::123456789012:root) or an assumed-role session. Nothing was sent.");
            principals.Add(arn);
        }
        foreach (string id in accountIds ?? Array.Empty<string>())
        {
            if (id is null || !AccountId.IsMatch(id))
                throw new SecretStoreException(ErrorIds.InvalidAccountId, ErrorCategory.InvalidArgument, id,
                    $"-AllowAccount '{Validation.Printable.Of(id ?? "")}' is not an AWS account id (12 digits, e.g. 123456789012). Nothing was sent.");
            principals.Add($"arn:{partition}:iam::{id}:root");
        }
        if (principals.Count == 0) throw new ArgumentException("A resource policy needs at least one principal.");

        var distinct = principals.Distinct(StringComparer.Ordinal).ToList();
        var actions = access == ResourcePolicyAccess.Write ? WriteActions : ReadActions;
        var statement = new JsonObject
        {
            ["Sid"] = access == ResourcePolicyAccess.Write ? "SecretsToolsWrite" : "SecretsToolsRead",
            ["Effect"] = "Allow",
            // One principal as a string, several as a list: the form IAM itself writes back.
            ["Principal"] = new JsonObject { ["AWS"] = distinct.Count == 1 ? JsonValue.Create(distinct[0]) : new JsonArray(distinct.Select(p => (JsonNode?)JsonValue.Create(p)).ToArray()) },
            ["Action"] = new JsonArray(actions.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["Resource"] = "*",
        };
        var document = new JsonObject { ["Version"] = PolicyVersion, ["Statement"] = new JsonArray(statement) };
        return document.ToJsonString(Values.JsonValues.StoredJson);
    }

    /// <summary>The ARN partition of a Region: aws-cn for cn-*, aws-us-gov for us-gov-*, else aws.</summary>
    public static string PartitionOf(string? region) =>
        region is null ? "aws"
        : region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";
}
