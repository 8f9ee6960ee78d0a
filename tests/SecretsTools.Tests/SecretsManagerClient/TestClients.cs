using System;
using System.Linq;
using Amazon.Runtime;
using SecretsTools.SecretsManager;
using SecretsTools.Tests.Infrastructure;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>Builds clients the way the module's cmdlets will: explicit credentials plus a config.</summary>
internal static class TestClients
{
    public const string AccountId = "123456789012";
    public const string Region = "us-east-1";
    public const string ReplicaRegion = "us-west-2";

    public static readonly AWSCredentials MotoCredentials = new BasicAWSCredentials("testing", "testing");

    /// <summary>A client for the shared moto server, signing for <paramref name="region"/>.</summary>
    public static SecretsTools.SecretsManager.SecretsManagerClient Moto(string region = Region, Action<SecretsManagerConfig>? configure = null) =>
        ForEndpoint(MotoServer.Instance.Endpoint, region, configure);

    /// <summary>
    /// A client for any endpoint. With a custom ServiceURL the SDK takes the signing region from
    /// AuthenticationRegion (moto keys its data by that region), so both are set.
    /// </summary>
    public static SecretsTools.SecretsManager.SecretsManagerClient ForEndpoint(string endpoint, string region = Region, Action<SecretsManagerConfig>? configure = null, AWSCredentials? credentials = null)
    {
        var config = new SecretsManagerConfig { ServiceURL = endpoint, AuthenticationRegion = region };
        configure?.Invoke(config);
        return new SecretsTools.SecretsManager.SecretsManagerClient(credentials ?? MotoCredentials, config);
    }

    public static string UniqueName(string prefix = "smc") => MotoServer.UniqueName(prefix);

    /// <summary>
    /// A unique lower-case word (letters only): moto's description and "all" filters split text into
    /// words at digit/letter boundaries, so a hex id would not stay one word.
    /// </summary>
    public static string UniqueWord() =>
        string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
}
