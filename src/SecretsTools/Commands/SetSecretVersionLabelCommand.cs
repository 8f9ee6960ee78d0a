using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Set-SecretVersionLabel: moves labels (Secrets Manager staging labels, Parameter Store labels)
/// onto a version, from whichever version held them. Moving AWSCURRENT moves AWSPREVIOUS too.
/// </summary>
[Cmdlet(VerbsCommon.Set, "SecretVersionLabel", SupportsShouldProcess = true, HelpUri = HelpUris.Docs + "Set-SecretVersionLabel.md")]
[OutputType(typeof(SecretVersion))]
public sealed class SetSecretVersionLabelCommand : SecretCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [Alias("VersionStage")]
    [ArgumentCompleter(typeof(Completion.LabelCompleter))]
    public string[] Label { get; set; } = System.Array.Empty<string>();

    /// <summary>Parameter Store version number, or Secrets Manager VersionId (or its first 8+ characters).</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [Alias("VersionId")]
    public string Version { get; set; } = "";

    /// <summary>Returns the secret's versions after the move.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            var reference = ResolveForChange(Name);
            StoreFor(reference).ValidateName(reference.Name);
            var versions = VersionsFor(reference);
            versions.ValidateLabels(reference.Name, Label); // before any call: a bad label changes nothing
            string version = Await(versions.ResolveVersionAsync(reference.Name, Version, CancellationToken));
            string target = $"{reference.Name} ({StoreNames.Display(reference.Store)})";
            if (!ShouldProcessOrExplain(target, $"Move label {string.Join(", ", Label)} to version {version}")) return;
            foreach (string label in Label)
            {
                string? from = Await(versions.MoveLabelAsync(reference.Name, label, version, CancellationToken));
                WriteVerbose(from == version ? $"{reference.Name}: '{label}' is already on version {version}."
                    : $"{reference.Name}: '{label}' moved to version {version}{(from is null ? "" : " from " + from)}.");
            }
            if (PassThru)
                foreach (var v in Await(versions.ListVersionsAsync(reference.Name, includeDeprecated: false, CancellationToken))) WriteObject(v);
        }
        catch (SecretStoreException ex)
        {
            WriteError(ex);
        }
    }
}
