using System;
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

    /// <summary>The reader for this call; a TTL out of range terminates before any call.</summary>
    internal SecretReader CreateReader(bool refreshIfChanged = false)
    {
        try
        {
            return new SecretReader(this, CachePolicy.For(CacheTtl, EffectiveCacheTtl(CacheTtl), NoCache, refreshIfChanged));
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord());
            throw; // unreachable: ThrowTerminatingError always throws
        }
    }
}
