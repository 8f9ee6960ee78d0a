using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using SecretsTools.Model;
using SecretsTools.Stores;
using SecretsTools.Validation;
using SecretsTools.Values;

namespace SecretsTools.Commands;

/// <summary>
/// Set-Secret: creates a secret or writes a new version of it. Everything is checked before the
/// first AWS call, so bad input writes nothing.
/// </summary>
[Cmdlet(VerbsCommon.Set, "Secret", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet, HelpUri = HelpUris.Docs + "Set-Secret.md")]
[OutputType(typeof(SecretInfo))]
public sealed class SetSecretCommand : SecretCmdletBase
{
    private const string ObjectSet = "Object";
    private const string SecureStringSet = "SecureString";
    private const string MergeSet = "Merge";

    /// <summary>The secret to write; NAME#field changes one field of a JSON value.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>
    /// string, SecureString, PSCredential, hashtable or PSCustomObject (JSON), string[] (StringList) or byte[] (binary).
    /// Not mandatory in the binding sense: when it is missing, ProcessRecord prompts without echo
    /// (PowerShell's own prompt for a missing mandatory object parameter shows what is typed).
    /// </summary>
    [Parameter(Position = 1, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public object? Secret { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = SecureStringSet)]
    public SecureString? SecureStringSecret { get; set; }

    /// <summary>Keys to change in a JSON value (a $null value removes the key); the other keys stay as they are.</summary>
    [Parameter(Mandatory = true, ParameterSetName = MergeSet)]
    public IDictionary? Merge { get; set; }

    /// <summary>Parameter Store type; default SecureString (StringList for a string[]).</summary>
    [Parameter]
    [ValidateSet("SecureString", "String", "StringList")]
    public string? Type { get; set; }

    [Parameter]
    public string? Description { get; set; }

    /// <summary>Tags to set: keys to values. On an existing secret they are added or overwritten.</summary>
    [Parameter]
    public Hashtable? Tag { get; set; }

    [Parameter]
    public string? KmsKeyId { get; set; }

    /// <summary>Parameter Store tier.</summary>
    [Parameter]
    [ValidateSet("Standard", "Advanced", "Intelligent-Tiering")]
    public string? Tier { get; set; }

    /// <summary>Fails instead of writing a new version when the secret exists.</summary>
    [Parameter(ParameterSetName = ObjectSet)]
    [Parameter(ParameterSetName = SecureStringSet)]
    public SwitchParameter NoClobber { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private bool _nameFromCommandLine;
    private int _pipedCount;
    private (object? Secret, SecretStoreKind? Store, string? Region) _firstPiped;
    private bool _fromPipeline;
    private object? _pipedValue;

    protected override void BeginProcessing()
    {
        // Pipeline binding happens after BeginProcessing: what is bound now came from the command line.
        _nameFromCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Name));
    }

    /// <summary>
    /// With -Name on the command line, piped values are held until the end: one -Name takes one
    /// value, and several (two records, an unrolled string[]) would silently write several versions.
    /// </summary>
    protected override void ProcessRecord()
    {
        // The value is held in the property, never in the records' BoundParameters (verbose/warning
        // records carry InvocationInfo): redact on every record, buffered or not.
        RedactBoundValues(nameof(Secret), nameof(SecureStringSecret));
        if (_nameFromCommandLine && MyInvocation.ExpectingInput && ParameterSetName == ObjectSet)
        {
            if (++_pipedCount == 1) _firstPiped = (Secret, Store, Region);
            return;
        }
        WriteOne(fromPipeline: MyInvocation.ExpectingInput && ParameterSetName == ObjectSet, Secret);
    }

    protected override void EndProcessing()
    {
        if (_pipedCount == 0) return;
        if (_pipedCount > 1)
        {
            WriteError(new SecretStoreException(ErrorIds.MultiplePipedValues, ErrorCategory.InvalidArgument, Name,
                $"{_pipedCount} values were piped to Set-Secret -Name '{Name}', which takes one; nothing was written. "
                + "To write several secrets, pipe records with Name and Secret columns and leave out -Name; to store a string[] as a StringList, pass it with -Secret."));
            return;
        }
        (Secret, Store, Region) = _firstPiped;
        WriteOne(fromPipeline: true, _firstPiped.Secret);
    }

    private void WriteOne(bool fromPipeline, object? piped)
    {
        SecretReference reference;
        ISecretStore store;
        SecretWriteRequest request;
        KeyChange? change = null;
        try
        {
            _fromPipeline = fromPipeline;
            _pipedValue = fromPipeline ? PipedSecretRecord.ValueOf(piped, Name, _nameFromCommandLine, Store) : null;
            reference = ResolveForChange(Name);
            store = StoreFor(reference);
            store.ValidateName(reference.Name);
            if (ParameterSetName == MergeSet || reference.Key is not null)
            {
                change = ReadForChange(reference, store);
                if (change is null) return;
            }
            bool asStringList = Type == "StringList";
            var value = change is not null ? SecretInputConverter.Convert(change.NewText, reference.Name, asStringList)
                : ParameterSetName == SecureStringSet ? SecretInputConverter.Convert(SecureStringSecret!, reference.Name, asStringList)
                : SecretInputConverter.Convert(SecretOrPrompt(reference), reference.Name, asStringList);
            KmsKeyIdRules.Validate(reference.Name, KmsKeyId);
            request = new SecretWriteRequest(reference.Name, value)
            {
                ParameterType = Type,
                Description = Description,
                Tags = TagParameters.ToDictionary(Tag, reference.Name),
                KmsKeyId = KmsKeyId,
                Tier = Tier,
                NoClobber = NoClobber,
            };
            store.ValidateWrite(request);
            // The service counts the tags already on the secret: one call to know them.
            Await(TagRules.ValidateTotalAsync(store, reference.Name, request.Tags, null, CancellationToken));
        }
        catch (SecretStoreException ex)
        {
            WriteError(ex);
            return;
        }

        // A complete ARN always ends in the random suffix: only a name can be mistaken for one.
        if (reference.Store == SecretStoreKind.SecretsManager && SecretsManagerNameRules.HasArnLikeSuffix(reference.Name)
            && !reference.Name.StartsWith("arn:", System.StringComparison.OrdinalIgnoreCase))
            WriteWarning($"'{reference.Name}' ends in '-' and six characters, like the random suffix of a Secrets Manager ARN. "
                + "A partial ARN built from this name can match the wrong secret; refer to it by name or complete ARN.");

        string action = change is null ? "Set secret value" : $"Change {change.Describe()} (new version)";
        if (!ShouldProcessOrExplain($"{reference.Name} ({StoreNames.Display(reference.Store)})", action)) return;

        try
        {
            var info = Await(store.WriteAsync(request, CancellationToken)).Info;
            WriteVerbose($"Wrote '{info.Name}' to {StoreNames.Display(info.Store)}, version {info.Version}.");
            if (change is not null && info.Version is not null) WarnIfChangedMeanwhile(store, reference.Name, change.VersionRead, info.Version);
            if (PassThru)
            {
                // The secret as it now is (an overwrite keeps metadata this call did not send), at
                // one extra call; Secrets Manager's describe does not say text or binary, the write does.
                var current = Await(store.DescribeAsync(reference.Name, CancellationToken));
                WriteObject(current is null ? info : current with { Type = info.Type ?? current.Type, Version = info.Version ?? current.Version });
            }
        }
        catch (SecretStoreException ex)
        {
            WriteError(ex);
        }
    }

    /// <summary>
    /// -Secret, or a value typed at a prompt that never echoes it. A host that cannot prompt
    /// (pwsh -NonInteractive, a runbook host) gets a clear error instead; nothing is written.
    /// </summary>
    private object SecretOrPrompt(SecretReference reference)
    {
        if (_fromPipeline) return _pipedValue!;
        if (MyInvocation.BoundParameters.ContainsKey(nameof(Secret))) return Secret!;
        string what = reference.Key is null ? $"'{reference.Name}'" : $"field '{reference.Key}' of '{reference.Name}'";
        try
        {
            if (Host?.UI is null) throw new PSNotImplementedException("This host has no user interface.");
            // A SecureString field: the host reads it masked (the console host echoes '*').
            var field = new FieldDescription("Secret");
            field.SetParameterType(typeof(SecureString));
            var answers = Host.UI.Prompt($"Set-Secret {reference.Name}", $"Type the value for {what}; it is not shown.",
                new System.Collections.ObjectModel.Collection<FieldDescription> { field });
            if (answers is not null && answers.TryGetValue("Secret", out var answer) && answer?.BaseObject is SecureString typed) return typed;
            throw new PSInvalidOperationException("The host returned no value.");
        }
        catch (System.Exception ex) when (ex is PSInvalidOperationException or System.NotImplementedException or PSNotImplementedException
            or HostException or System.NotSupportedException)
        {
            throw new SecretStoreException(ErrorIds.SecretValueRequired, ErrorCategory.InvalidArgument, reference.Name,
                $"No -Secret was given for {what}, and this session cannot prompt for it (non-interactive). Pass -Secret, -SecureStringSecret or pipe the value; nothing was written.");
        }
    }

    /// <summary>
    /// NAME#field and -Merge: reads the current value and applies the change to its JSON. Null
    /// when the read failed (its error is written); the version read is kept for the race check.
    /// </summary>
    private KeyChange? ReadForChange(SecretReference reference, ISecretStore store)
    {
        if (NoClobber)
            throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, Name,
                $"'{Name}' changes keys of an existing secret, which -NoClobber would always refuse.");
        IDictionary changes;
        if (reference.Key is not null)
        {
            if (ParameterSetName == MergeSet)
                throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, Name,
                    $"'{Name}' names the field '{reference.Key}'; with -Merge, give the secret's name and the keys in the hashtable.");
            object? value = ParameterSetName == SecureStringSet ? SecureStringSecret : SecretOrPrompt(reference);
            if ((value is PSObject p ? p.BaseObject : value) is byte[])
                throw new SecretStoreException(ErrorIds.UnsupportedSecretType, ErrorCategory.InvalidType, reference.Name,
                    $"A field of a JSON value cannot hold binary data (field '{reference.Key}'); nothing was written.");
            changes = new Hashtable { [reference.Key] = value };
        }
        else changes = Merge!;

        var read = Await(store.ReadAsync(new[] { new SecretReadRequest(reference.Name) }, CancellationToken))[0];
        if (read.Error is not null)
        {
            var error = read.Error.ErrorId == ErrorIds.SecretNotFound
                ? new SecretStoreException(ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound, reference.Name,
                    $"Secret '{reference.Name}' was not found in {StoreNames.Display(reference.Store)}, so it has no keys to change; nothing was written. Create it with -Secret @{{ ... }}.", read.Error)
                : read.Error;
            WriteError(WithOtherStoreHint(error, reference));
            return null;
        }
        if (read.Value!.Kind != SecretValueKind.Text)
            throw new SecretStoreException(ErrorIds.SecretNotJson, ErrorCategory.InvalidData, reference.Name,
                $"Secret '{reference.Name}' holds {(read.Value.Kind == SecretValueKind.Binary ? "binary data" : "a StringList")}, not a JSON object; nothing was written.");
        return new KeyChange(JsonMerge.Apply(read.Value.Text!, changes, reference.Name), read.Version,
            changes.Keys.Cast<object>().Select(k => System.Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList());
    }

    /// <summary>
    /// A read-modify-write is not atomic: when the version this write replaced is not the one read,
    /// another write came in between and its changes to other keys are gone. Say so, naming versions.
    /// </summary>
    private void WarnIfChangedMeanwhile(ISecretStore store, string name, string? versionRead, string versionWritten)
    {
        string? replaced;
        try { replaced = Await(store.VersionReplacedByAsync(name, versionWritten, CancellationToken)); }
        catch (SecretStoreException) { return; } // the write succeeded; the check is advice only
        if (versionRead is null || replaced is null || replaced == versionRead) return;
        WriteWarning($"'{name}' changed between the read and the write: the keys were changed on version {versionRead}, "
            + $"but the new version {versionWritten} replaced version {replaced}, written by someone else in between. "
            + $"Changes made in version {replaced} may be lost; compare the versions before going on.");
    }

    private sealed record KeyChange(string NewText, string? VersionRead, System.Collections.Generic.IReadOnlyList<string> Keys)
    {
        public string Describe() => Keys.Count == 1 ? $"key '{Keys[0]}'" : $"keys {string.Join(", ", Keys.Select(k => $"'{k}'"))}";
    }

}
