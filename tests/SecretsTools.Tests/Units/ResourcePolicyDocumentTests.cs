using System.Collections;
using System.Linq;
using System.Text.Json;
using SecretsTools.Access;
using SecretsTools.Stores;
using Xunit;

namespace SecretsTools.Tests.Units;

/// <summary>
/// The resource policy Set-SecretResourcePolicy builds from -AllowPrincipal / -AllowAccount, and
/// the -Policy shape check, without AWS: the document must be exactly one Allow statement for the
/// principals with the actions of -Access on Resource "*", and bad principals never reach a call.
/// </summary>
public class ResourcePolicyDocumentTests
{
    private static JsonElement Statement(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("2012-10-17", root.GetProperty("Version").GetString());
        Assert.Equal(1, root.GetProperty("Statement").GetArrayLength());
        return root.GetProperty("Statement")[0];
    }

    [Fact]
    public void Read_allows_the_principals_and_account_roots_to_get_and_describe_only()
    {
        var s = Statement(ResourcePolicyDocument.Build(new[] { "arn:aws:iam::123456789012:role/app" }, new[] { "111122223333" }, ResourcePolicyAccess.Read));
        Assert.Equal("Allow", s.GetProperty("Effect").GetString());
        Assert.Equal(new[] { "arn:aws:iam::123456789012:role/app", "arn:aws:iam::111122223333:root" },
            s.GetProperty("Principal").GetProperty("AWS").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new[] { "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret" },
            s.GetProperty("Action").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("*", s.GetProperty("Resource").GetString());
    }

    [Fact]
    public void Write_adds_the_write_actions_and_one_principal_is_a_string()
    {
        var s = Statement(ResourcePolicyDocument.Build(null, new[] { "111122223333", "111122223333" }, ResourcePolicyAccess.Write, "aws-us-gov"));
        Assert.Equal("arn:aws-us-gov:iam::111122223333:root", s.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal(ResourcePolicyDocument.WriteActions, s.GetProperty("Action").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("secretsmanager:PutSecretValue", ResourcePolicyDocument.WriteActions);
        Assert.DoesNotContain("secretsmanager:DeleteSecret", ResourcePolicyDocument.WriteActions);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/alice")]
    [InlineData("arn:aws:iam::123456789012:role/path/to/app")]
    [InlineData("arn:aws:iam::123456789012:root")]
    [InlineData("arn:aws-cn:iam::123456789012:role/app")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/app/session-1")]
    public void Takes_IAM_principal_ARNs(string arn) =>
        Assert.Contains(arn, ResourcePolicyDocument.Build(new[] { arn }, null, ResourcePolicyAccess.Read));

    [Theory]
    [InlineData("alice")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("arn:aws:iam::12345678901:root")]
    [InlineData("arn:aws:iam::123456789012:group/admins")]
    [InlineData("arn:aws:iam::123456789012:role/app\n")]
    [InlineData("*")]
    public void Refuses_what_is_not_a_principal_ARN_naming_it(string arn)
    {
        var ex = Assert.Throws<SecretStoreException>(() => ResourcePolicyDocument.Build(new[] { arn }, null, ResourcePolicyAccess.Read));
        Assert.Equal(ErrorIds.InvalidPrincipalArn, ex.ErrorId);
        Assert.Equal(arn, ex.ToErrorRecord().TargetObject);
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1234567890123")]
    [InlineData("12345678901a")]
    [InlineData("123456789012\n")]
    public void Refuses_what_is_not_an_account_id(string id) =>
        Assert.Equal(ErrorIds.InvalidAccountId, Assert.Throws<SecretStoreException>(() => ResourcePolicyDocument.Build(null, new[] { id }, ResourcePolicyAccess.Read)).ErrorId);

    [Theory]
    [InlineData("{\"Version\":")]
    [InlineData("[]")]
    [InlineData("{\"Version\":\"2012-10-17\"}")]
    [InlineData("\"text\"")]
    public void A_policy_that_is_not_a_document_is_InvalidPolicyJson(string json) =>
        Assert.Equal(ErrorIds.InvalidPolicyJson, Assert.Throws<SecretStoreException>(() => PolicyJson.Normalize(json)).ErrorId);

    [Fact]
    public void A_hashtable_policy_becomes_compact_JSON_and_reads_back_indented()
    {
        var policy = new Hashtable { ["Version"] = "2012-10-17", ["Statement"] = new object[] { new Hashtable { ["Effect"] = "Deny" } } };
        string json = PolicyJson.Normalize(policy);
        Assert.DoesNotContain("\n", json);
        Assert.Equal("Deny", JsonDocument.Parse(json).RootElement.GetProperty("Statement")[0].GetProperty("Effect").GetString());
        Assert.Contains("\n", PolicyJson.Indented(json));
        Assert.Equal("", PolicyJson.Indented(null));
    }
}
