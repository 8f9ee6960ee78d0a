using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using SecretsTools.Model;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Commands;

/// <summary>
/// Get-Secret: reads values, several names per AWS call. A name that fails gets its own
/// non-terminating error; the others are still returned, in input order within each batch.
/// </summary>
[Cmdlet(VerbsCommon.Get, "Secret", HelpUri = HelpUris.Docs + "Get-Secret.md")]
[OutputType(typeof(SecureString), typeof(string), typeof(string[]), typeof(byte[]), typeof(Hashtable), typeof(PSCredential))]
public sealed class GetSecretCommand : SecretCmdletBase
{
    private readonly Dictionary<StoreKey, List<PendingRead>> _pending = new();

    /// <summary>Names, ssm:/sm: references or ARNs, optionally with a #field suffix.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    /// <summary>Parameter Store version number, or Secrets Manager VersionId.</summary>
    [Parameter]
    [Alias("VersionId")]
    public string? Version { get; set; }

    /// <summary>Parameter Store label, or Secrets Manager staging label (e.g. AWSPREVIOUS).</summary>
    [Parameter]
    [Alias("VersionStage")]
    public string? Label { get; set; }

    /// <summary>Returns one field of a JSON value; the same as a #field suffix on the name.</summary>
    [Parameter]
    public string? Key { get; set; }

    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    [Parameter]
    public SwitchParameter AsHashtable { get; set; }

    [Parameter]
    public SwitchParameter AsCredential { get; set; }

    protected override void BeginProcessing()
    {
        int shapes = (Key is null ? 0 : 1) + (AsHashtable ? 1 : 0) + (AsCredential ? 1 : 0);
        if (shapes > 1 || (Version is not null && Label is not null))
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("Use at most one of -Key, -AsHashtable and -AsCredential, and at most one of -Version and -Label."),
                ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, null));
    }

    protected override void ProcessRecord()
    {
        foreach (string raw in Name)
        {
            if (!TryResolveExisting(raw, out var reference)) continue;
            if (reference.Key is not null && (AsHashtable || AsCredential || (Key is not null && Key != reference.Key)))
            {
                WriteError(new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, raw,
                    $"'{raw}' selects the field '{reference.Key}', which cannot go with -AsHashtable, -AsCredential or another -Key."));
                continue;
            }
            var key = KeyFor(reference);
            if (!_pending.TryGetValue(key, out var list)) _pending[key] = list = new List<PendingRead>();
            list.Add(new PendingRead(reference, new SecretReadRequest(reference.Name, Version, Label) { ExpectedArn = reference.ParameterArn }));
            if (list.Count >= StoreFor(key).ReadBatchSize) Flush(key);
        }
    }

    protected override void EndProcessing()
    {
        foreach (var store in _pending.Keys.ToList()) Flush(store);
    }

    private void Flush(StoreKey key)
    {
        var batch = _pending[key];
        if (batch.Count == 0) return;
        _pending[key] = new List<PendingRead>();
        var store = StoreFor(key);
        WriteVerbose($"Reading {batch.Count} secret(s) from {StoreNames.Display(key.Kind)}{(key.Region is null ? "" : " in " + key.Region)}.");
        var results = Await(store.ReadAsync(batch.Select(p => p.Request).ToList(), CancellationToken));
        for (int i = 0; i < batch.Count; i++)
        {
            var result = results[i];
            if (result.Error is not null)
            {
                WriteError(result.Error);
                continue;
            }
            try
            {
                var options = new SecretOutputOptions(AsPlainText, batch[i].Reference.Key ?? Key, AsHashtable, AsCredential);
                WriteObject(SecretOutputFormatter.Format(result.Value!, options, batch[i].Reference.Name), enumerateCollection: false);
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex);
            }
        }
    }

    private sealed record PendingRead(SecretReference Reference, SecretReadRequest Request);
}
