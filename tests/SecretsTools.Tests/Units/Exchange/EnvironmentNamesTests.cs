using System;
using SecretsTools.Exchange;
using Xunit;

namespace SecretsTools.Tests.Units.Exchange;

public class EnvironmentNamesTests
{
    [Theory]
    [InlineData("/app/prod/db-password", "/app/prod", null, "DB_PASSWORD")]
    [InlineData("/app/prod/db-password", "/app/prod/", null, "DB_PASSWORD")]
    [InlineData("prod/db", "prod/", "password", "DB_PASSWORD")]
    [InlineData("prod/db", null, "password", "PROD_DB_PASSWORD")]
    [InlineData("/app/prod/db/password", "/app", null, "PROD_DB_PASSWORD")]
    [InlineData("a--b__c..d", null, null, "A_B_C_D")]
    [InlineData("__x__", null, null, "X")]
    [InlineData("/1password", "/", null, "_1PASSWORD")]
    [InlineData("db", null, "2fa", "DB_2FA")]
    [InlineData("prod/9", "prod/", null, "_9")]
    [InlineData("café/clé", null, null, "CAF_CL")]
    [InlineData("\u0131d", null, null, "D")]
    [InlineData("MixedCase", null, "camelKey", "MIXEDCASE_CAMELKEY")]
    [InlineData("prod/db", "prod/", "user name", "DB_USER_NAME")]
    public void Maps_names_by_the_documented_rule(string name, string? root, string? key, string expected)
    {
        Assert.Equal(expected, EnvironmentNames.For(name, root, key));
    }

    [Fact]
    public void Every_result_is_a_dotenv_variable_name()
    {
        foreach (string name in NastyValues.All)
        {
            string mapped;
            try { mapped = EnvironmentNames.For("x" + name); }
            catch (ArgumentException) { continue; }
            Assert.True(DotEnvFormat.IsVariableName(mapped), mapped);
        }
    }

    [Fact]
    public void A_name_outside_the_root_is_an_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => EnvironmentNames.For("/other/db", "/app"));
        Assert.Contains("not under '/app'", ex.Message);
    }

    [Theory]
    [InlineData("/app/prod/", "/app/prod/", null)]
    [InlineData("--", null, null)]
    [InlineData("é", null, "-")]
    public void A_name_with_nothing_to_keep_is_an_error(string name, string? root, string? key)
    {
        Assert.Throws<ArgumentException>(() => EnvironmentNames.For(name, root, key));
    }
}
