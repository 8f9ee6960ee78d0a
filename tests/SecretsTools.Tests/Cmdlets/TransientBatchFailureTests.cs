using System.Linq;
using SecretsTools.Diagnostics;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.SecretsManagerClient;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// A batch read that is throttled (or fails on the server) says nothing about its names: it must
/// not fall back to one call per name, which only adds load where the service asked for less.
/// A local server answers every call with the error, through the real SDK and HTTP stack.
/// </summary>
[Collection(SerialCollection.Name)]
public class TransientBatchFailureTests
{
    private const string Throttling = "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}";
    private const string ServerError = "{\"__type\":\"InternalServiceError\",\"message\":\"try later\"}";

    public TransientBatchFailureTests() => _ = MotoServer.Instance; // standard AWS variables

    [Theory]
    [InlineData(400, Throttling, "Throttled")]
    [InlineData(500, ServerError, "AwsInternalError")]
    public void Secrets_Manager_batch_errors_are_one_error_per_name_and_no_single_reads(int status, string body, string errorId)
    {
        using var server = new FakeHttpServer(FakeReply.Json(status, body));
        using var host = new PowerShellHost();
        var names = Enumerable.Range(1, 20).Select(i => $"batch/s{i}").ToArray();

        var result = host.Run($"Get-Secret -Name $names -EndpointUrl {server.Endpoint} -AsPlainText", new() { ["names"] = names });

        Assert.Empty(result.Output);
        Assert.Equal(20, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(errorId, e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Equal(names, result.Errors.Select(e => e.TargetObject as string));
        Assert.Equal(0, server.Requests.Count(r => r.Header("X-Amz-Target") == "secretsmanager.GetSecretValue"));
        Assert.InRange(server.Requests.Count(r => r.Header("X-Amz-Target") == "secretsmanager.BatchGetSecretValue"), 1, 4); // the SDK's retries
    }

    [Fact]
    public void Parameter_Store_throttled_batches_are_not_split_into_single_reads()
    {
        using var server = new FakeHttpServer(FakeReply.Json(400, Throttling));
        using var host = new PowerShellHost();
        var names = Enumerable.Range(1, 10).Select(i => $"/batch/p{i}").ToArray();

        var result = host.Run($"Get-Secret -Name $names -Store ParameterStore -EndpointUrl {server.Endpoint} -AsPlainText", new() { ["names"] = names });

        Assert.Equal(10, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("Throttled", e.FullyQualifiedErrorId.Split(',')[0]));
        // Every request was the one 10-name batch (retried by the SDK), never a single name.
        Assert.All(server.Requests, r => Assert.Contains("/batch/p10", r.BodyText));
    }
}
