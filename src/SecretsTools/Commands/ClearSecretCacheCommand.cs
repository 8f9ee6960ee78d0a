using System.Management.Automation;
using SecretsTools.Caching;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Clear-SecretCache: forgets cached values, all of them or those of some names (in every
/// connection: the cache cannot know that two profiles reach different accounts). It changes
/// nothing in AWS, so it neither asks for confirmation nor takes -WhatIf.
/// </summary>
[Cmdlet(VerbsCommon.Clear, "SecretCache", DefaultParameterSetName = AllSet, HelpUri = HelpUris.Docs + "Clear-SecretCache.md")]
[OutputType(typeof(void))]
public sealed class ClearSecretCacheCommand : PSCmdlet
{
    private const string AllSet = "All";
    private const string NameSet = "Name";

    /// <summary>Names or ssm:/sm: references whose cached values to forget; without it, everything.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = NameSet)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>The store of names without an ssm:/sm: prefix. Default: the configured default store.</summary>
    [Parameter(ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
    public SecretStoreKind? Store { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == AllSet)
        {
            WriteVerbose($"Forgot {SecretCache.Shared.Clear()} cached value(s).");
            return;
        }
        foreach (string raw in Name)
        {
            try
            {
                var reference = SecretReference.Parse(raw, Store, DefaultStore.Resolve);
                int removed = SecretCache.Shared.Invalidate(reference.Store, reference.Name);
                WriteVerbose($"Forgot {removed} cached value(s) of '{reference.Name}'.");
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex.ToErrorRecord());
            }
        }
    }
}
