using System;
using System.Collections.Generic;
using System.IO;
using SecretsTools.Configuration;
using SecretsTools.Model;
using SecretsTools.Stores;
using SecretsTools.Tests.Infrastructure;
using Xunit;

namespace SecretsTools.Tests.Units;

/// <summary>
/// The resolver on its own: what reaches AwsConnectionSettings at each level, the cache TTL the
/// value cache gets, and that the CurrentUser file is parsed only when it changes. (What AWS does
/// with the result is tested against moto in tests/pester/Configuration.Tests.ps1.) These change
/// environment variables and the Process scope, so they run serially and put both back.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class ConfigurationResolverTests : IDisposable
{
    private static readonly string[] Variables =
    {
        "XDG_CONFIG_HOME", "AWS_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_SSM",
        "AWS_ENDPOINT_URL_SECRETS_MANAGER", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "SECRETSTOOLS_DEFAULT_STORE", "SECRETSTOOLS_CACHE_TTL",
        "SECRETSTOOLS_FALLBACK_REGION", "SECRETSTOOLS_PARAMETER_STORE_FALLBACK_REGION",
    };

    private readonly Dictionary<string, string?> _saved = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("secretstools-config-").FullName;
    private readonly string _file;

    public ConfigurationResolverTests()
    {
        foreach (string name in Variables)
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, null);
        }
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", _folder);
        _file = Path.Combine(_folder, "SecretsTools", "config.json");
        ProcessConfiguration.Update(_ => ConfigurationValues.Empty);
    }

    public void Dispose()
    {
        ProcessConfiguration.Update(_ => ConfigurationValues.Empty);
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        Directory.Delete(_folder, true);
    }

    private void WriteFile(string json)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        File.WriteAllText(_file, json);
    }

    private static void SetProcess(Func<ConfigurationValues, ConfigurationValues> change) => ProcessConfiguration.Update(change);

    [Fact]
    public void The_file_is_where_ApplicationData_is()
    {
        Assert.Equal(_file, UserConfigurationFile.DefaultPath);
        Assert.Equal(_file, EffectiveConfiguration.Capture().UserPath);
    }

    [Fact]
    public void Region_goes_parameter_then_process_then_AWS_REGION_then_file_and_is_always_passed_explicitly()
    {
        Assert.Null(ConnectionDefaults.For(SecretStoreKind.SecretsManager, null, null, null).Region);
        WriteFile("""{ "Region": "ap-south-1" }""");
        Assert.Equal("ap-south-1", ConnectionDefaults.For(SecretStoreKind.SecretsManager, null, null, null).Region);
        // Explicit, not null: a profile's own Region must not beat AWS_REGION in the engine.
        Environment.SetEnvironmentVariable("AWS_REGION", "eu-central-1");
        Assert.Equal("eu-central-1", ConnectionDefaults.For(SecretStoreKind.SecretsManager, null, "some-profile", null).Region);
        SetProcess(v => v with { Region = "eu-west-2" });
        Assert.Equal("eu-west-2", ConnectionDefaults.For(SecretStoreKind.SecretsManager, null, null, null).Region);
        Assert.Equal("sa-east-1", ConnectionDefaults.For(SecretStoreKind.SecretsManager, "sa-east-1", null, null).Region);
    }

    [Fact]
    public void A_RegionEndpoint_entry_gives_its_Region_its_endpoint_and_so_its_own_client_key()
    {
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", "http://127.0.0.1:1");
        SetProcess(v => v with
        {
            SecretsManagerEndpointUrl = "http://127.0.0.1:2",
            RegionEndpoint = new Dictionary<string, string> { ["eu-west-1"] = "http://127.0.0.1:3", ["us-east-1"] = "http://127.0.0.1:4" },
        });
        var eu = ConnectionDefaults.For(SecretStoreKind.SecretsManager, "eu-west-1", null, null);
        var us = ConnectionDefaults.For(SecretStoreKind.ParameterStore, "us-east-1", null, null);
        Assert.Equal("http://127.0.0.1:3", eu.EndpointUrl); // over the store's endpoint and AWS_ENDPOINT_URL
        Assert.Equal("http://127.0.0.1:4", us.EndpointUrl); // for both stores
        Assert.Equal("http://127.0.0.1:2", ConnectionDefaults.For(SecretStoreKind.SecretsManager, "ap-south-1", null, null).EndpointUrl);
        Assert.Equal("http://127.0.0.1:9", ConnectionDefaults.For(SecretStoreKind.SecretsManager, "eu-west-1", null, "http://127.0.0.1:9").EndpointUrl);
        Assert.Contains("http://127.0.0.1:3", eu.CacheKey);
        Assert.NotEqual(eu.CacheKey, (eu with { EndpointUrl = "http://127.0.0.1:4" }).CacheKey); // the endpoint is part of the client key
    }

    [Fact]
    public void FallbackRegion_goes_process_then_its_variable_then_the_file_and_is_per_store()
    {
        EffectiveConfiguration Now() => EffectiveConfiguration.Capture();
        Assert.Empty(Now().FallbackRegion(SecretStoreKind.SecretsManager).Value);
        WriteFile("""{ "FallbackRegion": ["ap-south-1", "ap-south-2"] }""");
        Assert.Equal(new[] { "ap-south-1", "ap-south-2" }, Now().FallbackRegion(SecretStoreKind.SecretsManager).Value);
        Assert.Empty(Now().FallbackRegion(SecretStoreKind.ParameterStore).Value); // never Secrets Manager's
        Environment.SetEnvironmentVariable("SECRETSTOOLS_FALLBACK_REGION", " eu-west-1 ,eu-west-1, us-west-2");
        Assert.Equal(new[] { "eu-west-1", "us-west-2" }, Now().FallbackRegion(SecretStoreKind.SecretsManager).Value);
        Assert.Equal(ConfigurationSource.Environment, Now().FallbackRegion(SecretStoreKind.SecretsManager).Source);
        SetProcess(v => v with { FallbackRegion = new[] { "ca-central-1" } });
        Assert.Equal(new[] { "ca-central-1" }, Now().FallbackRegion(SecretStoreKind.SecretsManager).Value);
        Environment.SetEnvironmentVariable("SECRETSTOOLS_PARAMETER_STORE_FALLBACK_REGION", "Not/A/Region");
        var error = Assert.Throws<SecretStoreException>(() => Now().FallbackRegion(SecretStoreKind.ParameterStore));
        Assert.Equal(ErrorIds.AwsConfigurationError, error.ErrorId);
        Assert.Contains("SECRETSTOOLS_PARAMETER_STORE_FALLBACK_REGION", error.Message);
    }

    [Fact]
    public void A_profile_or_endpoint_from_the_environment_is_left_for_the_SDK_and_hides_the_file()
    {
        WriteFile("""{ "ProfileName": "from-file", "ParameterStoreEndpointUrl": "http://file-ps:1", "SecretsManagerEndpointUrl": "http://file-sm:1" }""");
        var fromFile = ConnectionDefaults.For(SecretStoreKind.ParameterStore, null, null, null);
        Assert.Equal("from-file", fromFile.ProfileName);
        Assert.Equal("http://file-ps:1", fromFile.EndpointUrl);
        Assert.Equal("http://file-sm:1", ConnectionDefaults.For(SecretStoreKind.SecretsManager, null, null, null).EndpointUrl);

        Environment.SetEnvironmentVariable("AWS_PROFILE", "from-env");
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SSM", "http://env-ps:1");
        var fromEnvironment = ConnectionDefaults.For(SecretStoreKind.ParameterStore, null, null, null);
        Assert.Null(fromEnvironment.ProfileName);
        Assert.Null(fromEnvironment.EndpointUrl);
        // AWS_ENDPOINT_URL_SSM is Parameter Store's only: Secrets Manager still takes the file's.
        Assert.Equal("http://file-sm:1", ConnectionDefaults.For(SecretStoreKind.SecretsManager, null, null, null).EndpointUrl);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL", "http://env-both:1");
        Assert.Null(ConnectionDefaults.For(SecretStoreKind.SecretsManager, null, null, null).EndpointUrl);
        // The SDK ignores the variables when told to, so they do not hide the file then.
        Environment.SetEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
        Assert.Equal("http://file-sm:1", ConnectionDefaults.For(SecretStoreKind.SecretsManager, null, null, null).EndpointUrl);

        SetProcess(v => v with { ProfileName = "from-process", SecretsManagerEndpointUrl = "http://process-sm:1" });
        var fromProcess = ConnectionDefaults.For(SecretStoreKind.SecretsManager, null, null, null);
        Assert.Equal("from-process", fromProcess.ProfileName);
        Assert.Equal("http://process-sm:1", fromProcess.EndpointUrl);
        var fromParameters = ConnectionDefaults.For(SecretStoreKind.SecretsManager, null, "from-parameter", "http://parameter:1");
        Assert.Equal("from-parameter", fromParameters.ProfileName);
        Assert.Equal("http://parameter:1", fromParameters.EndpointUrl);
        Assert.Null(fromParameters.AccessKeyId);
    }

    [Fact]
    public void CacheTtl_goes_parameter_then_process_then_variable_then_file_and_zero_is_off()
    {
        Assert.Null(SecretsToolsSettings.EffectiveCacheTtl(null));
        WriteFile("""{ "CacheTtl": "00:10:00" }""");
        Assert.Equal(TimeSpan.FromMinutes(10), SecretsToolsSettings.EffectiveCacheTtl(null));
        Environment.SetEnvironmentVariable("SECRETSTOOLS_CACHE_TTL", "120");
        Assert.Equal(TimeSpan.FromMinutes(2), SecretsToolsSettings.EffectiveCacheTtl(null));
        SetProcess(v => v with { CacheTtl = TimeSpan.Zero });
        Assert.Null(SecretsToolsSettings.EffectiveCacheTtl(null));
        Assert.Equal(TimeSpan.FromSeconds(5), SecretsToolsSettings.EffectiveCacheTtl(TimeSpan.FromSeconds(5)));
        SetProcess(v => v with { CacheTtl = TimeSpan.FromMinutes(1) });
        Assert.Null(SecretsToolsSettings.EffectiveCacheTtl(TimeSpan.Zero)); // -CacheTtl 0 switches it off for that command
        Assert.Equal(TimeSpan.FromMinutes(1), SecretsToolsSettings.EffectiveCacheTtl(null));
    }

    [Fact]
    public void A_bad_SECRETSTOOLS_CACHE_TTL_names_the_variable()
    {
        Environment.SetEnvironmentVariable("SECRETSTOOLS_CACHE_TTL", "soon");
        var error = Assert.Throws<SecretStoreException>(() => SecretsToolsSettings.EffectiveCacheTtl(null));
        Assert.Equal(ErrorIds.AwsConfigurationError, error.ErrorId);
        Assert.Contains("SECRETSTOOLS_CACHE_TTL", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(3), SecretsToolsSettings.EffectiveCacheTtl(TimeSpan.FromSeconds(3))); // a parameter never asks it
    }

    [Fact]
    public void DefaultStore_goes_process_then_variable_then_file()
    {
        Assert.Equal(SecretStoreKind.SecretsManager, DefaultStore.Resolve());
        WriteFile("""{ "DefaultStore": "parameterstore" }""");
        Assert.Equal(SecretStoreKind.ParameterStore, DefaultStore.Resolve());
        Environment.SetEnvironmentVariable("SECRETSTOOLS_DEFAULT_STORE", "SecretsManager");
        Assert.Equal(SecretStoreKind.SecretsManager, DefaultStore.Resolve());
        SetProcess(v => v with { DefaultStore = SecretStoreKind.ParameterStore });
        Assert.Equal(SecretStoreKind.ParameterStore, DefaultStore.Resolve());
    }

    [Fact]
    public void An_unchanged_file_is_not_parsed_again()
    {
        WriteFile("""{ "Region": "eu-west-1" }""");
        Assert.Equal("eu-west-1", EffectiveConfiguration.Capture().Region.Value);
        int parsed = UserConfigurationFile.ParseCount;
        for (int i = 0; i < 50; i++) Assert.Equal("eu-west-1", EffectiveConfiguration.Capture().Region.Value);
        Assert.Equal(parsed, UserConfigurationFile.ParseCount);

        // Same length, later timestamp: read again.
        File.WriteAllText(_file, """{ "Region": "eu-west-3" }""");
        File.SetLastWriteTimeUtc(_file, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal("eu-west-3", EffectiveConfiguration.Capture().Region.Value);
        Assert.Equal(parsed + 1, UserConfigurationFile.ParseCount);
    }

    [Fact]
    public void Writing_through_Update_is_seen_at_once_and_keeps_unknown_keys()
    {
        WriteFile("""{ "Region": "eu-west-1", "x-note": [1, 2] }""");
        Assert.Equal("eu-west-1", EffectiveConfiguration.Capture().Region.Value);
        UserConfigurationFile.Update(_file, reset: false, v => v with { Region = "eu-west-2", CacheTtl = TimeSpan.FromSeconds(90) });
        var configuration = EffectiveConfiguration.Capture();
        Assert.Equal("eu-west-2", configuration.Region.Value);
        Assert.Equal(TimeSpan.FromSeconds(90), configuration.CacheTtl.Value);
        string text = File.ReadAllText(_file);
        Assert.Contains("\"x-note\"", text);
        Assert.Contains("\"CacheTtl\": \"00:01:30\"", text);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_file)!)); // no temporary file left
    }

    [Theory]
    [InlineData("300", 300)]
    [InlineData("0.5", 0.5)]
    [InlineData("00:05:00", 300)]
    [InlineData("12:00:00", 43200)]
    [InlineData(" 0 ", 0)]
    public void Durations_are_seconds_or_timespans(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SettingRules.Duration(text));

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("-00:01:00")]
    [InlineData("12:00:01")] // longer than the cache keeps anything
    [InlineData("NaN")]
    [InlineData("1e300")]
    public void Bad_durations_are_refused(string text) => Assert.Throws<ArgumentException>(() => SettingRules.Duration(text));

    [Theory]
    [InlineData("https://user:pw@example.com")]
    [InlineData("example.com")]
    [InlineData("file:///etc/passwd")]
    public void Endpoint_urls_are_http_without_credentials(string url) => Assert.Throws<ArgumentException>(() => SettingRules.EndpointUrl(url));

    [Theory]
    [InlineData("0")]
    [InlineData("Vault")]
    [InlineData("")]
    public void Stores_are_named(string text) => Assert.Throws<ArgumentException>(() => SettingRules.Store(text));
}
