using System.Diagnostics;
using System.Linq;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.SecretsManagerClient;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// Calls that fail for reasons other than the secret: a listing that is denied, and the
/// other-store lookup behind a "not found" hint that is denied or never answered. A local server
/// plays both services, through the real SDK and HTTP stack.
/// </summary>
[Collection(SerialCollection.Name)]
public class FailingLookupTests
{
    private const string Denied = "{\"__type\":\"AccessDeniedException\",\"message\":\"not allowed\"}";
    private const string NotFound = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Secrets Manager can't find the specified secret.\"}";

    public FailingLookupTests() => _ = MotoServer.Instance; // standard AWS variables

    [Theory]
    [InlineData("Get-Secret -Path /denied -Recurse", true)]
    [InlineData("Get-Secret -Prefix denied/", true)]
    [InlineData("Get-Secret ssm:/denied/*, sm:denied/*", false)]
    public void A_denied_listing_is_an_AccessDenied_error_not_a_crash(string command, bool terminating)
    {
        using var server = new FakeHttpServer(FakeReply.Json(400, Denied));
        using var host = new PowerShellHost();

        var result = host.Run($"{command} -EndpointUrl {server.Endpoint}");

        // One root is one (statement-terminating) error; each wildcard name gets its own and the next is still tried.
        Assert.Equal(terminating ? 1 : 2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("AccessDenied", e.FullyQualifiedErrorId.Split(',')[0]));
    }

    [Fact]
    public void A_hint_lookup_that_is_denied_keeps_the_plain_not_found_error()
    {
        using var server = new FakeHttpServer(r => r.Header("X-Amz-Target")!.StartsWith("AmazonSSM.")
            ? FakeReply.Json(400, Denied)
            : FakeReply.Json(400, NotFound));
        using var host = new PowerShellHost();

        var result = host.Run($"Get-Secret /app/db, /app/other -EndpointUrl {server.Endpoint}");

        Assert.Null(result.Terminating);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("SecretNotFound", e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Equal("Secret '/app/db' was not found in Secrets Manager.", result.Errors[0].Exception.Message);
    }

    [Fact]
    public void A_hint_lookup_that_never_answers_is_given_up_within_seconds()
    {
        using var hanging = new HangingServer();
        using var secretsManager = new FakeHttpServer(FakeReply.Json(400, NotFound));
        using var host = new PowerShellHost();
        // Secrets Manager answers "not found"; Parameter Store, where the hint would look, never answers.
        System.Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SSM", hanging.Endpoint);
        System.Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.Endpoint);
        try
        {
            var watch = Stopwatch.StartNew();
            var result = host.Run("Get-Secret /app/db");

            Assert.Null(result.Terminating);
            var error = Assert.Single(result.Errors);
            Assert.Equal("SecretNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.True(watch.Elapsed.TotalSeconds < 15, $"took {watch.Elapsed}");
        }
        finally
        {
            System.Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SSM", null);
            System.Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SECRETS_MANAGER", null);
        }
    }
}
