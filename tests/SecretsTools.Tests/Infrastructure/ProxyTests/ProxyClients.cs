using Amazon.SimpleSystemsManagement;
using SecretsTools.Aws;
using SecretsTools.Tests.Infrastructure.Proxy;
using SecretsTools.Tests.SecretsManagerClient;

namespace SecretsTools.Tests.Infrastructure.ProxyTests;

/// <summary>Our Secrets Manager client and the engine's SSM client, pointed at a proxy, with the SDK's retries set by the test.</summary>
internal static class ProxyClients
{
    public static SecretsTools.SecretsManager.SecretsManagerClient SecretsManager(FaultProxy proxy, int retries = 0) =>
        TestClients.ForEndpoint(proxy.Endpoint, configure: c =>
        {
            c.MaxErrorRetry = retries;
            c.MaxStaleConnectionRetries = 0; // otherwise the SDK re-sends a dropped request at once, uncounted by MaxErrorRetry
        });

    public static AmazonSimpleSystemsManagementClient Ssm(FaultProxy proxy, int retries = 0) =>
        new QuietSsmClient(TestClients.MotoCredentials, new AmazonSimpleSystemsManagementConfig
        {
            ServiceURL = proxy.Endpoint,
            AuthenticationRegion = TestClients.Region,
            MaxErrorRetry = retries,
            MaxStaleConnectionRetries = 0,
        });
}
