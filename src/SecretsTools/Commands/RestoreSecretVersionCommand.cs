using System.Linq;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Restore-SecretVersion: makes an earlier version current again. Secrets Manager moves
/// AWSCURRENT back to it (AWSPREVIOUS follows; no new version). Parameter Store's current
/// version is always its newest, so the old value is written again as a new version.
/// </summary>
[Cmdlet(VerbsData.Restore, "SecretVersion", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
    DefaultParameterSetName = VersionSet, HelpUri = HelpUris.Docs + "Restore-SecretVersion.md")]
[OutputType(typeof(SecretVersionRestoreResult))]
public sealed class RestoreSecretVersionCommand : SecretCmdletBase
{
    private const string VersionSet = "Version";
    private const string LabelSet = "Label";
    private const string CurrentStage = "AWSCURRENT";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>Parameter Store version number, or Secrets Manager VersionId (or its first 8+ characters).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = VersionSet)]
    [Alias("VersionId")]
    public string Version { get; set; } = "";

    /// <summary>The version that holds this label (e.g. AWSPREVIOUS, or a Parameter Store label).</summary>
    [Parameter(Mandatory = true, ParameterSetName = LabelSet)]
    [Alias("VersionStage")]
    [ArgumentCompleter(typeof(Completion.LabelCompleter))]
    public string Label { get; set; } = "";

    protected override void ProcessRecord()
    {
        try
        {
            var reference = ResolveForChange(Name);
            var store = StoreFor(reference);
            store.ValidateName(reference.Name);
            var versions = VersionsFor(reference);
            string name = reference.Name;
            string wanted = ParameterSetName == LabelSet ? LabelHolder(versions, name) : Await(versions.ResolveVersionAsync(name, Version, CancellationToken));
            string current = Await(store.CurrentVersionAsync(name, CancellationToken)) ?? throw SecretStoreException.NotFound(name, reference.Store);
            var result = new SecretVersionRestoreResult
            {
                Name = name,
                Store = reference.Store,
                Region = store.Region,
                RestoredFrom = wanted,
                PreviousVersion = current,
            };
            if (wanted == current)
            {
                WriteObject(result with { NewCurrentVersion = current, Method = "AlreadyCurrent" });
                return;
            }
            if (!ShouldProcessOrExplain($"{name} ({StoreNames.Display(reference.Store)})", $"Make version {wanted} current again (current: {current})")) return;
            if (reference.Store == SecretStoreKind.SecretsManager)
            {
                Await(versions.MoveLabelAsync(name, CurrentStage, wanted, CancellationToken));
                WriteObject(result with { NewCurrentVersion = wanted, Method = "LabelMoved" });
                return;
            }
            var read = Await(store.ReadAsync(new[] { new SecretReadRequest(name, Version: wanted) }, CancellationToken))[0];
            if (read.Error is not null) throw read.Error;
            // The same restore again (a lost reply, a re-run) compares with the current value instead of adding a version.
            string written = Await(versions.WriteVersionAsync(
                new SecretVersionWrite(name, read.Value!, IdempotencyTokens.For("Restore-SecretVersion", name, wanted, current)), CancellationToken));
            // Equal to the current version: the current value already was the old one, and nothing was written.
            WriteObject(result with { NewCurrentVersion = written, Method = written == current ? "AlreadyCurrent" : "ValueRewritten" });
        }
        catch (SecretStoreException ex)
        {
            WriteError(ex);
        }
    }

    private string LabelHolder(ISecretVersionStore versions, string name)
    {
        versions.ValidateLabels(name, new[] { Label });
        return Await(versions.ListVersionsAsync(name, includeDeprecated: false, CancellationToken))
            .FirstOrDefault(v => v.Labels.Contains(Label, System.StringComparer.Ordinal))?.Version
            ?? throw new SecretStoreException(ErrorIds.VersionLabelNotFound, ErrorCategory.ObjectNotFound, name,
                $"No version of '{name}' has the label '{Label}'; nothing was changed.");
    }
}
