using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Remove-Secret: Parameter Store deletes at once (in batches of 10); Secrets Manager schedules
/// the deletion with a recovery window unless -WithoutRecovery. Each name is confirmed first.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "Secret", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = RecoverySet, HelpUri = HelpUris.Docs + "Remove-Secret.md")]
[OutputType(typeof(void))]
public sealed class RemoveSecretCommand : SecretCmdletBase
{
    private const string RecoverySet = "RecoveryWindow";
    private const string WithoutRecoverySet = "WithoutRecovery";
    private const int ProgressActivityId = 0x5ec2;
    // Names wait until the input ends: deleting while an upstream Get-SecretInfo is still paging
    // would shift its pages and skip secrets.
    private readonly Dictionary<StoreKey, List<SecretReference>> _pending = new();
    private int _removed;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>Secrets Manager: days before the deletion is final, 7 to 30 (default 30).</summary>
    [Parameter(ParameterSetName = RecoverySet)]
    [ValidateRange(7, 30)]
    public int RecoveryWindowInDays { get; set; } = 30;

    /// <summary>Secrets Manager: delete at once, with no way back.</summary>
    [Parameter(Mandatory = true, ParameterSetName = WithoutRecoverySet)]
    public SwitchParameter WithoutRecovery { get; set; }

    /// <summary>Skips the confirmation prompt; does not change how the secret is deleted.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string raw in Name)
        {
            if (!TryResolveForRemoval(raw, out var reference)) continue;
            string action = reference.Store == SecretStoreKind.ParameterStore || WithoutRecovery
                ? "Delete permanently"
                : $"Schedule deletion in {RecoveryWindowInDays} days";
            if (!ShouldProcessUnlessForced(Force, $"{reference.Name} ({StoreNames.Display(reference.Store)})", action)) continue;
            var key = KeyFor(reference);
            if (!_pending.TryGetValue(key, out var list)) _pending[key] = list = new List<SecretReference>();
            list.Add(reference);
        }
    }

    protected override void EndProcessing()
    {
        foreach (var store in _pending.Keys.ToList()) Flush(store);
        WriteProgress(new ProgressRecord(ProgressActivityId, "Removing secrets", "Done") { RecordType = ProgressRecordType.Completed });
    }

    private void Flush(StoreKey key)
    {
        var references = _pending[key];
        if (references.Count == 0) return;
        _pending[key] = new List<SecretReference>();
        var names = references.Select(r => r.Name).ToList();
        var kind = key.Kind;
        var options = new SecretRemoveOptions(RecoveryWindowInDays, WithoutRecovery);
        WriteProgress(new ProgressRecord(ProgressActivityId, $"Removing from {StoreNames.Display(kind)}",
            $"{_removed} removed so far; removing {names.Count} more"));
        foreach (var result in Await(StoreFor(key).RemoveAsync(names, options, CancellationToken)))
        {
            if (result.Error is not null) WriteError(WithOtherStoreHint(result.Error, references.First(r => r.Name == result.Name)));
            else
            {
                _removed++;
                WriteVerbose($"Removed '{result.Name}' from {StoreNames.Display(kind)}.");
            }
        }
    }
}
