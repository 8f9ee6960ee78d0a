using System.Collections.Concurrent;

namespace SecretsTools.CallPolicy;

/// <summary>
/// One client's pacing: a rate limiter per quota family (OperationQuotas). Each client is one
/// connection (account credentials, region, endpoint), so this is one limiter per service,
/// operation family, account and region, shared by every cmdlet and thread using that client.
/// </summary>
internal sealed class CallPolicy
{
    private readonly ConcurrentDictionary<string, AdaptiveRateLimiter> _limiters = new();
    private readonly string _service;

    public CallPolicy(string service) => _service = service;

    public AdaptiveRateLimiter For(string operation)
    {
        var family = OperationQuotas.For(_service, operation);
        return _limiters.GetOrAdd(family.Name, _ => new AdaptiveRateLimiter(family.RequestsPerSecond));
    }
}
