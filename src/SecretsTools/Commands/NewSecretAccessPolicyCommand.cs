using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using SecretsTools.Access;
using SecretsTools.Configuration;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// New-SecretAccessPolicy: an IAM identity policy with exactly the actions SecretsTools calls for
/// the chosen work (PermissionTable) on the named secrets. Calls no AWS API: it only writes JSON.
/// </summary>
[Cmdlet(VerbsCommon.New, "SecretAccessPolicy", HelpUri = HelpUris.Docs + "New-SecretAccessPolicy.md")]
[OutputType(typeof(string), typeof(OrderedDictionary))]
public sealed class NewSecretAccessPolicyCommand : PSCmdlet
{
    /// <summary>Names, ARNs, wildcards (prod/*) and paths (ssm:/app/), in the module's syntax.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    /// <summary>Read, Write, Manage, Rotate or Migrate (one or more); a string so an unknown one gets our ErrorId.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ArgumentCompleter(typeof(AccessCompleter))]
    public string[] Access { get; set; } = Array.Empty<string>();

    /// <summary>With -Access Migrate: the names written to (-Name are read from).</summary>
    [Parameter]
    public string[]? DestinationName { get; set; }

    [Parameter]
    public string? KmsKeyArn { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(Completion.RegionCompleter))]
    public string? Region { get; set; }

    [Parameter]
    public string AccountId { get; set; } = "*";

    [Parameter]
    public SwitchParameter AsHashtable { get; set; }

    private readonly List<string> _names = new();

    protected override void ProcessRecord() => _names.AddRange(Name);

    protected override void EndProcessing()
    {
        // One document from all piped names: any bad input stops it, and nothing is written.
        try
        {
            var access = ParseAccess();
            Validation.RegionRules.Validate(Region);
            PolicyResources.ValidateAccount(AccountId);
            if (KmsKeyArn is not null) PolicyResources.ValidateKeyArn(KmsKeyArn);
            bool migrate = access.Contains(SecretAccess.Migrate);
            if (migrate != DestinationName is { Length: > 0 })
                throw new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, null,
                    migrate ? "-Access Migrate reads -Name and writes -DestinationName: give -DestinationName too. No policy was written."
                            : "-DestinationName is for -Access Migrate only. No policy was written.");

            string region = string.IsNullOrWhiteSpace(Region) ? EffectiveRegion() : Region!;
            var store = SecretsToolsSettings.DefaultStore;
            // ARNs of China and GovCloud Regions are in their own partitions (arn:aws-cn:, arn:aws-us-gov:).
            string partition = ResourcePolicyDocument.PartitionOf(region);
            var targets = _names.Select(n => PolicyResources.For(n, store, partition, region, AccountId)).ToList();
            var destinations = (DestinationName ?? Array.Empty<string>()).Select(n => PolicyResources.For(n, store, partition, region, AccountId)).ToList();
            var document = new AccessPolicyBuilder(access, KmsKeyArn, region, AccountId, partition).Build(targets, destinations);
            WriteObject(AsHashtable ? document : PolicyJson.Write(document));
        }
        catch (SecretStoreException ex)
        {
            ThrowTerminatingError(ex.ToErrorRecord());
        }
    }

    private static string EffectiveRegion()
    {
        try { return EffectiveConfiguration.Capture().Region.Value is { Length: > 0 } r ? r : "*"; }
        catch (SecretStoreException) { return "*"; }
    }

    private HashSet<SecretAccess> ParseAccess()
    {
        var result = new HashSet<SecretAccess>();
        foreach (string a in Access)
        {
            if (!Enum.TryParse<SecretAccess>(a, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || a.Trim().All(char.IsAsciiDigit))
                throw new SecretStoreException(ErrorIds.UnknownAccessLevel, ErrorCategory.InvalidArgument, a,
                    $"-Access '{Validation.Printable.Of(a)}' is not one of {string.Join(", ", Enum.GetNames<SecretAccess>())}. No policy was written.");
            result.Add(parsed);
        }
        return result;
    }

    /// <summary>Completes -Access with the kinds of work.</summary>
    public sealed class AccessCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Enum.GetNames<SecretAccess>()
                .Where(n => n.StartsWith((wordToComplete ?? "").Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n, n, CompletionResultType.ParameterValue, n));
    }
}
