using SecretsTools.Model;
using SecretsTools.Stores;
using Xunit;

namespace SecretsTools.Tests.Units;

public class SecretReferenceTests
{
    [Theory]
    [InlineData("plain", SecretStoreKind.SecretsManager, "plain", null)]
    [InlineData("ssm:/app/db", SecretStoreKind.ParameterStore, "/app/db", null)]
    [InlineData("SSM:/app/db", SecretStoreKind.ParameterStore, "/app/db", null)]
    [InlineData("sm:prod/db#password", SecretStoreKind.SecretsManager, "prod/db", "password")]
    [InlineData("/app/db#user", SecretStoreKind.SecretsManager, "/app/db", "user")]
    [InlineData("arn:aws:ssm:us-east-1:123456789012:parameter/app/db", SecretStoreKind.ParameterStore, "/app/db", null)]
    [InlineData("arn:aws:ssm:us-east-1:123456789012:parameter/flat", SecretStoreKind.ParameterStore, "flat", null)]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf#k", SecretStoreKind.SecretsManager, "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", "k")]
    public void Parses_store_name_and_field(string raw, SecretStoreKind store, string name, string? key)
    {
        var reference = SecretReference.Parse(raw, null, SecretStoreKind.SecretsManager);
        Assert.Equal(store, reference.Store);
        Assert.Equal(name, reference.Name);
        Assert.Equal(key, reference.Key);
    }

    [Fact]
    public void Plain_names_follow_explicit_store_then_default()
    {
        Assert.Equal(SecretStoreKind.ParameterStore, SecretReference.Parse("x", SecretStoreKind.ParameterStore, SecretStoreKind.SecretsManager).Store);
        Assert.Equal(SecretStoreKind.ParameterStore, SecretReference.Parse("x", null, SecretStoreKind.ParameterStore).Store);
    }

    [Theory]
    [InlineData("vault:/x", ErrorIds.UnknownStorePrefix)]
    [InlineData("x#", ErrorIds.InvalidSecretReference)]
    [InlineData("ssm:", ErrorIds.InvalidSecretReference)]
    [InlineData("arn:aws:s3:::bucket", ErrorIds.InvalidSecretReference)]
    [InlineData("   ", ErrorIds.InvalidSecretReference)]
    public void Rejects_bad_references_with_specific_error_ids(string raw, string errorId)
    {
        var ex = Assert.Throws<SecretStoreException>(() => SecretReference.Parse(raw, null, SecretStoreKind.SecretsManager));
        Assert.Equal(errorId, ex.ErrorId);
    }

    [Fact]
    public void A_prefix_that_contradicts_Store_is_an_error()
    {
        var ex = Assert.Throws<SecretStoreException>(() => SecretReference.Parse("ssm:/x", SecretStoreKind.SecretsManager, SecretStoreKind.SecretsManager));
        Assert.Equal(ErrorIds.InvalidParameterCombination, ex.ErrorId);
    }

    [Fact]
    public void An_ARN_carries_its_region_and_a_plain_name_none()
    {
        Assert.Equal("eu-west-3", SecretReference.Parse("arn:aws:ssm:eu-west-3:999999999999:parameter/app/key", null, SecretStoreKind.SecretsManager).Region);
        Assert.Equal("ap-south-1", SecretReference.Parse("arn:aws:secretsmanager:ap-south-1:1:secret:x-AbCdEf", null, SecretStoreKind.SecretsManager).Region);
        Assert.Null(SecretReference.Parse("ssm:/app/key", null, SecretStoreKind.SecretsManager).Region);
    }

    [Fact]
    public void The_default_store_is_consulted_only_for_plain_names()
    {
        SecretStoreKind Fail() => throw new System.InvalidOperationException("default store asked for");
        Assert.Equal(SecretStoreKind.ParameterStore, SecretReference.Parse("ssm:/a", null, Fail).Store);
        Assert.Throws<System.InvalidOperationException>(() => SecretReference.Parse("a", null, Fail));
    }
}
