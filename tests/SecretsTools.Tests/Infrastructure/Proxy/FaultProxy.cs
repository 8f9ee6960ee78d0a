using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsTools.Tests.Infrastructure.Proxy;

/// <summary>
/// An HTTP proxy in front of moto_server that behaves like AWS under load and failure: per-operation
/// token buckets answering ThrottlingException, and scheduled faults (5xx, connections dropped before
/// or after the server applied the request), plus added latency. Requests are handled concurrently.
/// Each request, in order: counted (its call number is fixed on arrival), delayed by the latency, hit
/// by the first matching fault rule if any, otherwise charged to its quota's bucket (throttled
/// without one), then forwarded. A 5xx, drop-before or scheduled throttle never reaches the server
/// and takes no token; a drop-after does both.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    private readonly HttpForwarder _forwarder;
    private readonly ConcurrentDictionary<string, OperationStats> _stats = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Quota Quota, TokenBucket Bucket)> _buckets;
    private long _calls;

    public FaultProxy(string upstreamEndpoint, FaultProxyOptions? options = null)
    {
        Options = options ?? new FaultProxyOptions();
        _buckets = BucketsByOperation(Options.Quotas, Options.Clock);
        _forwarder = new HttpForwarder(upstreamEndpoint, HandleAsync, Options.MaxConcurrentRequests, Options.KeepAlive);
    }

    /// <summary>For scripts (a benchmark): <c>[FaultProxy]::Start($moto, [FaultProxyOptions]::AtAwsQuotas([timespan]'0:0:0.030'))</c>.</summary>
    public static FaultProxy Start(string upstreamEndpoint, FaultProxyOptions? options = null) => new(upstreamEndpoint, options);

    /// <summary>The proxy's URL, e.g. for -EndpointUrl or a client's ServiceURL.</summary>
    public string Endpoint => _forwarder.Endpoint;

    public FaultProxyOptions Options { get; }

    /// <summary>Counts for one operation, e.g. "secretsmanager.PutSecretValue".</summary>
    public OperationCounts CountsFor(string operation) =>
        _stats.TryGetValue(operation, out var stats) ? stats.Snapshot() : OperationCounts.None;

    public IReadOnlyDictionary<string, OperationCounts> CountsByOperation =>
        _stats.ToDictionary(s => s.Key, s => s.Value.Snapshot(), StringComparer.Ordinal);

    public OperationCounts Total => _stats.Values.Aggregate(OperationCounts.None, (sum, s) => sum.Plus(s.Snapshot()));

    /// <summary>The most requests the proxy worked on at the same time (at most MaxConcurrentRequests).</summary>
    public int PeakConcurrency => _forwarder.PeakRunning;

    /// <summary>Requests in the proxy now; 0 once disposed.</summary>
    public int InFlight => _forwarder.InFlight;

    private static Dictionary<string, (Quota, TokenBucket)> BucketsByOperation(IEnumerable<Quota> quotas, TimeProvider clock)
    {
        var byOperation = new Dictionary<string, (Quota, TokenBucket)>(StringComparer.Ordinal);
        foreach (var quota in quotas)
        {
            var bucket = new TokenBucket(quota.RatePerSecond, quota.EffectiveBurst, clock);
            foreach (string operation in quota.Operations) byOperation[operation] = (quota, bucket);
        }
        return byOperation;
    }

    private async Task HandleAsync(ProxyExchange exchange)
    {
        string operation = exchange.Target;
        var stats = _stats.GetOrAdd(operation, _ => new OperationStats());
        long call = stats.Arrive();
        long anyCall = Interlocked.Increment(ref _calls);
        if (Options.Latency > TimeSpan.Zero) await Task.Delay(Options.Latency, exchange.Stopping).ConfigureAwait(false);

        var fault = Options.Faults.FirstOrDefault(r => r.Operation is null ? r.When.Includes(anyCall) : r.Operation == operation && r.When.Includes(call))?.Kind;
        _buckets.TryGetValue(operation, out var limit);
        switch (fault)
        {
            case FaultKind.Status500 or FaultKind.Status503:
                stats.Faulted(fault.Value);
                await exchange.ReplyAsync(AwsErrorReplies.ServerError(operation, fault == FaultKind.Status500 ? 500 : 503)).ConfigureAwait(false);
                return;
            case FaultKind.DropBeforeForward:
                stats.Faulted(fault.Value);
                exchange.Drop();
                return;
            case FaultKind.Throttle:
                stats.Faulted(fault.Value);
                await exchange.ReplyAsync(AwsErrorReplies.Throttled(limit.Quota?.ErrorCode ?? Quota.Throttling)).ConfigureAwait(false);
                return;
        }

        if (limit.Bucket is not null && !limit.Bucket.TryTake())
        {
            stats.Throttled();
            await exchange.ReplyAsync(AwsErrorReplies.Throttled(limit.Quota.ErrorCode)).ConfigureAwait(false);
            return;
        }

        UpstreamReply reply;
        try
        {
            reply = await exchange.ForwardAsync().ConfigureAwait(false);
        }
        catch (Exception)
        {
            stats.UpstreamFailed();
            throw;
        }
        stats.Forwarded();
        if (fault == FaultKind.DropAfterForward)
        {
            stats.Faulted(FaultKind.DropAfterForward);
            exchange.Drop();
            return;
        }
        if (fault == FaultKind.Status500AfterForward)
        {
            stats.Faulted(FaultKind.Status500AfterForward);
            await exchange.ReplyAsync(AwsErrorReplies.ServerError(operation, 500)).ConfigureAwait(false);
            return;
        }
        await exchange.ReplyAsync(reply).ConfigureAwait(false);
    }

    /// <summary>Stops the listener and ends every request still in the proxy (their clients see dropped connections).</summary>
    public void Dispose() => _forwarder.Dispose();
}
