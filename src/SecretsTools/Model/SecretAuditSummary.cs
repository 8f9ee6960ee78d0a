using System;

namespace SecretsTools.Model;

/// <summary>
/// What Get-SecretAuditEvent -Summary emits: per secret and principal, how often it read the secret
/// (read-only events) and changed it, and when it last touched it.
/// </summary>
public sealed record SecretAuditSummary
{
    public string SecretName { get; init; } = "";
    public SecretStoreKind Store { get; init; }

    /// <summary>The principal's ARN (or name, when the event had no ARN).</summary>
    public string User { get; init; } = "";

    public string? UserType { get; init; }

    /// <summary>Read-only events of this principal on the secret (GetSecretValue, GetParameter, DescribeSecret...).</summary>
    public int Reads { get; init; }

    /// <summary>Other events (PutSecretValue, PutParameter, UpdateSecret...).</summary>
    public int Writes { get; init; }

    /// <summary>Events that failed (with an ErrorCode), counted in Reads or Writes too.</summary>
    public int Failed { get; init; }

    public DateTime FirstAccess { get; init; }

    public DateTime LastAccess { get; init; }

    public DateTime? LastRead { get; init; }

    public string? LastEventName { get; init; }

    public string? LastSourceIp { get; init; }

    public override string ToString() => $"{User}: {Reads} reads, last {LastAccess:u}";
}
