using System.Threading;

namespace SecretsTools.Tests.Infrastructure.Proxy;

/// <summary>
/// What the proxy did with the calls of one operation (or all of them). Every call seen ends as
/// exactly one of: forwarded and answered, throttled, a 500, a 503, dropped before forwarding, or an
/// upstream failure; a call dropped or answered 500 after forwarding counts as forwarded as well (it reached the server).
/// </summary>
public sealed record OperationCounts(
    long Seen,
    long Forwarded,
    long Throttled,
    long Status500,
    long Status503,
    long DroppedBeforeForward,
    long DroppedAfterForward,
    long UpstreamFailures)
{
    public static OperationCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Calls that got an injected fault (throttling is counted apart, in <see cref="Throttled"/>).</summary>
    public long Faulted => Status500 + Status503 + DroppedBeforeForward + DroppedAfterForward;

    public OperationCounts Plus(OperationCounts other) => new(
        Seen + other.Seen, Forwarded + other.Forwarded, Throttled + other.Throttled, Status500 + other.Status500,
        Status503 + other.Status503, DroppedBeforeForward + other.DroppedBeforeForward,
        DroppedAfterForward + other.DroppedAfterForward, UpstreamFailures + other.UpstreamFailures);
}

/// <summary>The live, thread-safe counters behind one <see cref="OperationCounts"/>.</summary>
internal sealed class OperationStats
{
    private long _seen, _forwarded, _throttled, _status500, _status503, _droppedBefore, _droppedAfter, _upstreamFailures;

    /// <summary>Counts the call in and returns its number (1 for the first).</summary>
    public long Arrive() => Interlocked.Increment(ref _seen);

    public void Forwarded() => Interlocked.Increment(ref _forwarded);

    public void Throttled() => Interlocked.Increment(ref _throttled);

    public void UpstreamFailed() => Interlocked.Increment(ref _upstreamFailures);

    public void Faulted(FaultKind kind)
    {
        switch (kind)
        {
            case FaultKind.Status500 or FaultKind.Status500AfterForward: Interlocked.Increment(ref _status500); break;
            case FaultKind.Status503: Interlocked.Increment(ref _status503); break;
            case FaultKind.DropBeforeForward: Interlocked.Increment(ref _droppedBefore); break;
            case FaultKind.DropAfterForward: Interlocked.Increment(ref _droppedAfter); break;
            case FaultKind.Throttle: Throttled(); break;
        }
    }

    public OperationCounts Snapshot() => new(
        Interlocked.Read(ref _seen), Interlocked.Read(ref _forwarded), Interlocked.Read(ref _throttled),
        Interlocked.Read(ref _status500), Interlocked.Read(ref _status503), Interlocked.Read(ref _droppedBefore),
        Interlocked.Read(ref _droppedAfter), Interlocked.Read(ref _upstreamFailures));
}
