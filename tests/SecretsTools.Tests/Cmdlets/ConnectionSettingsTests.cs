using System;
using System.IO;
using System.Linq;
using SecretsTools.Aws;
using SecretsTools.Tests.Infrastructure;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// -Region, -EndpointUrl and the standard AWS variables. (Profiles are tested in Pester, in a
/// fresh process: the SDK reads the shared config files once per process.)
/// These change process-wide environment variables, so they run serially and restore them.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ConnectionSettingsTests : IDisposable
{
    private const string DeadEndpoint = "http://127.0.0.1:9"; // discard port: nothing listens
    private readonly string _endpoint = MotoServer.Instance.Endpoint;
    private readonly PowerShellHost _host = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("secretstools-aws-").FullName;

    public ConnectionSettingsTests() => AwsClientFactory.Clear();

    public void Dispose()
    {
        MotoServer.ApplyEnvironment(_endpoint);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SSM", null);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SECRETS_MANAGER", null);
        AwsClientFactory.Clear();
        _host.Dispose();
        Directory.Delete(_dir, true);
    }

    [Fact]
    public void Service_specific_endpoint_variables_win_over_the_global_one()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", DeadEndpoint);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SSM", _endpoint);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SECRETS_MANAGER", _endpoint);
        string name = MotoServer.UniqueName("env");
        var result = _host.Run($"Set-Secret ssm:/{name} -Secret a -Confirm:$false; Set-Secret sm:{name} -Secret b -Confirm:$false; Get-Secret ssm:/{name}, sm:{name} -AsPlainText");
        Assert.Empty(result.Errors);
        Assert.Null(result.Terminating);
        Assert.Equal(new object?[] { "a", "b" }, result.Output);
    }

    [Fact]
    public void EndpointUrl_parameter_wins_over_the_environment()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", DeadEndpoint);
        string name = MotoServer.UniqueName("ep");
        var result = _host.Run($"Set-Secret sm:{name} -Secret x -EndpointUrl {_endpoint} -Confirm:$false; Get-Secret sm:{name} -EndpointUrl {_endpoint} -AsPlainText");
        Assert.Null(result.Terminating);
        Assert.Equal(new object?[] { "x" }, result.Output);
    }

    [Fact]
    public void Region_scopes_where_secrets_are_written()
    {
        string name = MotoServer.UniqueName("rg");
        var result = _host.Run($"Set-Secret sm:{name} -Secret eu -Region eu-west-1 -Confirm:$false; Get-Secret sm:{name} -Region eu-west-1 -AsPlainText; (Get-SecretInfo sm:{name} -Region eu-west-1).Region");
        Assert.Equal(new object?[] { "eu", "eu-west-1" }, result.Output);
        var elsewhere = _host.Run($"Get-Secret sm:{name} -Region us-east-1 -AsPlainText");
        Assert.Empty(elsewhere.Output);
        Assert.Equal("SecretNotFound", elsewhere.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void No_region_anywhere_is_one_clear_terminating_error()
    {
        Environment.SetEnvironmentVariable("AWS_REGION", null);
        Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", null);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", null); // an endpoint override needs no region
        // Two names, one error: the command stops instead of repeating the same failure per name.
        var result = _host.Run("Get-Secret sm:one, sm:two");
        var record = Assert.Single(result.Errors);
        Assert.Equal("AwsConfigurationError", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("-Region", record.ErrorDetails.Message);
    }

    [Fact]
    public void Clients_are_reused_per_connection_settings()
    {
        var a = new AwsConnectionSettings("us-east-1", null, _endpoint, null, null, null);
        var b = a with { };
        var c = a with { Region = "eu-west-1" };
        Assert.Same(AwsClientFactory.GetSsmClient(a), AwsClientFactory.GetSsmClient(b));
        Assert.NotSame(AwsClientFactory.GetSsmClient(a), AwsClientFactory.GetSsmClient(c));
        Assert.Same(AwsClientFactory.GetSecretsManagerClient(a), AwsClientFactory.GetSecretsManagerClient(b));
        var withKey = a with { AccessKeyId = "AKIA1", SecretAccessKey = "one" };
        var otherKey = a with { AccessKeyId = "AKIA1", SecretAccessKey = "two" };
        Assert.NotSame(AwsClientFactory.GetSecretsManagerClient(withKey), AwsClientFactory.GetSecretsManagerClient(otherKey));
        Assert.DoesNotContain("one", withKey.CacheKey);
        Assert.DoesNotContain("one", withKey.ToString());
    }

    [Fact]
    public void The_client_cache_stays_bounded_when_credentials_keep_changing()
    {
        var first = new AwsConnectionSettings("us-east-1", null, _endpoint, "AKIA0", "key-0", null);
        for (int i = 0; i < AwsClientFactory.MaxClients * 2; i++)
            AwsClientFactory.GetSecretsManagerClient(first with { AccessKeyId = "AKIA" + i, SecretAccessKey = "key-" + i });
        Assert.InRange(AwsClientFactory.CachedClientCount, 1, AwsClientFactory.MaxClients);
    }
}
