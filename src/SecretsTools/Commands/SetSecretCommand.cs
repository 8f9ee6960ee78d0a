using System.Collections;
using System.Management.Automation;
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

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string Name { get; set; } = "";

    /// <summary>string, SecureString, PSCredential, hashtable or PSCustomObject (JSON), string[] (StringList) or byte[] (binary).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
    public object? Secret { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = SecureStringSet)]
    public SecureString? SecureStringSecret { get; set; }

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
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        SecretReference reference;
        ISecretStore store;
        SecretWriteRequest request;
        try
        {
            reference = Resolve(Name);
            RefuseParameterArn(reference, Name);
            if (reference.Key is not null)
                throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, Name,
                    $"'{Name}' names a field (#{reference.Key}); Set-Secret writes whole values.");
            store = StoreFor(reference);
            var value = ParameterSetName == SecureStringSet
                ? SecretValue.FromText(SecureStrings.ToPlainText(SecureStringSecret!))
                : SecretInputConverter.Convert(UnwrapPipedRecord(Secret), reference.Name);
            if (Type == "StringList" && value.Kind == SecretValueKind.Text) value = SecretValue.FromStringList(value.Text!);
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

        if (!ShouldProcess($"{reference.Name} ({StoreNames.Display(reference.Store)})", "Set secret value")) return;

        try
        {
            var info = Await(store.WriteAsync(request, CancellationToken));
            WriteVerbose($"Wrote '{info.Name}' to {StoreNames.Display(info.Store)}, version {info.Version}.");
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
    /// A piped record with Name and Secret properties (Import-Csv rows, [pscustomobject]s) binds
    /// whole to -Secret, because -Secret takes pipeline input by value and that binding comes
    /// first. When the record's Name is the -Name this call got, it is that record: write its Secret.
    /// </summary>
    private object? UnwrapPipedRecord(object? secret)
    {
        if (secret is PSObject { BaseObject: PSCustomObject } record
            && record.Properties["Secret"] is { } inner
            && record.Properties["Name"]?.Value is string recordName
            && recordName == Name)
            return inner.Value;
        return secret;
    }
}
