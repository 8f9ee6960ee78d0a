using System;
using SecretsTools.Model;
using SecretsTools.Rotation;
using Xunit;

namespace SecretsTools.Tests.Units;

/// <summary>
/// The dates Get-SecretInfo -ChangedBefore and -NotRotatedFor compare. moto dates everything
/// 'now', so which date each store's secret is measured by is shown here, with dates far apart.
/// </summary>
public class StaleSecretFilterTests
{
    private static readonly DateTime Now = new(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan NinetyDays = TimeSpan.FromDays(90);

    private static SecretInfo Sm(DateTime? created, DateTime? rotated, DateTime? modified = null) =>
        new() { Name = "s", Store = SecretStoreKind.SecretsManager, CreatedDate = created, LastRotated = rotated, LastModified = modified };

    [Fact]
    public void Secrets_Manager_measures_by_LastRotated_when_the_secret_was_rotated()
    {
        var filter = new StaleSecretFilter(null, NinetyDays, Now);
        Assert.True(filter.Matches(Sm(created: Now.AddDays(-400), rotated: Now.AddDays(-100))));
        // Created long ago, but rotated lately: not stale.
        Assert.False(filter.Matches(Sm(created: Now.AddDays(-400), rotated: Now.AddDays(-10))));
    }

    [Fact]
    public void Secrets_Manager_measures_a_never_rotated_secret_by_CreatedDate_not_LastModified()
    {
        var filter = new StaleSecretFilter(null, NinetyDays, Now);
        // A value written yesterday does not make a never-rotated secret of last year compliant...
        Assert.True(filter.Matches(Sm(created: Now.AddDays(-400), rotated: null, modified: Now.AddDays(-1))));
        Assert.False(filter.Matches(Sm(created: Now.AddDays(-5), rotated: null)));
    }

    [Fact]
    public void Parameter_Store_measures_by_LastModified()
    {
        var filter = new StaleSecretFilter(null, NinetyDays, Now);
        Assert.True(filter.Matches(new SecretInfo { Store = SecretStoreKind.ParameterStore, LastModified = Now.AddDays(-91) }));
        Assert.False(filter.Matches(new SecretInfo { Store = SecretStoreKind.ParameterStore, LastModified = Now.AddDays(-89) }));
    }

    [Fact]
    public void A_secret_without_the_date_does_not_match()
    {
        Assert.False(new StaleSecretFilter(null, NinetyDays, Now).Matches(Sm(created: null, rotated: null)));
        Assert.False(new StaleSecretFilter(Now, null, Now).Matches(Sm(created: Now.AddDays(-1), rotated: null, modified: null)));
    }

    [Fact]
    public void ChangedBefore_compares_LastModified_in_UTC_whatever_the_kind_of_the_date_given()
    {
        var info = Sm(created: null, rotated: null, modified: Now.AddHours(-2));
        Assert.True(new StaleSecretFilter(Now.AddHours(-1), null, Now).Matches(info));
        Assert.False(new StaleSecretFilter(Now.AddHours(-3), null, Now).Matches(info));
        Assert.True(new StaleSecretFilter(Now.AddHours(-1).ToLocalTime(), null, Now).Matches(info));
        Assert.False(new StaleSecretFilter(Now.AddHours(-3).ToLocalTime(), null, Now).Matches(info));
    }

    [Fact]
    public void No_filter_is_inactive_and_keeps_everything()
    {
        var filter = new StaleSecretFilter(null, null, Now);
        Assert.False(filter.Active);
        Assert.True(filter.Matches(Sm(created: null, rotated: null)));
    }
}
