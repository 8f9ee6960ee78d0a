namespace SecretsTools.Tests.Infrastructure.Proxy;

/// <summary>What the proxy does to a call a fault rule hits.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 with the service's JSON internal-error document; the request never reaches the server.</summary>
    Status500,

    /// <summary>HTTP 503 with the same document; the request never reaches the server.</summary>
    Status503,

    /// <summary>The connection is closed without an answer, before forwarding: the server never sees the request.</summary>
    DropBeforeForward,

    /// <summary>The request is forwarded and applied, then the connection is closed: the reply is lost.</summary>
    DropAfterForward,

    /// <summary>
    /// The request is forwarded and applied, then answered HTTP 500 (the service's internal-error
    /// document) instead of the server's reply: a failure that happened after the change was made.
    /// </summary>
    Status500AfterForward,

    /// <summary>The quota's throttling answer (ThrottlingException, or the operation's quota error code) on schedule, not by rate.</summary>
    Throttle,
}

/// <summary>
/// A fault on the calls of one operation (an X-Amz-Target such as "secretsmanager.PutSecretValue"),
/// or of every operation when <see cref="Operation"/> is null. The first rule that hits a call decides.
/// </summary>
public sealed record FaultRule(string? Operation, CallSchedule When, FaultKind Kind)
{
    public static FaultRule AnyOperation(CallSchedule when, FaultKind kind) => new(null, when, kind);
}
