using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Commands;
using SecretsTools.Stores;

namespace SecretsTools.Reading;

/// <summary>
/// One batch read with replica fallback: read from the primary Region as always (one call: a
/// healthy primary costs nothing more); the names whose read was an outage (see Outages) are read
/// again, as one batch, from each fallback Region in turn until every one is served. A warning
/// names the Region used and why the primary failed. A value read from a replica comes from that
/// Region's own store, so the session's cache keeps it under that Region's connection, never the
/// primary's. A name no Region could serve keeps the primary's error; when the primary could not
/// be called at all and no replica served anything, the call fails as it would without fallback.
/// </summary>
internal sealed class ReplicaFallback
{
    private readonly SecretCmdletBase _cmdlet;
    private readonly StoreKey _primary;
    private readonly ISecretStore _store;
    private readonly IReadOnlyList<string> _regions;

    public ReplicaFallback(SecretCmdletBase cmdlet, StoreKey primary, ISecretStore store, IReadOnlyList<string> regions)
    {
        _cmdlet = cmdlet;
        _primary = primary;
        _store = store;
        _regions = regions;
    }

    public IReadOnlyList<SecretReadOutcome> Read(IReadOnlyList<(string Input, SecretReference Reference, SecretReadRequest Request)> batch)
    {
        var outcomes = new SecretReadOutcome?[batch.Count];
        var attempt = _cmdlet.Await(TryReadAsync(_store, batch.Select(b => b.Request).ToList()));
        var waiting = new List<int>();
        string why;
        if (attempt.Results is { } results)
        {
            string? first = null;
            for (int i = 0; i < batch.Count; i++)
            {
                if (results[i].Error is { } error && Outages.Is(error))
                {
                    waiting.Add(i);
                    first ??= Outages.Describe(error);
                }
                else outcomes[i] = Outcome(batch[i].Input, batch[i].Reference, _store, results[i]);
            }
            why = first ?? "";
        }
        else
        {
            waiting.AddRange(Enumerable.Range(0, batch.Count));
            why = Outages.Describe(attempt.Failure!);
        }

        bool anyServed = false;
        string primary = _primary.Connection.Region ?? "the default Region";
        foreach (string region in _regions)
        {
            if (waiting.Count == 0) break;
            var key = new StoreKey(_primary.Kind, _cmdlet.ConnectionFor(_primary.Kind, region));
            var replica = _cmdlet.StoreFor(key);
            var requests = waiting.Select(i => FallbackRegions.InRegion(batch[i].Request, region)).ToList();
            var read = _cmdlet.Await(TryReadAsync(replica, requests, anyFailure: true));
            var still = new List<int>();
            int served = 0;
            for (int j = 0; j < waiting.Count; j++)
            {
                int i = waiting[j];
                if (read.Results is { } r && r[j].Error is null && r[j].Value is not null)
                {
                    outcomes[i] = new SecretReadOutcome(batch[i].Input, batch[i].Reference, replica, r[j], null);
                    served++;
                }
                else still.Add(i); // not there either (not replicated, or the replica is down too): try the next
            }
            if (served > 0)
            {
                anyServed = true;
                _cmdlet.WriteWarning($"Read {served} secret(s) from {StoreNames.Display(_primary.Kind)} in {region} instead of {primary}, which failed: {why}.");
            }
            else
            {
                _cmdlet.WriteVerbose($"The fallback Region {region} served none of the {waiting.Count} secret(s) {primary} could not ({(read.Failure is { } f ? Outages.Describe(f) : "not found or failed there too")}).");
            }
            waiting = still;
        }

        if (waiting.Count > 0)
        {
            if (attempt.Failure is { } failure)
            {
                if (!anyServed) _cmdlet.RethrowCallFailure(failure); // as without fallback: the call stops
                foreach (int i in waiting)
                    outcomes[i] = SecretReadOutcome.Failed(batch[i].Input, batch[i].Reference, new SecretStoreException(
                        ErrorIds.AwsRequestFailed, ErrorCategory.ConnectionError, batch[i].Reference.Name,
                        $"{why}; no fallback Region ({string.Join(", ", _regions)}) had '{batch[i].Reference.Name}' either.")) with { Store = _store };
            }
            else
            {
                foreach (int i in waiting) outcomes[i] = Outcome(batch[i].Input, batch[i].Reference, _store, attempt.Results![i]);
            }
        }
        return outcomes!;
    }

    private SecretReadOutcome Outcome(string input, SecretReference reference, ISecretStore store, SecretReadResult result) =>
        result.Error is { } error
            ? SecretReadOutcome.Failed(input, reference, _cmdlet.WithOtherStoreHint(error, reference)) with { Store = store }
            : new SecretReadOutcome(input, reference, store, result, null);

    private sealed record Attempt(IReadOnlyList<SecretReadResult>? Results, AwsCallException? Failure);

    /// <summary>
    /// A call-wide outage is a result here, not an exception: the next Region may answer. On the
    /// primary anything else still stops the call, as without fallback; in a fallback Region any
    /// failure (an opt-in Region not enabled, credentials it refuses) only means "not served there",
    /// so the values the primary did serve are never thrown away for a replica's sake.
    /// </summary>
    private async Task<Attempt> TryReadAsync(ISecretStore store, IReadOnlyList<SecretReadRequest> requests, bool anyFailure = false)
    {
        try
        {
            return new Attempt(await store.ReadAsync(requests, _cmdlet.CancellationToken).ConfigureAwait(false), null);
        }
        catch (AwsCallException ex) when (anyFailure || Outages.Is(ex))
        {
            return new Attempt(null, ex);
        }
    }
}
