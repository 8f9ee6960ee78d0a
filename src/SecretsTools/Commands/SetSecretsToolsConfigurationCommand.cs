using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Configuration;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Set-SecretsToolsConfiguration: stores defaults for later commands, in this process (Process,
/// the default) or for the user (CurrentUser, a JSON file). A setting given $null or '' is
/// cleared, so the level below decides again; -Reset clears the whole scope first. Every value is
/// checked before anything is stored, so a bad one changes nothing.
/// </summary>
[Cmdlet(VerbsCommon.Set, "SecretsToolsConfiguration", SupportsShouldProcess = true, HelpUri = HelpUris.Docs + "Set-SecretsToolsConfiguration.md")]
[OutputType(typeof(SecretsToolsConfiguration))]
public sealed class SetSecretsToolsConfigurationCommand : PSCmdlet
{
    [Parameter]
    [ValidateSet(nameof(ConfigurationScope.Process), nameof(ConfigurationScope.CurrentUser))]
    public ConfigurationScope Scope { get; set; } = ConfigurationScope.Process;

    [Parameter]
    public SecretStoreKind? DefaultStore { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(Completion.RegionCompleter))]
    public string? Region { get; set; }

    [Parameter]
    public string? ProfileName { get; set; }

    /// <summary>A TimeSpan, or seconds; 0 switches caching off (also over a lower level's value).</summary>
    [Parameter]
    [DurationTransformation]
    public TimeSpan? CacheTtl { get; set; }

    /// <summary>Both stores' endpoint at once; ParameterStoreEndpointUrl and SecretsManagerEndpointUrl win over it.</summary>
    [Parameter]
    public string? EndpointUrl { get; set; }

    [Parameter]
    public string? ParameterStoreEndpointUrl { get; set; }

    [Parameter]
    public string? SecretsManagerEndpointUrl { get; set; }

    /// <summary>Secrets Manager Regions that reads fall back to, in order, when the primary Region's endpoint fails.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completion.RegionCompleter))]
    public string[]? FallbackRegion { get; set; }

    /// <summary>The same for Parameter Store, which AWS does not replicate: set it only where the copies are kept.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(Completion.RegionCompleter))]
    public string[]? ParameterStoreFallbackRegion { get; set; }

    /// <summary>An endpoint URL per Region, for both stores: @{ 'us-east-1' = 'https://...'; 'eu-west-1' = 'https://...' }.</summary>
    [Parameter]
    public System.Collections.Hashtable? RegionEndpoint { get; set; }

    /// <summary>Clears every setting of the scope before applying the ones given.</summary>
    [Parameter]
    public SwitchParameter Reset { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private sealed record Change(string Setting, string? Shown, Func<ConfigurationValues, ConfigurationValues> Apply);

    protected override void ProcessRecord()
    {
        var changes = Changes();
        if (changes.Count == 0 && !Reset)
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("Nothing to change."), ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, null)
            {
                ErrorDetails = new ErrorDetails("Give a setting to change (for example -Region eu-west-1, or -Region $null to clear it), or -Reset to clear them all."),
            });

        string? path = Scope == ConfigurationScope.CurrentUser ? UserPath() : null;
        string target = path is null ? "SecretsTools configuration (Process)" : $"SecretsTools configuration (CurrentUser, {path})";
        if (!Confirmation.ShouldProcessOrExplain(this, target, Describe(changes))) return;

        ConfigurationValues Apply(ConfigurationValues values)
        {
            if (Reset) values = ConfigurationValues.Empty;
            foreach (var change in changes) values = change.Apply(values);
            return values;
        }

        ConfigurationValues result;
        if (path is null)
        {
            result = ProcessConfiguration.Update(Apply);
        }
        else
        {
            try { result = UserConfigurationFile.Update(path, Reset, Apply); }
            catch (SecretStoreException ex) { ThrowTerminatingError(ex.ToErrorRecord()); throw; }
        }
        if (PassThru) WriteObject(result.ToView(Scope, path));
    }

    /// <summary>The bound settings, checked: a bad value stops the command before anything is stored.</summary>
    private List<Change> Changes()
    {
        var bound = MyInvocation.BoundParameters;
        var changes = new List<Change>();
        void Text(string name, string? value, Func<string, string> rule, Func<ConfigurationValues, string?, ConfigurationValues> set)
        {
            if (!bound.ContainsKey(name)) return;
            string? checkedValue = string.IsNullOrEmpty(value) ? null : Checked(name, value, rule);
            changes.Add(new Change(name, checkedValue is null ? null : $"'{checkedValue}'", v => set(v, checkedValue)));
        }

        if (bound.ContainsKey(nameof(DefaultStore)))
            changes.Add(new Change(nameof(DefaultStore), DefaultStore?.ToString(), v => v with { DefaultStore = DefaultStore }));
        Text(nameof(Region), Region, SettingRules.Region, (v, x) => v with { Region = x });
        Text(nameof(ProfileName), ProfileName, SettingRules.ProfileName, (v, x) => v with { ProfileName = x });
        if (bound.ContainsKey(nameof(CacheTtl)))
        {
            var ttl = CacheTtl is { } given ? Checked(nameof(CacheTtl), given, SettingRules.CacheTtl) : (TimeSpan?)null;
            changes.Add(new Change(nameof(CacheTtl), ttl is null ? null : SettingRules.Format(ttl.Value), v => v with { CacheTtl = ttl }));
        }
        Text(nameof(EndpointUrl), EndpointUrl, SettingRules.EndpointUrl, (v, x) => v with { ParameterStoreEndpointUrl = x, SecretsManagerEndpointUrl = x });
        Text(nameof(ParameterStoreEndpointUrl), ParameterStoreEndpointUrl, SettingRules.EndpointUrl, (v, x) => v with { ParameterStoreEndpointUrl = x });
        Text(nameof(SecretsManagerEndpointUrl), SecretsManagerEndpointUrl, SettingRules.EndpointUrl, (v, x) => v with { SecretsManagerEndpointUrl = x });
        void List(string name, string[]? value, Func<ConfigurationValues, string[]?, ConfigurationValues> set)
        {
            if (!bound.ContainsKey(name)) return;
            string[]? regions = value is null || value.Length == 0 ? null : Checked(name, value, v => SettingRules.Regions(v));
            if (regions is { Length: 0 }) regions = null;
            changes.Add(new Change(name, regions is null ? null : string.Join(", ", regions), v => set(v, regions)));
        }
        List(nameof(FallbackRegion), FallbackRegion, (v, x) => v with { FallbackRegion = x });
        List(nameof(ParameterStoreFallbackRegion), ParameterStoreFallbackRegion, (v, x) => v with { ParameterStoreFallbackRegion = x });
        if (bound.ContainsKey(nameof(RegionEndpoint)))
        {
            var map = RegionEndpoint is null || RegionEndpoint.Count == 0 ? null
                : Checked(nameof(RegionEndpoint), RegionEndpoint, t => { _ = SettingRules.RegionEndpoints(SettingRules.Pairs(t)); return t; })
                    is { } table ? SettingRules.RegionEndpoints(SettingRules.Pairs(table)) : null;
            changes.Add(new Change(nameof(RegionEndpoint), map is null ? null : string.Join(", ", map.Select(p => $"{p.Key}={p.Value}")), v => v with { RegionEndpoint = map }));
        }
        return changes;
    }

    private T Checked<T>(string name, T value, Func<T, T> rule)
    {
        try
        {
            return rule(value);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.InvalidConfigurationValue, ErrorCategory.InvalidArgument, value)
            {
                ErrorDetails = new ErrorDetails($"-{name}: {ex.Message} Nothing was changed."),
            });
            throw; // unreachable: ThrowTerminatingError always throws
        }
    }

    private string UserPath() => UserConfigurationFile.DefaultPath ?? ThrowNoUserFolder();

    private string ThrowNoUserFolder()
    {
        ThrowTerminatingError(new ErrorRecord(new InvalidOperationException("No user configuration folder."), ErrorIds.ConfigurationWriteFailed, ErrorCategory.ResourceUnavailable, null)
        {
            ErrorDetails = new ErrorDetails("This user has no configuration folder (is HOME set?), so there is no CurrentUser scope here; use -Scope Process."),
        });
        throw new InvalidOperationException(); // unreachable
    }

    private string Describe(List<Change> changes)
    {
        var parts = new List<string>();
        if (Reset) parts.Add("Clear every setting");
        foreach (var change in changes) parts.Add(change.Shown is null ? $"Clear {change.Setting}" : $"Set {change.Setting} to {change.Shown}");
        return string.Join("; ", parts);
    }
}
