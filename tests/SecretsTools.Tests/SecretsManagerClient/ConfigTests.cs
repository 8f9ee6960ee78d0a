using System;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Util;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Tests.Infrastructure;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>Service identity, endpoint rules and the SDK's configuration sources.</summary>
public class ConfigTests
{
    private static string EndpointFor(Action<SecretsManagerConfig> configure)
    {
        // Ignore AWS_ENDPOINT_URL (the moto fixture sets it) so the rule set itself is exercised.
        var config = new SecretsManagerConfig { IgnoreConfiguredEndpointUrls = true };
        configure(config);
        return config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new DescribeSecretRequest())).URL;
    }

    [Fact]
    public void Identity_matches_the_service_model()
    {
        var config = new SecretsManagerConfig();

        Assert.Equal("Secrets Manager", config.ServiceId);
        Assert.Equal("secretsmanager", config.AuthenticationServiceName);
        Assert.Equal("secretsmanager", config.RegionEndpointServiceName);
        Assert.Equal("2017-10-17", config.ServiceVersion);
        Assert.Contains("api/Secrets_Manager#", config.UserAgent);
        Assert.Equal(RequestRetryMode.Standard, config.RetryMode);
        // The names ClientConfig derives from ServiceId for service-specific endpoint overrides.
        Assert.Equal("AWS_ENDPOINT_URL_SECRETS_MANAGER", TransformServiceId.TransformServiceIdToEnvVariable(config.ServiceId));
        Assert.Equal("secrets_manager", TransformServiceId.TransformServiceIdToConfigVariable(config.ServiceId));
    }

    [Theory]
    [InlineData("us-west-2", false, false, "https://secretsmanager.us-west-2.amazonaws.com/")]
    [InlineData("us-west-2", true, false, "https://secretsmanager-fips.us-west-2.amazonaws.com/")]
    [InlineData("us-west-2", false, true, "https://secretsmanager.us-west-2.amazonaws.com/")]
    [InlineData("us-west-2", true, true, "https://secretsmanager-fips.us-west-2.amazonaws.com/")]
    [InlineData("cn-north-1", false, false, "https://secretsmanager.cn-north-1.amazonaws.com.cn/")]
    [InlineData("us-gov-west-1", true, false, "https://secretsmanager-fips.us-gov-west-1.amazonaws.com/")]
    [InlineData("eu-central-1", false, false, "https://secretsmanager.eu-central-1.amazonaws.com/")]
    public void Regional_endpoints_follow_the_rule_set(string region, bool fips, bool dualStack, string expected)
    {
        var url = EndpointFor(c =>
        {
            c.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
            c.UseFIPSEndpoint = fips;
            c.UseDualstackEndpoint = dualStack;
        });

        Assert.Equal(expected, url);
    }

    [Fact]
    public void ServiceURL_wins_and_fips_with_a_custom_endpoint_is_refused()
    {
        Assert.Equal("http://localhost:4566/", EndpointFor(c => c.ServiceURL = "http://localhost:4566"));
        var ex = Assert.Throws<AmazonClientException>(() => EndpointFor(c => { c.ServiceURL = "http://localhost:4566"; c.UseFIPSEndpoint = true; }));
        Assert.Contains("FIPS and custom endpoint", ex.Message);
    }

    [Fact]
    public void Service_specific_endpoint_variable_beats_AWS_ENDPOINT_URL()
    {
        var global = MotoServer.Instance.Endpoint; // also sets AWS_ENDPOINT_URL
        var specific = global.Replace("127.0.0.1", "localhost"); // same server, distinguishable URL
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SECRETS_MANAGER", specific);
        try
        {
            Assert.Equal(specific, new SecretsManagerConfig().ServiceURL.TrimEnd('/'));
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SECRETS_MANAGER", null);
        }
        Assert.Equal(global, new SecretsManagerConfig().ServiceURL.TrimEnd('/'));
    }

    [Fact]
    public async Task Default_constructor_takes_region_credentials_and_endpoint_from_the_environment()
    {
        _ = MotoServer.Instance; // sets AWS_REGION, AWS_ACCESS_KEY_ID/SECRET, AWS_ENDPOINT_URL
        using var client = new SecretsTools.SecretsManager.SecretsManagerClient();
        var name = TestClients.UniqueName("env");

        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v" });
        var described = await client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });

        Assert.Equal(RegionEndpoint.USEast1, client.Config.RegionEndpoint);
        Assert.Contains(":us-east-1:", described.ARN);
    }
}
