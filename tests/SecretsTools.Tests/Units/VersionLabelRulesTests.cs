using System.Linq;
using SecretsTools.Stores;
using SecretsTools.Validation;
using Xunit;

namespace SecretsTools.Tests.Units;

public class VersionLabelRulesTests
{
    [Theory]
    [InlineData("stable")]
    [InlineData("release-1.2_b")]
    [InlineData("Prod")]
    [InlineData("s")]
    [InlineData("as")] // starts like "aws" but is not it
    public void Parameter_Store_accepts_valid_labels(string label) =>
        VersionLabelRules.ValidateParameterLabels("/p", new[] { label });

    [Fact]
    public void Parameter_Store_accepts_100_characters_and_10_labels()
    {
        VersionLabelRules.ValidateParameterLabels("/p", new[] { new string('l', 100) });
        VersionLabelRules.ValidateParameterLabels("/p", Enumerable.Range(1, 10).Select(i => $"l{i}").ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1st")]
    [InlineData("awsthing")]
    [InlineData("AWS-x")]
    [InlineData("ssm")]
    [InlineData("SsM.label")]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    public void Parameter_Store_rejects_invalid_labels(string label)
    {
        var ex = Assert.Throws<SecretStoreException>(() => VersionLabelRules.ValidateParameterLabels("/p", new[] { label }));
        Assert.Equal(ErrorIds.InvalidVersionLabel, ex.ErrorId);
    }

    [Fact]
    public void Parameter_Store_rejects_101_characters_and_11_labels()
    {
        Assert.Equal(ErrorIds.InvalidVersionLabel,
            Assert.Throws<SecretStoreException>(() => VersionLabelRules.ValidateParameterLabels("/p", new[] { new string('l', 101) })).ErrorId);
        Assert.Equal(ErrorIds.VersionLabelLimitExceeded,
            Assert.Throws<SecretStoreException>(() => VersionLabelRules.ValidateParameterLabels("/p", Enumerable.Range(1, 11).Select(i => $"l{i}").ToArray())).ErrorId);
    }

    [Fact]
    public void Secrets_Manager_takes_1_to_256_characters()
    {
        VersionLabelRules.ValidateStages("s", new[] { "AWSPENDING", new string('x', 256), "1 any: chars/" });
        Assert.Equal(ErrorIds.InvalidVersionLabel,
            Assert.Throws<SecretStoreException>(() => VersionLabelRules.ValidateStages("s", new[] { new string('x', 257) })).ErrorId);
        Assert.Equal(ErrorIds.InvalidVersionLabel,
            Assert.Throws<SecretStoreException>(() => VersionLabelRules.ValidateStages("s", new[] { "" })).ErrorId);
    }
}
