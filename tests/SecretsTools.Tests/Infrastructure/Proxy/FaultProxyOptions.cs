using System;
using System.Collections.Generic;

namespace SecretsTools.Tests.Infrastructure.Proxy;

/// <summary>How a <see cref="FaultProxy"/> misbehaves. Fixed once the proxy starts.</summary>
public sealed record FaultProxyOptions
{
    /// <summary>Rate limits; an operation belongs to the last quota listing it. None: nothing is throttled by rate.</summary>
    public IReadOnlyList<Quota> Quotas { get; init; } = [];

    /// <summary>Injected faults; the first rule that hits a call decides.</summary>
    public IReadOnlyList<FaultRule> Faults { get; init; } = [];

    /// <summary>Added to every request before anything else happens to it (a network round trip).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Requests handled at once; 1 makes the proxy strictly sequential.</summary>
    public int MaxConcurrentRequests { get; init; } = 256;

    /// <summary>
    /// Let clients reuse connections. Off by default: HttpClient silently re-sends a request whose
    /// reused connection is dropped before a reply, which would hide the drop faults from the client
    /// (and count the re-sent request as the next call). Turn it on when no drops are scheduled and
    /// connection reuse matters (a benchmark).
    /// </summary>
    public bool KeepAlive { get; init; }

    /// <summary>The token buckets' clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The services' default quotas (<see cref="AwsQuotas.Defaults"/>) and a latency: what a benchmark runs against.</summary>
    public static FaultProxyOptions AtAwsQuotas(TimeSpan latency = default) => new() { Quotas = AwsQuotas.Defaults, Latency = latency };
}
