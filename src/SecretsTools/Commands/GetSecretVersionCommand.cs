using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>Get-SecretVersion: the versions of a secret and their labels, newest first; never a value.</summary>
[Cmdlet(VerbsCommon.Get, "SecretVersion", HelpUri = HelpUris.Docs + "Get-SecretVersion.md")]
[OutputType(typeof(SecretVersion))]
public sealed class GetSecretVersionCommand : SecretCmdletBase
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>Secrets Manager: also the versions with no staging label that it still keeps.</summary>
    [Parameter]
    public SwitchParameter IncludeDeprecated { get; set; }

    protected override void ProcessRecord()
    {
        foreach (string raw in Name)
        {
            try
            {
                var reference = ResolveForChange(raw);
                StoreFor(reference).ValidateName(reference.Name, forWrite: false);
                var versions = Await(VersionsFor(reference).ListVersionsAsync(reference.Name, IncludeDeprecated, CancellationToken));
                foreach (var version in versions) WriteObject(version);
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }
}
