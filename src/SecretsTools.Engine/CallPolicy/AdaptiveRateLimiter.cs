using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace SecretsTools.CallPolicy;

/// <summary>
/// A token bucket whose rate adapts: it starts at the quota, halves on every throttled reply
/// (down to a floor), and creeps back up by a twentieth of the quota per success, never above it.
/// Callers wait for a token before each attempt, so a burst of parallel calls is spread out
/// instead of being thrown back by the service. Thread-safe; the clock is injectable for tests.
/// </summary>
internal sealed class AdaptiveRateLimiter
{
    private readonly object _gate = new();
    private readonly Func<double> _seconds;
    private readonly double _ceiling;
    private readonly double _floor;
    private double _rate;
    private double _tokens;
    private double _last;

    public AdaptiveRateLimiter(double requestsPerSecond, Func<double>? clockSeconds = null)
    {
        if (requestsPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(requestsPerSecond));
        _seconds = clockSeconds ?? Stopwatch();
        _ceiling = requestsPerSecond;
        _floor = Math.Min(requestsPerSecond, 0.5);
        _rate = requestsPerSecond;
        _tokens = Capacity;
        _last = _seconds();
    }

    public double Rate { get { lock (_gate) return _rate; } }

    /// <summary>A burst of up to one second's worth (at least one call).</summary>
    private double Capacity => Math.Max(1, _rate);

    /// <summary>Takes a token, or says how long to wait for one (and reserves it).</summary>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            Refill();
            _tokens -= 1;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _rate);
        }
    }

    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
    }

    public void OnThrottled()
    {
        lock (_gate)
        {
            Refill();
            _rate = Math.Max(_floor, _rate / 2);
            _tokens = Math.Min(_tokens, 0); // no burst right after being told to slow down
        }
    }

    public void OnSuccess()
    {
        lock (_gate) _rate = Math.Min(_ceiling, _rate + _ceiling / 20);
    }

    private void Refill()
    {
        double now = _seconds();
        _tokens = Math.Min(Capacity, _tokens + (now - _last) * _rate);
        _last = now;
    }

    private static Func<double> Stopwatch()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        return () => watch.Elapsed.TotalSeconds;
    }
}
