using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Caching;
using SecretsTools.Commands;
using SecretsTools.Stores;

namespace SecretsTools.Reading;

/// <summary>
/// Reads values by name for every cmdlet that reads them (Get-Secret, Invoke-WithSecret,
/// Expand-SecretTemplate, Export-Secret): resolves each name with the cmdlet's -Store and
/// connection, groups names by store, reads each store's names in its batch size (10 a
/// GetParameters call, 20 a BatchGetSecretValue call), keeps the input order, and gives each
/// failed name its own outcome. Reads carry the call's cache use, so the cache applies to all.
/// Calls run through the cmdlet's Await, on the pipeline thread: a failure that stops every read
/// (credentials, network) terminates the cmdlet as any other call does, and Ctrl+C stops it.
/// </summary>
internal sealed class SecretReader
{
    private readonly SecretCmdletBase _cmdlet;
    private readonly CacheUse? _cache;
    private readonly FallbackRegions _fallback;
    private readonly Dictionary<StoreKey, List<Pending>> _pending = new();

    public SecretReader(SecretCmdletBase cmdlet, CacheUse? cache, FallbackRegions? fallback = null)
    {
        _cmdlet = cmdlet;
        _cache = cache;
        _fallback = fallback ?? FallbackRegions.None;
    }

    /// <summary>
    /// Resolves and checks a name before any call: a bad one throws SecretStoreException. A
    /// wildcard is matched by a listing, so only its store is known here.
    /// </summary>
    public ResolvedName Resolve(string raw)
    {
        var reference = _cmdlet.Resolve(raw);
        bool wildcard = WildcardPattern.ContainsWildcardCharacters(reference.Name);
        if (!wildcard) _cmdlet.StoreFor(reference).ValidateName(reference.Name, forWrite: false);
        return new ResolvedName(raw, reference, wildcard);
    }

    /// <summary>Queues one name; true when its store's batch is full and should be flushed.</summary>
    public bool Queue(ResolvedName name, string? version = null, string? label = null) => Queue(name, version, label, index: -1, out _);

    private bool Queue(ResolvedName name, string? version, string? label, int index, out StoreKey key)
    {
        var reference = name.Reference;
        key = _cmdlet.KeyFor(reference);
        if (!_pending.TryGetValue(key, out var list)) _pending[key] = list = new List<Pending>();
        list.Add(new Pending(name.Input, reference, index, new SecretReadRequest(reference.Name, reference.Version ?? version, reference.Label ?? label)
        {
            ExpectedArn = reference.ParameterArn,
            Cache = _cache,
        }));
        return list.Count >= _cmdlet.StoreFor(key).ReadBatchSize;
    }

    public IReadOnlyList<StoreKey> PendingStores => _pending.Where(p => p.Value.Count > 0).Select(p => p.Key).ToList();

    /// <summary>Reads everything queued for one store, in batches, in the order it was queued.</summary>
    public IReadOnlyList<SecretReadOutcome> Flush(StoreKey key)
    {
        if (!_pending.TryGetValue(key, out var queued) || queued.Count == 0) return Array.Empty<SecretReadOutcome>();
        _pending[key] = new List<Pending>();
        var store = _cmdlet.StoreFor(key);
        _cmdlet.WriteVerbose($"Reading {queued.Count} secret(s) from {StoreNames.Display(key.Kind)}{(key.Connection.Region is null ? "" : " in " + key.Connection.Region)}.");
        var outcomes = new List<SecretReadOutcome>(queued.Count);
        var fallback = _fallback.After(key.Kind, key.Connection.Region);
        foreach (var batch in queued.Chunk(Math.Max(1, store.ReadBatchSize)))
        {
            if (fallback.Count > 0)
            {
                outcomes.AddRange(new ReplicaFallback(_cmdlet, key, store, fallback).Read(batch.Select(p => (p.Input, p.Reference, p.Request)).ToList()));
                continue;
            }
            var results = _cmdlet.Await(store.ReadAsync(batch.Select(p => p.Request).ToList(), _cmdlet.CancellationToken));
            for (int i = 0; i < batch.Length; i++)
            {
                var pending = batch[i];
                outcomes.Add(results[i].Error is { } error
                    ? SecretReadOutcome.Failed(pending.Input, pending.Reference, _cmdlet.WithOtherStoreHint(error, pending.Reference)) with { Store = store }
                    : new SecretReadOutcome(pending.Input, pending.Reference, store, results[i], null));
            }
        }
        return outcomes;
    }

    /// <summary>Every value a listing query matches (-Path, -Prefix, wildcards), streamed as batches arrive.</summary>
    public void ReadMatching(StoreKey key, SecretListQuery query, string input, Action<SecretReadOutcome> each)
    {
        var store = _cmdlet.StoreFor(key);
        _cmdlet.WriteEach(store.ReadMatchingAsync(query, _cmdlet.CancellationToken), result => each(result.Error is { } error
            ? SecretReadOutcome.Failed(input, null, error) with { Store = store }
            : new SecretReadOutcome(input, null, store, result, null)));
    }

    /// <summary>
    /// Reads a whole list of names at once (a template's references, an environment map):
    /// outcomes come back in input order, a wildcard's matches in its place, one failed outcome
    /// per name that could not be resolved or read. Only a failure that stops every read throws.
    /// </summary>
    public IReadOnlyList<SecretReadOutcome> ReadAll(IReadOnlyList<string> inputs)
    {
        var slots = new List<SecretReadOutcome>?[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            ResolvedName name;
            try
            {
                name = Resolve(inputs[i]);
            }
            catch (SecretStoreException ex)
            {
                slots[i] = new List<SecretReadOutcome> { SecretReadOutcome.Failed(inputs[i], null, ex) };
                continue;
            }
            if (name.IsWildcard)
            {
                slots[i] = ReadWildcard(name);
                continue;
            }
            if (Queue(name, null, null, i, out var key)) FlushInto(key, slots);
        }
        foreach (var key in PendingStores) FlushInto(key, slots);
        return slots.SelectMany(s => s ?? Enumerable.Empty<SecretReadOutcome>()).ToList();
    }

    private List<SecretReadOutcome> ReadWildcard(ResolvedName name)
    {
        var matches = new List<SecretReadOutcome>();
        try
        {
            var query = new SecretListQuery { NamePattern = name.Reference.Name };
            ReadMatching(_cmdlet.KeyFor(name.Reference), query, name.Input, matches.Add);
        }
        catch (SecretStoreException ex)
        {
            matches.Add(SecretReadOutcome.Failed(name.Input, name.Reference, ex)); // the listing failed (e.g. denied): this input only
        }
        if (matches.Count == 0)
            matches.Add(SecretReadOutcome.Failed(name.Input, name.Reference, new SecretStoreException(ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound,
                name.Input, $"Nothing in {StoreNames.Display(name.Reference.Store)} matches '{name.Input}'.")));
        return matches;
    }

    private void FlushInto(StoreKey key, List<SecretReadOutcome>?[] slots)
    {
        var queued = _pending[key].Select(p => p.Index).ToList();
        var outcomes = Flush(key);
        for (int i = 0; i < outcomes.Count; i++) (slots[queued[i]] ??= new List<SecretReadOutcome>()).Add(outcomes[i]);
    }

    private sealed record Pending(string Input, SecretReference Reference, int Index, SecretReadRequest Request);
}

/// <summary>A name as the user wrote it, resolved to a store; a wildcard still to be listed.</summary>
internal sealed record ResolvedName(string Input, SecretReference Reference, bool IsWildcard);
