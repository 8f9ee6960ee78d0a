using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SecretsTools.Aws;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.Infrastructure.Proxy;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>
/// A write's request body holds the value; both clients zero it once the call is over, retries
/// included (the SSM client's pooled body is moved into an array the handler owns and zeroes). A handler inside the clearing one keeps each body it saw (the array itself, and its
/// text at that moment) so the test can look at the same bytes after the call.
/// </summary>
public class RequestBodyClearingTests
{
    private sealed class BodyCapture : PipelineHandler
    {
        public List<(byte[] Body, string TextWhenSent)> Seen { get; } = new();

        public override Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            if (executionContext.RequestContext.Request?.Content is { } body)
                lock (Seen) Seen.Add((body, Encoding.UTF8.GetString(body)));

            return base.InvokeAsync<T>(executionContext);
        }
    }

    private sealed class CapturingSecretsManagerClient(AWSCredentials credentials, SecretsManagerConfig config, BodyCapture capture)
        : SecretsTools.SecretsManager.SecretsManagerClient(credentials, config)
    {
        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            base.CustomizeRuntimePipeline(pipeline);
            pipeline.AddHandlerAfter<RequestBodyClearingHandler>(capture);
        }
    }

    private sealed class CapturingSsmClient(AWSCredentials credentials, AmazonSimpleSystemsManagementConfig config, BodyCapture capture)
        : QuietSsmClient(credentials, config)
    {
        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            base.CustomizeRuntimePipeline(pipeline);
            pipeline.AddHandlerAfter<RequestBodyClearingHandler>(capture);
        }
    }

    private static void AssertSentThenCleared(BodyCapture capture, string sentinel, int atLeast)
    {
        var withValue = capture.Seen.Where(s => s.TextWhenSent.Contains(sentinel, StringComparison.Ordinal)).ToList();
        Assert.True(withValue.Count >= atLeast, $"expected {atLeast}+ bodies holding the value, saw {withValue.Count}");
        Assert.All(withValue, s => Assert.True(s.Body.All(b => b == 0), "the body still holds bytes after the call"));
    }

    [Fact]
    public async Task Secrets_Manager_write_bodies_are_zeroed_after_the_call_and_the_value_arrived()
    {
        string sentinel = "SENTINEL-" + Guid.NewGuid().ToString("N");
        string name = TestClients.UniqueName("clear");
        var capture = new BodyCapture();
        using var client = new CapturingSecretsManagerClient(TestClients.MotoCredentials,
            new SecretsManagerConfig { ServiceURL = MotoServer.Instance.Endpoint, AuthenticationRegion = TestClients.Region }, capture);

        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = sentinel });
        await client.PutSecretValueAsync(new PutSecretValueRequest { SecretId = name, SecretString = sentinel + "-2" });

        AssertSentThenCleared(capture, sentinel, atLeast: 2);
        using var plain = TestClients.Moto();
        Assert.Equal(sentinel + "-2", (await plain.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name })).SecretString);
    }

    [Fact]
    public async Task A_retried_write_sends_the_same_body_each_time_and_it_is_zeroed_only_at_the_end()
    {
        string sentinel = "SENTINEL-" + Guid.NewGuid().ToString("N");
        string name = TestClients.UniqueName("clearr");
        using var proxy = new FaultProxy(MotoServer.Instance.Endpoint, new FaultProxyOptions { Faults = [new FaultRule("secretsmanager.CreateSecret", CallSchedule.First(2), FaultKind.Status503)] });
        var capture = new BodyCapture();
        using var client = new CapturingSecretsManagerClient(TestClients.MotoCredentials,
            new SecretsManagerConfig { ServiceURL = proxy.Endpoint, AuthenticationRegion = TestClients.Region }, capture);

        await client.CreateSecretAsync(new CreateSecretRequest { Name = name, SecretString = sentinel });

        Assert.Equal(3, proxy.CountsFor("secretsmanager.CreateSecret").Seen);
        AssertSentThenCleared(capture, sentinel, atLeast: 1);
        using var plain = TestClients.Moto();
        Assert.Equal(sentinel, (await plain.GetSecretValueAsync(new GetSecretValueRequest { SecretId = name })).SecretString);
    }

    [Fact]
    public async Task Parameter_Store_write_bodies_are_zeroed_after_the_call_and_the_value_arrived()
    {
        string sentinel = "SENTINEL-" + Guid.NewGuid().ToString("N");
        string name = "/" + TestClients.UniqueName("clearp") + "/p";
        var capture = new BodyCapture();
        var config = new AmazonSimpleSystemsManagementConfig { ServiceURL = MotoServer.Instance.Endpoint, AuthenticationRegion = TestClients.Region };
        using var client = new CapturingSsmClient(TestClients.MotoCredentials, config, capture);

        await client.PutParameterAsync(new PutParameterRequest { Name = name, Value = sentinel, Type = ParameterType.SecureString });

        AssertSentThenCleared(capture, sentinel, atLeast: 1);
        using var plain = new AmazonSimpleSystemsManagementClient(TestClients.MotoCredentials, config);
        Assert.Equal(sentinel, (await plain.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = true })).Parameter.Value);
    }
}
