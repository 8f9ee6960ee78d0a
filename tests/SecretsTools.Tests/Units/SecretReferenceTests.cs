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

    [Theory]
    [InlineData("ssm:/app/db:3", "/app/db", "3", null)]
    [InlineData("ssm:/app/db:stable", "/app/db", null, "stable")]
    [InlineData("ssm:flat:2#user", "flat", "2", null)]
    [InlineData("arn:aws:ssm:us-east-1:123456789012:parameter/app/db:7", "/app/db", "7", null)]
    public void Parameter_Store_names_carry_version_and_label_selectors(string raw, string name, string? version, string? label)
    {
        var reference = SecretReference.Parse(raw, null, SecretStoreKind.SecretsManager);
        Assert.Equal(SecretStoreKind.ParameterStore, reference.Store);
        Assert.Equal(name, reference.Name);
        Assert.Equal(version, reference.Version);
        Assert.Equal(label, reference.Label);
        if (reference.ParameterArn is not null) Assert.EndsWith("parameter/app/db", reference.ParameterArn);
    }

    [Theory]
    [InlineData("ssm:/app/db:")]
    [InlineData("ssm::3")]
    public void A_selector_needs_a_name_and_a_value(string raw)
    {
        var error = Assert.Throws<SecretStoreException>(() => SecretReference.Parse(raw, null, SecretStoreKind.SecretsManager));
        Assert.Equal(ErrorIds.InvalidSecretReference, error.ErrorId);
    }

    [Fact]
    public void Secrets_Manager_ARNs_keep_their_colons()
    {
        var reference = SecretReference.Parse("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", null, SecretStoreKind.SecretsManager);
        Assert.False(reference.HasSelector);
    }

    [Fact]
    public void Every_per_item_error_names_its_secret()
    {
        var unnamed = new SecretStoreException(ErrorIds.SecretValueTooLarge, System.Management.Automation.ErrorCategory.InvalidData, "/app/big", "The value is 5000 bytes.");
        Assert.Equal("Secret '/app/big': The value is 5000 bytes.", unnamed.Message);
        var named = new SecretStoreException(ErrorIds.SecretNotFound, System.Management.Automation.ErrorCategory.ObjectNotFound, "/app/x", "Secret '/app/x' was not found.");
        Assert.Equal("Secret '/app/x' was not found.", named.Message);
    }

    [Theory]
    [InlineData("dbpass:1", "dbpass", "1", null)]
    [InlineData("/app/db:stable", "/app/db", null, "stable")]
    [InlineData("app:7", "app", "7", null)]
    public void Selectors_work_without_a_prefix_when_the_store_is_Parameter_Store(string raw, string name, string? version, string? label)
    {
        foreach (var reference in new[]
        {
            SecretReference.Parse(raw, SecretStoreKind.ParameterStore, SecretStoreKind.SecretsManager),
            SecretReference.Parse(raw, null, SecretStoreKind.ParameterStore),
        })
        {
            Assert.Equal(SecretStoreKind.ParameterStore, reference.Store);
            Assert.Equal(name, reference.Name);
            Assert.Equal(version, reference.Version);
            Assert.Equal(label, reference.Label);
        }
    }

    [Fact]
    public void An_unknown_prefix_for_Secrets_Manager_is_still_an_unknown_prefix()
    {
        var error = Assert.Throws<SecretStoreException>(() => SecretReference.Parse("vault:x", null, SecretStoreKind.SecretsManager));
        Assert.Equal(ErrorIds.UnknownStorePrefix, error.ErrorId);
    }

    [Theory]
    [InlineData("/app/db/password:3")]
    [InlineData("sm:prod/db:AWSPREVIOUS")]
    public void A_selector_on_a_Secrets_Manager_name_points_to_ssm(string raw)
    {
        var error = Assert.Throws<SecretStoreException>(() => SecretReference.Parse(raw, null, SecretStoreKind.SecretsManager));
        Assert.Equal(ErrorIds.InvalidSecretReference, error.ErrorId);
        Assert.Contains("write ssm:", error.Message);
    }
}
