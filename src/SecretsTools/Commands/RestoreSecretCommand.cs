using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>Restore-Secret: cancels a Secrets Manager deletion scheduled by Remove-Secret.</summary>
[Cmdlet(VerbsData.Restore, "Secret", SupportsShouldProcess = true, HelpUri = HelpUris.Docs + "Restore-Secret.md")]
[OutputType(typeof(SecretInfo))]
public sealed class RestoreSecretCommand : SecretCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.DeletedSecretNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string raw in Name)
        {
            try
            {
                var reference = ResolveForChange(raw);
                var store = StoreFor(reference);
                store.ValidateName(reference.Name, forWrite: false);
                if (!ShouldProcessOrExplain($"{reference.Name} ({StoreNames.Display(reference.Store)})", "Cancel scheduled deletion")) continue;
                var info = Await(store.RestoreAsync(reference.Name, CancellationToken));
                if (PassThru) WriteObject(info);
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }
}
