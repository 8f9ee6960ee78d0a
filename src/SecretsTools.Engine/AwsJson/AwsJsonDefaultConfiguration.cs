using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace SecretsTools.AwsJson;

/// <summary>
/// The SDK's "defaults modes" (AWS_DEFAULTS_MODE / defaults_mode). Every generated v4 client ships the
/// same table; without it ClientConfig has no connect timeouts or retry mode to fall back on.
/// </summary>
internal static class AwsJsonDefaultConfiguration
{
    public static IReadOnlyList<IDefaultConfiguration> All { get; } = new[]
    {
        Mode(DefaultConfigurationMode.Standard, connectTimeoutMs: 3100),
        Mode(DefaultConfigurationMode.InRegion, connectTimeoutMs: 1100),
        Mode(DefaultConfigurationMode.CrossRegion, connectTimeoutMs: 3100),
        Mode(DefaultConfigurationMode.Mobile, connectTimeoutMs: 30000),
        Mode(DefaultConfigurationMode.Auto, connectTimeoutMs: 1100),
    };

    private static IDefaultConfiguration Mode(DefaultConfigurationMode name, int connectTimeoutMs) => new DefaultConfiguration
    {
        Name = name,
        RetryMode = RequestRetryMode.Standard,
        S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
        ConnectTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
        TlsNegotiationTimeout = TimeSpan.FromMilliseconds(connectTimeoutMs),
        TimeToFirstByteTimeout = null,
        HttpRequestTimeout = null,
    };
}
