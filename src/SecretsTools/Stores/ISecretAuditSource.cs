using System;
using System.Collections.Generic;
using System.Threading;
using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>
/// CloudTrail's record of the calls made on one secret (LookupEvents), through our own types only.
/// Failures about the query come back as SecretStoreException; AwsCallException means nothing further can work.
/// </summary>
internal interface ISecretAuditSource
{
    /// <summary>
    /// The events, newest first, page by page as CloudTrail returns them (each page is yielded before
    /// the next is asked for). CloudTrail filters by the resource name only (LookupEvents accepts one
    /// lookup attribute per call); event source, event names and user are filtered here after
    /// reading. A Parameter Store name is looked up as a name, so events of a same-named parameter
    /// in another account of the trail are not told apart (the help says so).
    /// </summary>
    IAsyncEnumerable<SecretAuditEvent> LookupAsync(SecretAuditQuery query, CancellationToken cancellationToken);
}

/// <summary>
/// One secret's events to look up. Secret is its name in its store (what the output says);
/// ResourceName is what LookupEvents is asked for: the ARN or the name as typed. CloudTrail records
/// Secrets Manager resources by ARN, so for a Secrets Manager name the source first asks
/// DescribeSecret for the ARN (keeping the name when the secret no longer exists).
/// </summary>
internal sealed record SecretAuditQuery(SecretStoreKind Store, string Secret, string ResourceName)
{
    public DateTime? StartTime { get; init; }
    public DateTime? EndTime { get; init; }

    /// <summary>Empty: every event name.</summary>
    public IReadOnlyList<string> EventNames { get; init; } = Array.Empty<string>();

    /// <summary>Matched (case-insensitively) against the user name, the ARN and the ARN's last segment.</summary>
    public string? UserName { get; init; }
}
