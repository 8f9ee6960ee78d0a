using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using SecretsTools.Caching;
using SecretsTools.Exchange;
using SecretsTools.Model;
using SecretsTools.Reading;
using SecretsTools.Runbooks;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Commands;

/// <summary>
/// Export-Secret: writes secrets as a .env, JSON or PowerShell data document, to an owner-only
/// file or to the pipeline. Entries are named as Invoke-WithSecret names variables, sorted, one
/// per key of a JSON secret. Plain text leaves only with -AsPlainText; without it the pipeline
/// gets the document as a SecureString. Every value is read (in batches) before anything is
/// written, and a failure writes nothing.
/// </summary>
[Cmdlet(VerbsData.Export, "Secret", SupportsShouldProcess = true, HelpUri = HelpUris.Docs + "Export-Secret.md")]
[OutputType(typeof(SecureString), typeof(string), typeof(FileInfo))]
public sealed class ExportSecretCommand : SecretReadingCmdletBase
{
    private readonly List<SecretReadOutcome> _outcomes = new();
    private readonly List<(SecretReadOutcome Outcome, string Root)> _matches = new();
    private SecretReader _reader = null!;
    private int _failed;

    /// <summary>Names, ssm:/sm: references, ARNs (with #field), or wildcards such as ssm:/app/prod/*; SecretInfo objects bind by property name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("SecretId")]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(Completion.SecretNameCompleter))]
    public string[] Name { get; set; } = Array.Empty<string>();

    [Parameter]
    public SecretFileFormat Format { get; set; } = SecretFileFormat.DotEnv;

    /// <summary>The file to write, owner-only (0600) and atomically. Without it, the document is output.</summary>
    [Parameter]
    public string? Path { get; set; }

    /// <summary>Required to write a file or to output plain text: the document holds the values in clear.</summary>
    [Parameter]
    public SwitchParameter AsPlainText { get; set; }

    /// <summary>Entries are named from full names, not from names relative to a wildcard's fixed part.</summary>
    [Parameter]
    public SwitchParameter FullName { get; set; }

    /// <summary>A JSON secret is exported as one entry holding its JSON text, not one entry per key.</summary>
    [Parameter]
    public SwitchParameter NoExpandJson { get; set; }

    /// <summary>Chooses each entry's name: $_ (and the first argument) is the secret's name, the second the JSON key or $null.</summary>
    [Parameter]
    public ScriptBlock? NameTransform { get; set; }

    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void BeginProcessing()
    {
        if (Path is not null && !AsPlainText)
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(
                "An export file holds the values in plain text: add -AsPlainText to write it."), ErrorIds.AsPlainTextRequired, ErrorCategory.InvalidArgument, Path));
        _reader = CreateReader();
    }

    protected override void ProcessRecord()
    {
        foreach (string raw in Name)
        {
            ResolvedName name;
            try { name = _reader.Resolve(raw); }
            catch (SecretStoreException ex) { Fail(ex); continue; }
            if (!name.IsWildcard)
            {
                // Queued with this record's connection (a piped SecretInfo's Region), read in batches.
                if (_reader.Queue(name)) Take(_reader.Flush(KeyFor(name.Reference)));
                continue;
            }
            string root = FixedPart(name.Reference.Name);
            int found = 0;
            try
            {
                _reader.ReadMatching(KeyFor(name.Reference), new SecretListQuery { NamePattern = name.Reference.Name }, raw, outcome =>
                {
                    found++;
                    if (outcome.Error is not null) Fail(outcome.Error);
                    else _matches.Add((outcome, root));
                });
            }
            catch (SecretStoreException ex) { Fail(ex); continue; }
            if (found == 0)
                Fail(new SecretStoreException(ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound, raw, $"Nothing in {StoreNames.Display(name.Reference.Store)} matches '{raw}'."));
        }
    }

    protected override void EndProcessing()
    {
        foreach (var key in _reader.PendingStores) Take(_reader.Flush(key));
        var set = new NamedValueSet();
        foreach (var outcome in _outcomes) Add(set, outcome, root: null);
        foreach (var (outcome, root) in _matches) Add(set, outcome, root);
        if (_failed > 0)
            ThrowTerminatingError(new SecretStoreException(ErrorIds.SecretsUnavailable, ErrorCategory.ResourceUnavailable, null,
                $"{_failed} secret(s) could not be read or named; nothing was exported.").ToErrorRecord());

        string document;
        try
        {
            document = SecretFileFormats.Write(Format, set.Entries.OrderBy(e => e.Name, StringComparer.Ordinal));
        }
        catch (SecretFileFormatException ex)
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"Cannot export as {Format}: {ex.Message} Choose the names with -NameTransform."),
                ErrorIds.InvalidEnvironmentName, ErrorCategory.InvalidData, ex.Name));
            return;
        }
        if (Path is null)
        {
            WriteObject(AsPlainText ? document : SecureStrings.FromString(document));
            return;
        }
        OwnerOnlyFileOutput.Write(this, SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path), document,
            $"Export {set.Entries.Count} secret value(s) in plain text (owner-only file)", NoClobber, PassThru);
    }

    private void Take(IReadOnlyList<SecretReadOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            if (outcome.Error is not null) Fail(outcome.Error);
            else _outcomes.Add(outcome);
        }
    }

    private void Add(NamedValueSet set, SecretReadOutcome outcome, string? root)
    {
        string name = FullName || root is null ? outcome.Name : EntryNames.Relative(outcome.Name, root);
        try
        {
            set.Add(outcome, expandJson: !NoExpandJson, field => EntryNames.For(NameTransform, name, field));
        }
        catch (SecretStoreException ex) when (ex.ErrorId == ErrorIds.NameCollision)
        {
            ThrowTerminatingError(ex.ToErrorRecord()); // a naming mistake: no entry can be trusted
        }
        catch (SecretStoreException ex)
        {
            Fail(ex);
        }
    }

    private void Fail(SecretStoreException error)
    {
        _failed++;
        WriteError(error);
    }

    /// <summary>A wildcard's fixed part up to its last '/': names under ssm:/app/prod/* are relative to /app/prod/.</summary>
    private static string FixedPart(string pattern)
    {
        int wildcard = pattern.IndexOfAny(new[] { '*', '?', '[' });
        string fixedPart = wildcard < 0 ? pattern : pattern[..wildcard];
        int slash = fixedPart.LastIndexOf('/');
        return slash < 0 ? "" : fixedPart[..(slash + 1)];
    }
}
