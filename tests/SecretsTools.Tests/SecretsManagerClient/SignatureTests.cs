using System;
using System.Net;
using System.Threading.Tasks;
using Amazon.Runtime;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Tests.Infrastructure;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>
/// A private moto that checks SigV4 signatures and IAM policies once its setup calls are done:
/// one user may use all of Secrets Manager, another only DescribeSecret.
/// </summary>
public sealed class SigningMotoFixture : IAsyncLifetime
{
    private const string AllowAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:*","Resource":"*"}]}""";
    private const string DescribeOnly = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"secretsmanager:DescribeSecret","Resource":"*"}]}""";

    private MotoServer.PrivateMotoServer? _server;

    public string Endpoint => _server!.Endpoint;
    public BasicAWSCredentials Admin { get; private set; } = null!;
    public BasicAWSCredentials DescribeOnlyUser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Exactly the IAM setup calls run unchecked; every later call must be properly signed.
        _server = MotoServer.StartPrivate(initialNoAuthActionCount: 2 * MotoIamBootstrap.CallsPerUser);
        var iam = new MotoIamBootstrap(_server.Endpoint);
        var admin = await iam.CreateUserWithKeyAsync("secrets-admin", AllowAll);
        var reader = await iam.CreateUserWithKeyAsync("secrets-describer", DescribeOnly);
        Admin = new BasicAWSCredentials(admin.AccessKeyId, admin.SecretAccessKey);
        DescribeOnlyUser = new BasicAWSCredentials(reader.AccessKeyId, reader.SecretAccessKey);
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        return Task.CompletedTask;
    }
}

public class SignatureTests(SigningMotoFixture moto) : IClassFixture<SigningMotoFixture>
{
    private SecretsTools.SecretsManager.SecretsManagerClient Client(AWSCredentials credentials, CountingHttpClientFactory? counter = null) =>
        TestClients.ForEndpoint(moto.Endpoint, credentials: credentials, configure: c =>
        {
            c.MaxErrorRetry = 3; // generous, to show that authentication failures are not retried at all
            if (counter is not null) c.HttpClientFactory = counter;
        });

    [Fact]
    public async Task Correctly_signed_requests_are_accepted()
    {
        using var client = Client(moto.Admin);
        var name = TestClients.UniqueName("sig");

        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "signed ✓", Tags = { new Tag { Key = "k", Value = "v" } } });
        var got = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name });
        var listed = await client.ListSecretsAsync(new ListSecretsRequest { Filters = { new Filter { Key = FilterNameStringType.Name, Values = { name } } } });

        Assert.Equal("signed ✓", got.SecretString);
        Assert.Single(listed.SecretList);
    }

    [Fact]
    public async Task Wrong_secret_key_is_rejected_once_and_not_retried()
    {
        var counter = new CountingHttpClientFactory();
        using var client = Client(new BasicAWSCredentials(moto.Admin.GetCredentials().AccessKey, "not-the-right-secret-key"), counter);

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            client.ListSecretsAsync(new ListSecretsRequest()));

        Assert.Equal("SignatureDoesNotMatch", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.StartsWith("The request signature we calculated does not match", ex.Message);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task Unknown_access_key_is_rejected_once_and_not_retried()
    {
        var counter = new CountingHttpClientFactory();
        using var client = Client(new BasicAWSCredentials("AKIAUNKNOWNUNKNOWN00", "whatever"), counter);

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "anything" }));

        Assert.Equal("InvalidClientTokenId", ex.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task Action_outside_the_users_policy_is_denied()
    {
        var name = TestClients.UniqueName("sig");
        using (var admin = Client(moto.Admin))
            await admin.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = "v" });
        var counter = new CountingHttpClientFactory();
        using var reader = Client(moto.DescribeOnlyUser, counter);

        var described = await reader.DescribeSecretAsync(new DescribeSecretRequest { SecretId = name });
        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() =>
            reader.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name }));

        Assert.Equal(name, described.Name);
        Assert.Equal("AccessDenied", ex.ErrorCode);
        Assert.Contains("secretsmanager:GetSecretValue", ex.Message);
        Assert.Equal(2, counter.Count);
    }
}
