using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Amazon.Runtime;
using SecretsTools.SecretsManager;
using SecretsTools.SecretsManager.Model;
using Xunit;

namespace SecretsTools.Tests.SecretsManagerClient;

/// <summary>Error documents in every shape an endpoint may send, and how the SDK's retry policy treats them.</summary>
public class ErrorResponseTests
{
    private static SecretsTools.SecretsManager.SecretsManagerClient Client(FakeHttpServer server, int maxErrorRetry = 0) =>
        TestClients.ForEndpoint(server.Endpoint, configure: c => { c.MaxErrorRetry = maxErrorRetry; c.MaxStaleConnectionRetries = 0; });

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers)
    {
        var result = new Dictionary<string, string>();
        foreach (var (name, value) in headers) result[name] = value;
        return result;
    }

    [Theory]
    [InlineData("com.amazonaws.secretsmanager#ResourceNotFoundException")]
    [InlineData("ResourceNotFoundException:http://internal.amazon.com/coral/com.amazon.coral.service/")]
    [InlineData("aws.protocoltests#ResourceNotFoundException:http://internal.amazon.com/x#y")]
    [InlineData("ResourceNotFoundException")]
    public async Task Json_type_is_normalised_to_the_short_code(string type)
    {
        using var server = new FakeHttpServer(FakeReply.Json(400,
            $"{{\"__type\":\"{type}\",\"Message\":\"Secrets Manager can't find the specified secret.\"}}",
            Headers(("x-amzn-RequestId", "req-123"))));
        using var client = Client(server);

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "x" }));

        Assert.Equal("ResourceNotFoundException", ex.ErrorCode);
        Assert.Equal("Secrets Manager can't find the specified secret.", ex.Message);
        Assert.Equal("req-123", ex.RequestId);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(ErrorType.Sender, ex.ErrorType);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Code_from_the_header_when_the_body_has_none()
    {
        using var server = new FakeHttpServer(FakeReply.Json(400, "",
            Headers(("x-amzn-ErrorType", "InvalidParameterException:http://internal.amazon.com/"), ("x-amzn-RequestId", "req-h"))));
        using var client = Client(server);

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "x" }));

        Assert.Equal("InvalidParameterException", ex.ErrorCode);
        Assert.Equal("Secrets Manager returned InvalidParameterException (HTTP 400 BadRequest).", ex.Message);
        Assert.Equal("req-h", ex.RequestId);
    }

    [Fact]
    public async Task Code_message_and_request_id_from_an_xml_body()
    {
        const string xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <ErrorResponse><Errors><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code>
            <Message>The request signature we calculated does not match.</Message></Error></Errors>
            <RequestId>xml-req-1</RequestId></ErrorResponse>
            """;
        using var server = new FakeHttpServer(FakeReply.Xml(403, xml));
        using var client = Client(server, maxErrorRetry: 2);

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.ListSecretsAsync(new ListSecretsRequest()));

        Assert.Equal("SignatureDoesNotMatch", ex.ErrorCode);
        Assert.Equal("The request signature we calculated does not match.", ex.Message);
        Assert.Equal("xml-req-1", ex.RequestId);
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Equal(1, server.RequestCount); // an authentication failure is not retried
    }

    [Fact]
    public async Task Html_500_is_retried_a_bounded_number_of_times_and_reported_without_html()
    {
        const string html = "<!doctype html><html><head><title>500 Internal Server Error</title></head><body><h1>Oops</h1></body></html>";
        using var server = new FakeHttpServer(FakeReply.Html(500, html));
        using var client = Client(server, maxErrorRetry: 2);

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "x" }));

        Assert.Equal(3, server.RequestCount);
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal("InternalServerError", ex.ErrorCode);
        Assert.Equal(ErrorType.Receiver, ex.ErrorType);
        Assert.Equal($"HTTP 500 InternalServerError from {server.Endpoint}/; the response was not a Secrets Manager error (content type text/html).", ex.Message);
        Assert.DoesNotContain("<", ex.Message);
        Assert.DoesNotContain("Oops", ex.ToString());
    }

    [Fact]
    public async Task Throttling_is_retried_and_the_retry_can_succeed()
    {
        int calls = 0;
        using var server = new FakeHttpServer(_ => ++calls == 1
            ? FakeReply.Json(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")
            : FakeReply.Json(200, "{\"Name\":\"x\",\"SecretString\":\"ok\"}"));
        using var client = Client(server, maxErrorRetry: 2);

        var response = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "x" });

        Assert.Equal("ok", response.SecretString);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Service_unavailable_is_retried_until_the_limit()
    {
        using var server = new FakeHttpServer(FakeReply.Json(503, "{\"__type\":\"ServiceUnavailableException\"}"));
        using var client = Client(server, maxErrorRetry: 1);

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.ListSecretsAsync(new ListSecretsRequest()));

        Assert.Equal("ServiceUnavailableException", ex.ErrorCode);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        using var server = new FakeHttpServer(FakeReply.Json(400, "{\"__type\":\"InvalidRequestException\",\"message\":\"marked for deletion\"}"));
        using var client = Client(server, maxErrorRetry: 3);

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = "x" }));

        Assert.Equal("InvalidRequestException", ex.ErrorCode);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Unparsable_json_error_body_falls_back_to_status()
    {
        using var server = new FakeHttpServer(FakeReply.Json(404, "{not json"));
        using var client = Client(server);

        var ex = await Assert.ThrowsAsync<SecretsManagerException>(() => client.DescribeSecretAsync(new DescribeSecretRequest { SecretId = "x" }));

        Assert.Equal("NotFound", ex.ErrorCode);
        Assert.StartsWith("HTTP 404 NotFound from http://127.0.0.1:", ex.Message);
        Assert.DoesNotContain("not json", ex.Message);
    }
}
