using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using SecretsTools.CloudFormation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Export-SecretInfo: turns Get-SecretInfo output into a CloudFormation template (YAML or JSON)
/// that declares those secrets and parameters, to adopt them into a stack (with the
/// resources-to-import list) or to recreate them elsewhere. It reads nothing from AWS and never
/// a value: values are template parameters supplied at deploy time. Everything is collected
/// first, so the template covers the whole pipeline.
/// </summary>
[Cmdlet(VerbsData.Export, "SecretInfo", SupportsShouldProcess = true, HelpUri = HelpUris.Docs + "Export-SecretInfo.md")]
[OutputType(typeof(string), typeof(FileInfo), typeof(CloudFormationImportItem))]
public sealed class ExportSecretInfoCommand : PSCmdlet
{
    private readonly List<SecretInfo> _items = new();

    /// <summary>What Get-SecretInfo emits, from either store.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public SecretInfo[] InputObject { get; set; } = Array.Empty<SecretInfo>();

    [Parameter]
    public SecretInfoExportFormat Format { get; set; } = SecretInfoExportFormat.CloudFormation;

    [Parameter]
    public CloudFormationTemplateFormat TemplateFormat { get; set; } = CloudFormationTemplateFormat.Yaml;

    /// <summary>Where each secret's value comes from in the template: a NoEcho parameter (default) or GenerateSecretString.</summary>
    [Parameter]
    public CloudFormationSecretValue SecretValue { get; set; } = CloudFormationSecretValue.NoEchoParameter;

    /// <summary>
    /// The resource policies to declare: Get-SecretResourcePolicy's output, or a table of secret name
    /// or ARN to policy JSON; each becomes an AWS::SecretsManager::ResourcePolicy. The cmdlet itself
    /// calls no AWS API: the policies are read by the command that gives them.
    /// </summary>
    [Parameter]
    public object[]? ResourcePolicy { get; set; }

    /// <summary>The template file to write; without it the template is output as a string.</summary>
    [Parameter]
    public string? Path { get; set; }

    /// <summary>A file to write the resources-to-import JSON to (for create-change-set --change-set-type IMPORT).</summary>
    [Parameter]
    public string? ImportFile { get; set; }

    /// <summary>Outputs the resources-to-import entries as objects instead of the template.</summary>
    [Parameter]
    public SwitchParameter ResourcesToImport { get; set; }

    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var item in InputObject)
            if (item is not null) _items.Add(item);
    }

    protected override void EndProcessing()
    {
        CfnTemplate template;
        try
        {
            template = CfnTemplateBuilder.Build(_items, SecretValue, PolicyLookup());
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord());
            return;
        }
        foreach (string name in template.LeftOut)
            WriteWarning($"{name} is a SecureString parameter, which CloudFormation cannot create: it is left out (named in the template's Description).");
        foreach (string warning in template.Warnings) WriteWarning(warning);
        if (template.ResourceCount == 0)
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(
                "Nothing in the input can be declared in CloudFormation (a template needs at least one resource; SecureString parameters cannot be)."),
                ErrorIds.NothingToExport, ErrorCategory.InvalidData, null));

        string text = TemplateFormat == CloudFormationTemplateFormat.Json ? CfnWriters.Json(template.Document) : CfnWriters.Yaml(template.Document);
        foreach (string warning in CfnLimits.Check(template, text)) WriteWarning(warning);
        if (ImportFile is not null)
            OwnerOnlyFileOutput.Write(this, SessionState.Path.GetUnresolvedProviderPathFromPSPath(ImportFile), ImportJson(template.Imports),
                $"Write the resources-to-import list of {template.Imports.Count} resource(s)", NoClobber, PassThru);
        if (ResourcesToImport)
            foreach (var entry in template.Imports) WriteObject(entry);
        if (Path is not null)
            OwnerOnlyFileOutput.Write(this, SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path), text,
                $"Write a CloudFormation template of {template.ResourceCount} resource(s)", NoClobber, PassThru);
        else if (!ResourcesToImport)
            WriteObject(text);
    }

    /// <summary>The policies of -ResourcePolicy by secret name or ARN (SecretResourcePolicy objects by both).</summary>
    private Func<SecretInfo, string?>? PolicyLookup()
    {
        if (ResourcePolicy is null || ResourcePolicy.Length == 0) return null;
        var byKey = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (object? given in ResourcePolicy)
        {
            switch (given is PSObject wrapped ? wrapped.BaseObject : given)
            {
                // Get-SecretResourcePolicy's answer; a secret without a policy declares none.
                case SecretResourcePolicy { Policy: { Length: > 0 } policy } p:
                    byKey[p.Arn ?? p.Name] = policy;
                    break;
                case SecretResourcePolicy:
                    break;
                case IDictionary table:
                    foreach (DictionaryEntry entry in table)
                        byKey[entry.Key?.ToString() ?? ""] = entry.Value is PSObject ps ? ps.BaseObject?.ToString() : entry.Value?.ToString();
                    break;
                default:
                    ThrowTerminatingError(new ErrorRecord(new PSArgumentException(
                        $"-ResourcePolicy takes Get-SecretResourcePolicy output or a hashtable of secret names to policy JSON, not a {given?.GetType().Name ?? "null"}. Nothing was written."),
                        ErrorIds.UnsupportedInputObject, ErrorCategory.InvalidArgument, given));
                    return null;
            }
        }
        var secrets = _items.Where(i => i.Store == SecretStoreKind.SecretsManager).ToList();
        foreach (string key in byKey.Keys)
            if (!secrets.Any(s => s.Name == key || s.Arn == key))
                WriteWarning($"-ResourcePolicy names '{key}', which is not a Secrets Manager secret in the input: its policy is not used.");
        return secret =>
            byKey.TryGetValue(secret.Name, out var policy) ? policy
            : secret.Arn is not null && byKey.TryGetValue(secret.Arn, out policy) ? policy : null;
    }

    private static string ImportJson(List<CloudFormationImportItem> imports)
    {
        var list = imports.Select(i => new Dictionary<string, object>
        {
            ["ResourceType"] = i.ResourceType,
            ["LogicalResourceId"] = i.LogicalResourceId,
            ["ResourceIdentifier"] = i.ResourceIdentifier.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value),
        });
        return JsonSerializer.Serialize(list, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
