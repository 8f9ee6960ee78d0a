using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.SecretsManagerClient;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// A policy New-SecretAccessPolicy writes, enforced by a private moto in IAM mode
/// (INITIAL_NO_AUTH_ACTION_COUNT: only the two users' setup runs unchecked). moto judges
/// policies as if every resource were "*" and ignores conditions, so the generated policy's
/// resources are widened to "*" here: what moto proves is the actions (enough to read, nothing to
/// write). The resource scoping is proved by the IAM evaluator (tests/pester/New-SecretAccessPolicy.Tests.ps1).
/// </summary>
public sealed class GeneratedPolicyMotoTests : IAsyncLifetime
{
    private const string Admin = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:*","secretsmanager:*"],"Resource":"*"}]}""";

    private readonly PowerShellHost _host = new();
    private MotoServer.PrivateMotoServer? _server;
    private PSCredential _admin = null!;
    private PSCredential _reader = null!;
    private string _readPolicy = null!;

    public async Task InitializeAsync()
    {
        _ = MotoServer.Instance; // the shared environment (region, no real credentials)
        _server = MotoServer.StartPrivate(initialNoAuthActionCount: 2 * MotoIamBootstrap.CallsPerUser);
        var generated = _host.Run("New-SecretAccessPolicy -Name 'sm:gen/*', 'ssm:/gen/' -Access Read -Region us-east-1 -AccountId 123456789012");
        Assert.Empty(generated.Errors);
        _readPolicy = (string)generated.Output.Single()!;
        var iam = new MotoIamBootstrap(_server.Endpoint);
        _admin = Credential(await iam.CreateUserWithKeyAsync("st-gen-admin", Admin));
        _reader = Credential(await iam.CreateUserWithKeyAsync("st-gen-reader", WidenedToAnyResource(_readPolicy)));
    }

    /// <summary>moto evaluates every statement as if its Resource were "*": say so in the policy itself.</summary>
    private static string WidenedToAnyResource(string policy)
    {
        var document = JsonNode.Parse(policy)!;
        foreach (var statement in document["Statement"]!.AsArray())
        {
            statement!["Resource"] = "*";
            statement.AsObject().Remove("Condition");
        }
        return document.ToJsonString();
    }

    private RunResult Run(string script, PSCredential user) =>
        _host.Run(script.Replace("@as", $"-Credential $user -EndpointUrl '{_server!.Endpoint}' -Region us-east-1"), new Dictionary<string, object?> { ["user"] = user });

    [Fact]
    public void The_generated_Read_policy_reads_and_may_not_write()
    {
        string sm = "gen/" + MotoServer.UniqueName("db");
        string ps = "/gen/" + MotoServer.UniqueName("p");
        Assert.Empty(Run($"Set-Secret sm:{sm} -Secret 'v1' -Tag @{{ team = 'a' }} @as -Confirm:$false; Set-Secret ssm:{ps} -Secret 'p1' @as -Confirm:$false", _admin).Errors);

        var read = Run($"Get-Secret sm:{sm}, ssm:{ps} -AsPlainText @as", _reader);
        Assert.Empty(read.Errors);
        Assert.Equal(new object?[] { "v1", "p1" }, read.Output);

        var info = Run($"Get-SecretInfo sm:{sm}, ssm:{ps} @as | ForEach-Object Name", _reader);
        Assert.Empty(info.Errors);
        Assert.Equal(new object?[] { sm, ps }, info.Output);

        var write = Run($"Set-Secret sm:{sm} -Secret 'v2' @as -Confirm:$false; Set-Secret ssm:{ps} -Secret 'p2' @as -Confirm:$false", _reader);
        Assert.Equal(new[] { "AccessDenied", "AccessDenied" }, write.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        // A clear message: which secret, and which call the policy does not allow.
        Assert.All(write.Errors, e => Assert.Contains("was denied", e.Exception.Message, System.StringComparison.Ordinal));
        Assert.Contains("ssm:PutParameter", write.Errors[1].Exception.Message, System.StringComparison.Ordinal);
        Assert.Equal(new object?[] { "v1", "p1" }, Run($"Get-Secret sm:{sm}, ssm:{ps} -AsPlainText @as", _admin).Output);
    }

    private static PSCredential Credential((string AccessKeyId, string SecretAccessKey) key)
    {
        var secret = new SecureString();
        foreach (char c in key.SecretAccessKey) secret.AppendChar(c);
        return new PSCredential(key.AccessKeyId, secret);
    }

    public Task DisposeAsync()
    {
        _server?.Dispose();
        _host.Dispose();
        return Task.CompletedTask;
    }
}
