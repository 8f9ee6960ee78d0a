using System;

namespace SecretsTools.Model;

/// <summary>
/// What Get-SecretAuditEvent emits: one CloudTrail management event about a secret. Only fields
/// that say who did what, when and from where are kept; the event's requestParameters and
/// responseElements are never copied (they could hold values), so no output member carries them.
/// </summary>
public sealed record SecretAuditEvent
{
    /// <summary>When AWS received the call (CloudTrail eventTime, UTC).</summary>
    public DateTime Time { get; init; }

    /// <summary>The API call, e.g. GetSecretValue, PutParameter.</summary>
    public string EventName { get; init; } = "";

    /// <summary>Who made the call (from the event's userIdentity).</summary>
    public SecretAuditUser User { get; init; } = new();

    /// <summary>The caller's IP address, or the AWS service that called on its behalf.</summary>
    public string? SourceIp { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>The region the call went to (CloudTrail awsRegion).</summary>
    public string? Region { get; init; }

    /// <summary>The secret as the cmdlet was asked about it (its name, or ARN, in its store). Not "Secret": that word means a value here.</summary>
    public string SecretName { get; init; } = "";

    public SecretStoreKind Store { get; init; }

    /// <summary>The call's AWS error code (AccessDenied, ResourceNotFoundException...); null when it succeeded.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>True for calls that change nothing (CloudTrail readOnly).</summary>
    public bool? ReadOnly { get; init; }

    /// <summary>CloudTrail's id of the event, for looking it up in the console.</summary>
    public string? EventId { get; init; }

    public override string ToString() => $"{Time:u} {EventName} {User}";
}

/// <summary>The principal of an event (CloudTrail userIdentity), without its session credentials.</summary>
public sealed record SecretAuditUser
{
    /// <summary>The principal's ARN; for an assumed role, the role session's ARN.</summary>
    public string? Arn { get; init; }

    /// <summary>IAMUser, AssumedRole, Root, AWSService, FederatedUser, ...</summary>
    public string? Type { get; init; }

    /// <summary>The access key id the call was signed with (an id, not a secret).</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The user name, or the role's name for an assumed role; the invoking service for AWSService.</summary>
    public string? Name { get; init; }

    public string? AccountId { get; init; }

    public override string ToString() => Arn ?? Name ?? Type ?? "";
}
