using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Amazon;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using SecretsTools.SecretsManager;

namespace SecretsTools.Aws;

/// <summary>
/// Builds and caches one client per (service, region, profile, endpoint, credentials), so that
/// a runbook calling Get-Secret in a loop reuses connections, credentials and the SDK's retry quota.
/// </summary>
internal static class AwsClientFactory
{
    // Lazy: GetOrAdd may run its factory twice under contention; Lazy makes sure one client is built.
    private static readonly ConcurrentDictionary<string, Lazy<object>> Clients = new();

    static AwsClientFactory()
    {
        Amazon.Runtime.Internal.RuntimePipelineCustomizerRegistry.Instance.Register(new Diagnostics.ApiCallCountingCustomizer());
    }

    public static IAmazonSimpleSystemsManagement GetSsmClient(AwsConnectionSettings settings) =>
        GetOrCreate("ssm|" + settings.CacheKey, () => CreateSsmClient(settings));

    public static SecretsManagerClient GetSecretsManagerClient(AwsConnectionSettings settings) =>
        GetOrCreate("sm|" + settings.CacheKey, () => CreateSecretsManagerClient(settings));

    public static CloudTrail.CloudTrailClient GetCloudTrailClient(AwsConnectionSettings settings) =>
        GetOrCreate("cloudtrail|" + settings.CacheKey, () => CreateCloudTrailClient(settings));

    /// <summary>
    /// Clients kept at most. Rotating credentials (a new session token each hour, or -Credential per
    /// call) make new keys; past this, the cache starts over. Dropped clients are not disposed:
    /// a command still running keeps its own reference, and the SDK shares HttpClients anyway.
    /// </summary>
    internal const int MaxClients = 32;

    internal static int CachedClientCount => Clients.Count;

    /// <summary>One object per key in the bounded cache: clients, and the stores built on them.</summary>
    internal static T GetOrCreate<T>(string key, Func<T> create) where T : class
    {
        if (Clients.Count >= MaxClients && !Clients.ContainsKey(key)) Clients.Clear();
        var lazy = Clients.GetOrAdd(key, _ => new Lazy<object>(create));
        try
        {
            return (T)lazy.Value;
        }
        catch
        {
            // A Lazy keeps its exception: drop it, so a corrected configuration is tried afresh.
            Clients.TryRemove(new KeyValuePair<string, Lazy<object>>(key, lazy));
            throw;
        }
    }

    /// <summary>Drops cached clients; tests use it after changing environment variables.</summary>
    public static void Clear()
    {
        foreach (var client in Clients.Values) if (client.IsValueCreated) (client.Value as IDisposable)?.Dispose();
        Clients.Clear();
        FallbackRegionFactory.Reset(); // it caches the first region it finds
    }

    private static IAmazonSimpleSystemsManagement CreateSsmClient(AwsConnectionSettings settings)
    {
        var config = new AmazonSimpleSystemsManagementConfig();
        Configure(config, settings);
        var credentials = ExplicitCredentials(settings);
        return credentials is null
            ? new QuietSsmClient(config)
            : new QuietSsmClient(credentials, config);
    }

    private static SecretsManagerClient CreateSecretsManagerClient(AwsConnectionSettings settings)
    {
        var config = new SecretsManagerConfig();
        Configure(config, settings);
        var credentials = ExplicitCredentials(settings);
        return credentials is null
            ? new SecretsManagerClient(config)
            : new SecretsManagerClient(credentials, config);
    }

    private static CloudTrail.CloudTrailClient CreateCloudTrailClient(AwsConnectionSettings settings)
    {
        var config = new CloudTrail.CloudTrailConfig();
        Configure(config, settings);
        var credentials = ExplicitCredentials(settings);
        return credentials is null
            ? new CloudTrail.CloudTrailClient(config)
            : new CloudTrail.CloudTrailClient(credentials, config);
    }

    private static void Configure(ClientConfig config, AwsConnectionSettings settings)
    {
        if (settings.ProfileName is not null)
        {
            // The SDK reads both the credentials and the region of a named profile from this.
            config.Profile = new Profile(settings.ProfileName);
        }
        string? region = settings.Region
            ?? ProfileRegion(settings.ProfileName)
            // Read afresh, not through the SDK's FallbackRegionFactory, which keeps the first region
            // it finds for the life of the process: a runbook may change $env:AWS_REGION between calls.
            ?? NonEmpty(Environment.GetEnvironmentVariable("AWS_REGION"))
            ?? ProfileRegion(NonEmpty(Environment.GetEnvironmentVariable("AWS_PROFILE")) ?? "default")
            ?? FallbackRegion();
        if (region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            // With an endpoint override (this parameter or AWS_ENDPOINT_URL[_service]) the SDK cannot
            // infer the signing region from the host, and services scope resources by that region.
            config.AuthenticationRegion = region;
        }
        if (settings.EndpointUrl is not null)
        {
            config.ServiceURL = settings.EndpointUrl;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? ProfileRegion(string? profileName)
    {
        if (profileName is null) return null;
        var profiles = new Amazon.Runtime.CredentialManagement.CredentialProfileStoreChain();
        return profiles.TryGetProfile(profileName, out var profile) ? profile.Region?.SystemName : null;
    }

    /// <summary>AWS_REGION, then the AWS_PROFILE (or default) profile's region; null when none is set.</summary>
    private static string? FallbackRegion()
    {
        try { return FallbackRegionFactory.GetRegionEndpoint(false)?.SystemName; }
        catch (AmazonClientException) { return null; }
    }

    private static AWSCredentials? ExplicitCredentials(AwsConnectionSettings settings)
    {
        if (settings.AccessKeyId is null || settings.SecretAccessKey is null) return null;
        return settings.SessionToken is null
            ? new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey)
            : new SessionAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey, settings.SessionToken);
    }
}
