using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;
using SecretsTools.Validation;
using SecretsTools.Values;
using Xunit;

namespace SecretsTools.Tests.Units;

/// <summary>The checks of issue 12 at unit level: names, values, tags, KMS keys and Regions.</summary>
public class InputRulesTests
{
    [Theory]
    [InlineData("/app/db\n")] // a regex '$' matches before a final newline: the rules must not
    [InlineData("/app/d\tb")]
    [InlineData("/app/db\r")]
    public void Parameter_Store_refuses_control_characters(string name) =>
        Assert.Equal(ErrorIds.InvalidSecretName, Assert.Throws<SecretStoreException>(() => ParameterNameRules.Validate(name)).ErrorId);

    [Theory]
    [InlineData("prod/db\n")]
    [InlineData("pr\0od")]
    public void Secrets_Manager_refuses_control_characters(string name) =>
        Assert.Equal(ErrorIds.InvalidSecretName, Assert.Throws<SecretStoreException>(() => SecretsManagerNameRules.Validate(name)).ErrorId);

    [Fact]
    public void A_prefixed_name_is_never_trimmed_and_the_error_names_Parameter_Stores_rules()
    {
        var ex = Assert.Throws<SecretStoreException>(() => SecretReference.Parse("ssm:/x/y\n", null, SecretStoreKind.SecretsManager));
        Assert.Equal(ErrorIds.InvalidSecretName, ex.ErrorId);
        Assert.Equal("ssm:/x/y\n", ex.SecretName);
        Assert.Contains("Parameter Store names", ex.Message);
        Assert.DoesNotContain("Secrets Manager", ex.Message);
        Assert.DoesNotContain("\n", ex.Message); // shown as \u000A, not obeyed
    }

    [Fact]
    public void Cycles_and_depth_are_errors_not_stack_overflows()
    {
        var cyclic = new Hashtable { ["a"] = 1 };
        cyclic["self"] = cyclic;
        Assert.Equal(ErrorIds.SecretValueCyclic, Assert.Throws<SecretStoreException>(() => SecretInputConverter.Convert(cyclic, "n")).ErrorId);

        var deep = new Hashtable { ["v"] = 1 };
        for (int i = 0; i < 10_000; i++) deep = new Hashtable { ["d"] = deep };
        Assert.Equal(ErrorIds.SecretValueTooDeep, Assert.Throws<SecretStoreException>(() => SecretInputConverter.Convert(deep, "n")).ErrorId);
    }

    [Fact]
    public void The_same_object_twice_side_by_side_is_no_cycle()
    {
        var shared = new Hashtable { ["k"] = "v" };
        var value = SecretInputConverter.Convert(new Hashtable { ["a"] = shared, ["b"] = shared }, "n");
        Assert.Contains("\"k\":\"v\"", value.Text);
    }

    [Fact]
    public void Exactly_64_levels_are_stored()
    {
        var nested = new Hashtable { ["v"] = 1 };
        for (int i = 1; i < JsonValues.MaxDepth; i++) nested = new Hashtable { ["d"] = nested };
        Assert.Equal(SecretValueKind.Text, SecretInputConverter.Convert(nested, "n").Kind);
    }

    // Built in code: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
    [Theory]
    [InlineData("a", '\uD800', "")]
    [InlineData("", '\uDC00', "b")]
    [InlineData("x", '\uDC00', "\uD83D\uDE00")]
    public void Lone_surrogates_are_refused(string before, char lone, string after) =>
        Assert.Equal(ErrorIds.InvalidSecretValue, Assert.Throws<SecretStoreException>(() => SecretInputConverter.Convert(before + lone + after, "n")).ErrorId);

    [Fact]
    public void A_surrogate_pair_is_text() => Assert.Equal("a😀", SecretInputConverter.Convert("a😀", "n").Text);

    [Fact]
    public void StringList_refuses_what_would_be_JSON()
    {
        var credential = new PSCredential("u", new System.Security.SecureString());
        Assert.Equal(ErrorIds.UnsupportedSecretType, Assert.Throws<SecretStoreException>(() => SecretInputConverter.Convert(credential, "n", asStringList: true)).ErrorId);
        Assert.Equal(ErrorIds.UnsupportedSecretType, Assert.Throws<SecretStoreException>(() => SecretInputConverter.Convert(new Hashtable { ["a"] = 1 }, "n", asStringList: true)).ErrorId);
        Assert.Equal(SecretValueKind.StringList, SecretInputConverter.Convert("a,b", "n", asStringList: true).Kind);
    }

    [Theory]
    [InlineData("a!b", "v")]
    [InlineData("k", "a#b")]
    [InlineData("k", "line\n")]
    public void Tag_characters_are_checked(string key, string value) =>
        Assert.Equal(ErrorIds.InvalidTag, Assert.Throws<SecretStoreException>(() => TagRules.Validate("n", new Dictionary<string, string> { [key] = value })).ErrorId);

    [Fact]
    public void Tags_are_valid_in_any_script_with_the_documented_punctuation() =>
        TagRules.Validate("n", new Dictionary<string, string> { ["Équipe / coût"] = "a b_c.d:e/f=g+h-i@j 日本" });

    [Fact]
    public void The_tag_total_counts_those_already_there_less_those_removed()
    {
        var existing = new List<string>();
        for (int i = 0; i < 45; i++) existing.Add($"k{i}");
        var added = new Dictionary<string, string>();
        for (int i = 0; i < 6; i++) added[$"new{i}"] = "v";
        Assert.Equal(ErrorIds.TagLimitExceeded, Assert.Throws<SecretStoreException>(() => TagRules.ValidateTotal("n", existing, added)).ErrorId);
        TagRules.ValidateTotal("n", existing, added, removed: new[] { "k0" }); // 50
        TagRules.ValidateTotal("n", existing, new Dictionary<string, string> { ["k1"] = "overwritten" }); // 45
    }

    [Theory]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("mrk-1234abcd12ab34cd56ef1234567890ab")]
    [InlineData("alias/aws/secretsmanager")]
    [InlineData("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/app")]
    public void KMS_key_ids_aliases_and_ARNs_pass(string key) => KmsKeyIdRules.Validate("n", key);

    [Theory]
    [InlineData("my key")]
    [InlineData("1234")]
    [InlineData("alias/")]
    [InlineData("arn:aws:kms:us-east-1:123:key/x")]
    [InlineData("alias/app\n")]
    public void Other_KMS_key_ids_are_refused(string key) =>
        Assert.Equal(ErrorIds.InvalidKmsKeyId, Assert.Throws<SecretStoreException>(() => KmsKeyIdRules.Validate("n", key)).ErrorId);

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("us-west-2")]
    [InlineData("eu-west-1")]
    [InlineData("us-gov-west-1")]
    [InlineData("us-isob-east-1")]
    [InlineData("ap-southeast-7")]
    [InlineData("eusc-de-east-1")]
    [InlineData("")] // not given: the configured Region
    public void Region_names_pass(string region) => RegionRules.Validate(region);

    [Theory]
    [InlineData("US-EAST-1")]
    [InlineData("us-east")]
    [InlineData("useast1")]
    [InlineData("us-east-1\n")]
    [InlineData("https://ssm.us-east-1.amazonaws.com")]
    public void Other_regions_are_refused(string region)
    {
        var ex = Assert.Throws<SecretStoreException>(() => RegionRules.Validate(region));
        Assert.Equal(ErrorIds.InvalidRegion, ex.ErrorId);
        Assert.Equal(region, ex.SecretName);
    }
}
