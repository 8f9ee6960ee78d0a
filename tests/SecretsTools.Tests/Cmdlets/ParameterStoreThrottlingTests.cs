using System.Linq;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.SecretsManagerClient;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// Parameter Store's TooManyUpdates (writes above ~3 a second), which moto never sends: a local
/// server answers PutParameter with it a few times, through the real SDK and HTTP stack.
/// </summary>
public class ParameterStoreThrottlingTests
{
    private const string TooManyUpdates = "{\"__type\":\"TooManyUpdates\",\"message\":\"Rate exceeded\"}";

    [Fact]
    public void Set_Secret_backs_off_and_retries_TooManyUpdates()
    {
        _ = MotoServer.Instance; // standard AWS variables
        int puts = 0;
        using var server = new FakeHttpServer(request =>
            request.Header("X-Amz-Target") == "AmazonSSM.PutParameter" && ++puts <= 2
                ? FakeReply.Json(400, TooManyUpdates)
                : FakeReply.Json(200, "{\"Version\":1,\"Tier\":\"Standard\"}"));
        using var host = new PowerShellHost();

        var result = host.Run($"Set-Secret ssm:/throttled/p -Secret v -EndpointUrl {server.Endpoint} -PassThru:$false -Confirm:$false");

        Assert.Empty(result.Errors);
        Assert.Equal(3, server.Requests.Count(r => r.Header("X-Amz-Target") == "AmazonSSM.PutParameter"));
    }

    [Fact]
    public void Set_Secret_gives_up_after_bounded_attempts_with_a_Throttled_error()
    {
        _ = MotoServer.Instance;
        using var server = new FakeHttpServer(FakeReply.Json(400, TooManyUpdates));
        using var host = new PowerShellHost();

        var result = host.Run($"Set-Secret ssm:/throttled/q -Secret v -EndpointUrl {server.Endpoint} -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal("Throttled", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("/throttled/q", error.TargetObject);
        Assert.Equal(6, server.Requests.Count); // ParameterStoreLimits.WriteAttempts
    }
}
