using System;

namespace SecretsTools.Tests.Infrastructure.Proxy;

/// <summary>
/// A token bucket the way AWS meters API calls: it holds up to <c>burst</c> tokens, refills at
/// <c>ratePerSecond</c>, and a call without a token is refused at once (never queued).
/// Starts full. Thread-safe.
/// </summary>
public sealed class TokenBucket
{
    private readonly object _lock = new();
    private readonly TimeProvider _clock;
    private readonly double _ratePerTick;
    private readonly double _burst;
    private double _tokens;
    private long _last;

    public TokenBucket(double ratePerSecond, double burst, TimeProvider? clock = null)
    {
        if (!(ratePerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "The rate must be above zero.");
        if (!(burst >= 1)) throw new ArgumentOutOfRangeException(nameof(burst), burst, "The burst must hold at least one call.");
        _clock = clock ?? TimeProvider.System;
        _ratePerTick = ratePerSecond / _clock.TimestampFrequency;
        _burst = burst;
        _tokens = burst;
        _last = _clock.GetTimestamp();
    }

    /// <summary>Takes a token if there is one; false means the call is over the rate.</summary>
    public bool TryTake()
    {
        lock (_lock)
        {
            long now = _clock.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (now - _last) * _ratePerTick);
            _last = now;
            if (_tokens < 1) return false;
            _tokens -= 1;
            return true;
        }
    }
}
