using System;
using System.Collections.Generic;
using System.Linq;
using SecretsTools.Model;
using System.Management.Automation;
using SecretsTools.Caching;
using SecretsTools.Reading;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Base of the cmdlets that read values by name (Get-Secret, Invoke-WithSecret,
/// Expand-SecretTemplate, Export-Secret): the session cache's parameters, and the shared reader
/// made with them, so every reader of values batches and caches the same way.
/// </summary>
public abstract class SecretReadingCmdletBase : SecretCmdletBase
{
    /// <summary>
    /// Serve values read less than this long ago from the session's cache, and keep what is read.
    /// Default: the configured CacheTtl (off unless configured). 0: off for this call.
    /// </summary>
    [Parameter]
    [Configuration.DurationTransformation]
    public TimeSpan? CacheTtl { get; set; }

    /// <summary>Read from AWS even if the cache holds the value (what is read is still cached).</summary>
    [Parameter]
    public SwitchParameter NoCache { get; set; }

    /// <summary>
    /// Secrets Manager Regions to read from, in order, when the primary Region's endpoint fails
    /// (connection errors, 5xx, throttling past the retries); never on not-found, access denied or
    /// bad input. Replicas share the secret's name; an ARN is rewritten to each Region. Default:
    /// the configured FallbackRegion (Process, SECRETSTOOLS_FALLBACK_REGION, CurrentUser). @(): off.
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completion.RegionCompleter))]
    public string[]? FallbackRegion { get; set; }

    /// <summary>
    /// The same for Parameter Store names. AWS does not replicate parameters, so -FallbackRegion
    /// never applies to them: give this (or its setting) only where copies are kept in those Regions.
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completion.RegionCompleter))]
    public string[]? ParameterStoreFallbackRegion { get; set; }

    /// <summary>The reader for this call; a TTL out of range or a bad fallback Region terminates before any call.</summary>
    internal SecretReader CreateReader(bool refreshIfChanged = false)
    {
        try
        {
            var fallback = new FallbackRegions(
                Fallback(SecretStoreKind.SecretsManager, FallbackRegion, nameof(FallbackRegion)),
                Fallback(SecretStoreKind.ParameterStore, ParameterStoreFallbackRegion, nameof(ParameterStoreFallbackRegion)));
            return new SecretReader(this, CachePolicy.For(CacheTtl, EffectiveCacheTtl(CacheTtl), NoCache, refreshIfChanged), fallback);
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord());
            throw; // unreachable: ThrowTerminatingError always throws
        }
    }

    /// <summary>
    /// A parameter's Regions, checked: each a Region name and none the primary Region (which would
    /// read the failing endpoint twice); without the parameter, the configured ones.
    /// </summary>
    private IReadOnlyList<string> Fallback(SecretStoreKind kind, string[]? given, string parameter)
    {
        if (!MyInvocation.BoundParameters.ContainsKey(parameter))
            return FromConfiguration(c => c.FallbackRegion(kind).Value);
        var regions = new List<string>();
        foreach (string region in (given ?? Array.Empty<string>()).SelectMany(g => (g ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            try
            {
                Validation.RegionRules.Validate(region, "-" + parameter);
                // A Region the SDK does not list would only fail at the call; with an endpoint of its own, any name.
                Validation.RegionRules.ValidateKnown(region, ownEndpoint: ConnectionFor(kind, region).EndpointUrl is not null, "-" + parameter);
            }
            catch (SecretStoreException ex)
            {
                throw new SecretStoreException(ErrorIds.InvalidFallbackRegion, ErrorCategory.InvalidArgument, region, ex.Message);
            }
            if (!regions.Contains(region, StringComparer.Ordinal)) regions.Add(region);
        }
        string? primary = Region is { Length: > 0 } r ? r : FromConfiguration(c => c.Region.Value);
        if (primary is not null && regions.Contains(primary, StringComparer.Ordinal))
            throw new SecretStoreException(ErrorIds.InvalidFallbackRegion, ErrorCategory.InvalidArgument, primary,
                $"-{parameter} '{primary}' is the Region the secrets are read from; give other Regions, where the replicas are. Nothing was sent.");
        return regions;
    }
}
