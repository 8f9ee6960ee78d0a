using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>Remove-SecretVersionLabel: takes labels off the version that holds them (or off -Version only).</summary>
[Cmdlet(VerbsCommon.Remove, "SecretVersionLabel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    HelpUri = HelpUris.Docs + "Remove-SecretVersionLabel.md")]
[OutputType(typeof(SecretVersion))]
public sealed class RemoveSecretVersionLabelCommand : SecretCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string Name { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1)]
    [Alias("VersionStage")]
    [ArgumentCompleter(typeof(Completion.LabelCompleter))]
    public string[] Label { get; set; } = System.Array.Empty<string>();

    /// <summary>Only remove the labels from this version; a label found elsewhere is an error.</summary>
    [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
    [Alias("VersionId")]
    public string? Version { get; set; }

    /// <summary>Returns the secret's versions after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            var reference = ResolveForChange(Name);
            StoreFor(reference).ValidateName(reference.Name);
            var versions = VersionsFor(reference);
            versions.ValidateLabels(reference.Name, Label);
            if (reference.Store == SecretStoreKind.SecretsManager && System.Array.IndexOf(Label, CurrentStage) >= 0)
                throw new SecretStoreException(ErrorIds.CurrentLabelRequired, ErrorCategory.InvalidOperation, reference.Name,
                    $"AWSCURRENT cannot be removed from '{reference.Name}': a secret always has a current version. Move it with Restore-SecretVersion or Set-SecretVersionLabel instead. Nothing was changed.");
            string? version = Version is null ? null : Await(versions.ResolveVersionAsync(reference.Name, Version, CancellationToken));
            string target = $"{reference.Name} ({StoreNames.Display(reference.Store)})";
            if (!ShouldProcessOrExplain(target, $"Remove label {string.Join(", ", Label)}{(version is null ? "" : " from version " + version)}")) return;
            foreach (string label in Label)
            {
                string from = Await(versions.RemoveLabelAsync(reference.Name, label, version, CancellationToken));
                WriteVerbose($"{reference.Name}: '{label}' removed from version {from}.");
            }
            if (PassThru)
                foreach (var v in Await(versions.ListVersionsAsync(reference.Name, includeDeprecated: false, CancellationToken))) WriteObject(v);
        }
        catch (SecretStoreException ex)
        {
            WriteError(ex);
        }
    }

    // AWS refuses it too; saying so before any call is clearer than its error.
    private const string CurrentStage = "AWSCURRENT";
}
