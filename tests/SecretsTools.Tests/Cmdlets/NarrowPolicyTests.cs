using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using SecretsTools.Tests.Infrastructure;
using SecretsTools.Tests.SecretsManagerClient;
using Xunit;

namespace SecretsTools.Tests.Cmdlets;

/// <summary>
/// A private moto in IAM mode (INITIAL_NO_AUTH_ACTION_COUNT: only the user setup runs unchecked).
/// moto judges policies as if every resource were "*", so the users differ by actions only.
/// </summary>
public sealed class IamMotoFixture : IAsyncLifetime
{
    private const string Admin = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:*","secretsmanager:*"],"Resource":"*"}]}""";

    // Writes values, but may not tag or change metadata.
    private const string ValueWriter = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:PutParameter","ssm:GetParameter","ssm:GetParameters","ssm:DescribeParameters","ssm:ListTagsForResource","secretsmanager:CreateSecret","secretsmanager:PutSecretValue","secretsmanager:DescribeSecret","secretsmanager:GetSecretValue","secretsmanager:BatchGetSecretValue"],"Resource":"*"}]}""";

    // Changes descriptions, but may not tag.
    private const string Describer = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:PutParameter","ssm:GetParameter","ssm:GetParameters","ssm:DescribeParameters","ssm:ListTagsForResource","secretsmanager:UpdateSecret","secretsmanager:DescribeSecret","secretsmanager:GetSecretValue"],"Resource":"*"}]}""";

    private const string GetParameterOnly = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:GetParameter","Resource":"*"}]}""";

    private const string NoReads = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:DescribeParameters","Resource":"*"}]}""";

    private MotoServer.PrivateMotoServer? _server;

    public string Endpoint => _server!.Endpoint;
    public PSCredential AdminUser { get; private set; } = null!;
    public PSCredential ValueWriterUser { get; private set; } = null!;
    public PSCredential GetParameterOnlyUser { get; private set; } = null!;
    public PSCredential DescriberUser { get; private set; } = null!;
    public PSCredential NoReadsUser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = MotoServer.Instance; // the shared environment (region, no real credentials)
        _server = MotoServer.StartPrivate(initialNoAuthActionCount: 5 * MotoIamBootstrap.CallsPerUser);
        var iam = new MotoIamBootstrap(_server.Endpoint);
        AdminUser = Credential(await iam.CreateUserWithKeyAsync("st-admin", Admin));
        ValueWriterUser = Credential(await iam.CreateUserWithKeyAsync("st-value-writer", ValueWriter));
        GetParameterOnlyUser = Credential(await iam.CreateUserWithKeyAsync("st-get-parameter", GetParameterOnly));
        NoReadsUser = Credential(await iam.CreateUserWithKeyAsync("st-no-reads", NoReads));
        DescriberUser = Credential(await iam.CreateUserWithKeyAsync("st-describer", Describer));
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
        return Task.CompletedTask;
    }
}

/// <summary>Item 8: a user allowed ssm:GetParameter only can read; a user allowed no read gets one AccessDenied per name.</summary>
public class NarrowPolicyTests(IamMotoFixture moto) : IClassFixture<IamMotoFixture>
{
    private readonly PowerShellHost _host = new();

    private RunResult Run(string script, PSCredential user) =>
        _host.Run(script.Replace("@as", $"-Credential $user -EndpointUrl '{moto.Endpoint}'"), new Dictionary<string, object?> { ["user"] = user });

    [Fact]
    public void GetParameter_alone_is_enough_to_read()
    {
        string stem = "/" + MotoServer.UniqueName("narrow");
        Assert.Empty(Run($"Set-Secret ssm:{stem}/a -Secret 'va1' @as -Confirm:$false; Set-Secret ssm:{stem}/a -Secret 'va2' @as -Confirm:$false; Set-Secret ssm:{stem}/b -Secret 'vb' @as -Confirm:$false", moto.AdminUser).Errors);

        var run = Run($"Get-Secret ssm:{stem}/a, ssm:{stem}/b, ssm:{stem}/a:1, ssm:{stem}/missing -AsPlainText @as", moto.GetParameterOnlyUser);

        Assert.Equal(new object?[] { "va2", "vb", "va1" }, run.Output);
        Assert.Equal("SecretNotFound", run.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void A_user_allowed_no_read_gets_one_AccessDenied_per_name()
    {
        string stem = "/" + MotoServer.UniqueName("noread");
        Assert.Empty(Run($"Set-Secret ssm:{stem}/a -Secret 'x' @as -Confirm:$false; Set-Secret ssm:{stem}/b -Secret 'y' @as -Confirm:$false", moto.AdminUser).Errors);

        var run = Run($"Get-Secret ssm:{stem}/a, ssm:{stem}/b -AsPlainText @as", moto.NoReadsUser);

        Assert.Empty(run.Output);
        Assert.Equal(new[] { "AccessDenied", "AccessDenied" }, run.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Equal(new object[] { $"{stem}/a", $"{stem}/b" }, run.Errors.Select(e => e.TargetObject));
    }
}

/// <summary>Item 7: a value written without the right to tag or describe says so (PartialWrite); a create is one call.</summary>
public class PartialWriteTests(IamMotoFixture moto) : IClassFixture<IamMotoFixture>
{
    private readonly PowerShellHost _host = new();

    private RunResult Run(string script, PSCredential user) =>
        _host.Run(script.Replace("@as", $"-Credential $user -EndpointUrl '{moto.Endpoint}'"), new Dictionary<string, object?> { ["user"] = user });

    private string Read(string reference) => (string)Run($"Get-Secret {reference} -AsPlainText @as", moto.AdminUser).Output.Single()!;

    [Theory]
    [InlineData("ssm:/{0}/p", "-Tag @{ team = 'a' }", "2", "the tag team")]
    [InlineData("sm:{0}", "-Tag @{ team = 'a'; env = 'b' }", null, "the tags env, team")]
    [InlineData("sm:{0}", "-Description 'new words'", null, "the description")]
    [InlineData("sm:{0}", "-Description 'new words' -Tag @{ team = 'a' }", null, "the description and the tag team")]
    public void A_value_written_without_the_right_to_tag_is_a_PartialWrite(string referenceFormat, string extra, string? version, string notWritten)
    {
        string reference = string.Format(referenceFormat, MotoServer.UniqueName("partial"));
        Assert.Empty(Run($"Set-Secret {reference} -Secret 'old' @as -Confirm:$false", moto.AdminUser).Errors);

        var run = Run($"Set-Secret {reference} -Secret 'new' {extra} @as -Confirm:$false", moto.ValueWriterUser);

        var error = run.Errors.Single();
        Assert.Equal("PartialWrite", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("the value (version " + (version ?? ""), error.Exception.Message);
        Assert.Contains($"but {notWritten} ", error.Exception.Message);
        Assert.DoesNotContain("new'", error.Exception.Message);
        Assert.Equal("new", Read(reference)); // the value was written, as the error says
    }

    [Theory]
    [InlineData("ssm:/{0}/p")]
    [InlineData("sm:{0}")]
    public void A_create_with_tags_and_description_is_one_call(string referenceFormat)
    {
        string reference = string.Format(referenceFormat, MotoServer.UniqueName("partialc"));

        var run = Run($"Set-Secret {reference} -Secret 'v' -Description 'd' -Tag @{{ team = 'a' }} @as -Confirm:$false", moto.ValueWriterUser);

        Assert.Empty(run.Errors);
        var info = (SecretsTools.Model.SecretInfo)Run($"Get-SecretInfo {reference} @as", moto.AdminUser).Output.Single()!;
        Assert.Equal("d", info.Description);
        Assert.Equal("a", info.Tags!["team"]);
    }

    [Theory]
    [InlineData("ssm:/{0}/p")]
    [InlineData("sm:{0}")]
    public void Set_SecretInfo_says_what_it_changed_before_a_denied_call(string referenceFormat)
    {
        string reference = string.Format(referenceFormat, MotoServer.UniqueName("partiali"));
        Assert.Empty(Run($"Set-Secret {reference} -Secret 'v' -Description 'old' @as -Confirm:$false", moto.AdminUser).Errors);

        var partly = Run($"Set-SecretInfo {reference} -Description 'new' -Tag @{{ team = 'a' }} @as -Confirm:$false", moto.DescriberUser);
        var none = Run($"Set-SecretInfo {reference} -Tag @{{ team = 'a' }} @as -Confirm:$false", moto.DescriberUser);

        var error = partly.Errors.Single();
        Assert.Equal("PartialWrite", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("the description was written, but the tag team was not", error.Exception.Message);
        // The first call denied: nothing was written, and that is a plain AccessDenied.
        Assert.Equal("AccessDenied", none.Errors.Single().FullyQualifiedErrorId.Split(',')[0]);
        var info = (SecretsTools.Model.SecretInfo)Run($"Get-SecretInfo {reference} @as", moto.AdminUser).Output.Single()!;
        Assert.Equal("new", info.Description);
        Assert.False(info.Tags!.ContainsKey("team"));
    }
}
