using System.Management.Automation;
using SecretsTools.Configuration;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Get-SecretsToolsConfiguration: the settings commands use (Effective, the default: each with
/// the level it came from), or what one scope holds (Process, CurrentUser).
/// </summary>
[Cmdlet(VerbsCommon.Get, "SecretsToolsConfiguration", HelpUri = HelpUris.Docs + "Get-SecretsToolsConfiguration.md")]
[OutputType(typeof(SecretsToolsConfiguration))]
public sealed class GetSecretsToolsConfigurationCommand : PSCmdlet
{
    [Parameter(Position = 0)]
    public ConfigurationScope Scope { get; set; } = ConfigurationScope.Effective;

    protected override void ProcessRecord()
    {
        try
        {
            string? path = UserConfigurationFile.DefaultPath;
            WriteObject(Scope switch
            {
                ConfigurationScope.Process => ProcessConfiguration.Current.ToView(ConfigurationScope.Process, null),
                ConfigurationScope.CurrentUser => UserConfigurationFile.Read(path).ToView(ConfigurationScope.CurrentUser, path),
                _ => EffectiveConfiguration.Capture().ToView(),
            });
        }
        catch (SecretStoreException ex)
        {
            // A broken file or variable: what a user runs this command to find out, so say it plainly.
            ThrowTerminatingError(ex.ToErrorRecord());
        }
    }
}
