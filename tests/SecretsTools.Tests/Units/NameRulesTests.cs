using SecretsTools.Stores;
using SecretsTools.Validation;
using Xunit;

namespace SecretsTools.Tests.Units;

public class NameRulesTests
{
    [Theory]
    [InlineData("/app/db")]
    [InlineData("flat_name.v-1")]
    [InlineData("/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o")] // 15 levels
    public void Parameter_Store_accepts_valid_names(string name) => ParameterNameRules.Validate(name);

    [Theory]
    [InlineData("/app/my db")]
    [InlineData("aws-thing")]
    [InlineData("/SSM/thing")]
    [InlineData("/Aws/thing")]
    [InlineData("/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p")] // 16 levels
    [InlineData("app/db")]
    [InlineData("/app/db/")]
    [InlineData("/app/d#b")]
    [InlineData("")]
    public void Parameter_Store_rejects_invalid_names(string name)
    {
        var ex = Assert.Throws<SecretStoreException>(() => ParameterNameRules.Validate(name));
        Assert.Equal(ErrorIds.InvalidSecretName, ex.ErrorId);
    }

    [Fact]
    public void Parameter_Store_rejects_names_over_1011_characters() =>
        Assert.Throws<SecretStoreException>(() => ParameterNameRules.Validate("/" + new string('a', 1011)));

    [Theory]
    [InlineData("prod/db")]
    [InlineData("a+b=c.d@e-f_g")]
    public void Secrets_Manager_accepts_valid_names(string name) => SecretsManagerNameRules.Validate(name);

    [Theory]
    [InlineData("has space")]
    [InlineData("colon:name")]
    [InlineData("ünicode")]
    [InlineData("")]
    public void Secrets_Manager_rejects_invalid_names(string name)
    {
        var ex = Assert.Throws<SecretStoreException>(() => SecretsManagerNameRules.Validate(name));
        Assert.Equal(ErrorIds.InvalidSecretName, ex.ErrorId);
    }

    [Fact]
    public void Secrets_Manager_limits_names_to_512_characters()
    {
        SecretsManagerNameRules.Validate(new string('a', 512));
        Assert.Throws<SecretStoreException>(() => SecretsManagerNameRules.Validate(new string('a', 513)));
    }

    [Theory]
    [InlineData("db-AbC123", true)]
    [InlineData("db-abc12", false)]
    [InlineData("my-secret", true)] // "secret" is six letters: it does look like a suffix
    [InlineData("db", false)]
    public void Detects_names_that_look_like_ARN_suffixes(string name, bool expected) =>
        Assert.Equal(expected, SecretsManagerNameRules.HasArnLikeSuffix(name));

    [Theory]
    [InlineData("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64")]
    [InlineData("/aws/reference/secretsmanager/prod/db")]
    [InlineData("/ssm/thing")]
    public void Reserved_prefixes_may_be_read_but_not_written(string name)
    {
        ParameterNameRules.Validate(name, forWrite: false);
        Assert.Throws<SecretStoreException>(() => ParameterNameRules.Validate(name, forWrite: true));
    }
}
