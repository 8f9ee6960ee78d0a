using System.Collections;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Set-SecretInfo: changes a secret's description, tags or KMS key without touching its value.
/// (Parameter Store can change a description or key only by writing the current value back,
/// which makes a new version with the same value.)
/// </summary>
[Cmdlet(VerbsCommon.Set, "SecretInfo", SupportsShouldProcess = true, HelpUri = HelpUris.Docs + "Set-SecretInfo.md")]
[OutputType(typeof(SecretInfo))]
public sealed class SetSecretInfoCommand : SecretCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    [Parameter]
    public string? Description { get; set; }

    /// <summary>Tags to add or overwrite.</summary>
    [Parameter]
    public Hashtable? Tag { get; set; }

    /// <summary>Tag keys to remove.</summary>
    [Parameter]
    public string[]? RemoveTag { get; set; }

    [Parameter]
    public string? KmsKeyId { get; set; }

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
                store.ValidateName(reference.Name);
                var update = new SecretInfoUpdate(reference.Name)
                {
                    Description = Description,
                    AddTags = TagParameters.ToDictionary(Tag, reference.Name),
                    RemoveTags = RemoveTag,
                    KmsKeyId = KmsKeyId,
                };
                TagRules.Validate(reference.Name, update.AddTags);
                Validation.KmsKeyIdRules.Validate(reference.Name, KmsKeyId);
                // The service counts the tags already there: one call to know them.
                Await(TagRules.ValidateTotalAsync(store, reference.Name, update.AddTags, RemoveTag, CancellationToken));
                if (!ShouldProcessOrExplain($"{reference.Name} ({StoreNames.Display(reference.Store)})", "Update description, tags or KMS key")) continue;
                var info = Await(store.UpdateInfoAsync(update, CancellationToken));
                if (PassThru) WriteObject(info);
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }
}
