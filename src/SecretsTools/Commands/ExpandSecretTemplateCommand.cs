using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Caching;
using SecretsTools.Exchange;
using SecretsTools.Reading;
using SecretsTools.Runbooks;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Commands;

/// <summary>
/// Expand-SecretTemplate: replaces {{ reference }} placeholders in a file or in piped strings with
/// secret values. Every reference is read first, in batches; if any cannot be read, nothing is
/// written or returned. A destination file is written owner-only and atomically (OwnerOnlyFile).
/// </summary>
[Cmdlet(VerbsData.Expand, "SecretTemplate", DefaultParameterSetName = TextSet, SupportsShouldProcess = true, HelpUri = HelpUris.Docs + "Expand-SecretTemplate.md")]
[OutputType(typeof(string), ParameterSetName = new[] { TextSet, PathSet })]
[OutputType(typeof(FileInfo), ParameterSetName = new[] { TextSet, PathSet })]
public sealed class ExpandSecretTemplateCommand : SecretReadingCmdletBase
{
    private const string TextSet = "Text";
    private const string PathSet = "Path";

    private readonly List<string> _texts = new();

    /// <summary>Template text, for example lines from Get-Content; all of the pipeline's lines are expanded together.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = TextSet)]
    [AllowEmptyString]
    public string[] InputObject { get; set; } = Array.Empty<string>();

    /// <summary>A template file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet)]
    [Alias("FullName")]
    public string Path { get; set; } = "";

    /// <summary>The file to write the result to, owner-only (0600) and atomically. Without it, the result is output.</summary>
    [Parameter]
    public string? Destination { get; set; }

    /// <summary>With -Destination: refuse to replace an existing file.</summary>
    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>With -Destination: output the written file.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == TextSet) _texts.AddRange(InputObject);
    }

    protected override void EndProcessing()
    {
        string? destination = Destination is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
        if (ParameterSetName == PathSet) _texts.Add(ReadTemplate());
        var values = ReadValues(SecretTemplate.References(_texts));
        var rendered = _texts.Select(t => SecretTemplate.Render(t, values)).ToList();
        if (destination is null)
        {
            foreach (string text in rendered) WriteObject(text);
            return;
        }
        // Piped lines come without their line ends: join them back as lines.
        string content = ParameterSetName == PathSet ? rendered[0] : string.Join(System.Environment.NewLine, rendered) + System.Environment.NewLine;
        OwnerOnlyFileOutput.Write(this, destination, content, "Write expanded template (owner-only)", NoClobber, PassThru);
    }

    private string ReadTemplate()
    {
        string path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(new ErrorRecord(new IOException($"Could not read the template '{path}': {ex.Message}"), ErrorIds.FileReadFailed, ErrorCategory.ReadError, path));
            throw; // unreachable
        }
    }

    /// <summary>Every reference's text, or one error per reference that cannot be read and a terminating error.</summary>
    private IReadOnlyDictionary<string, string> ReadValues(IReadOnlyList<string> references)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (references.Count == 0) return values;
        WriteVerbose($"The template has {references.Count} distinct reference(s).");
        var reader = CreateReader();
        int failed = 0;
        // A placeholder stands for one value: a wildcard would be a listing.
        foreach (string wildcard in references.Where(r => WildcardPattern.ContainsWildcardCharacters(r)))
        {
            failed++;
            WriteError(new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, wildcard,
                $"'{wildcard}' has wildcards; a template placeholder names one secret."));
        }
        foreach (var outcome in reader.ReadAll(references.Where(r => !WildcardPattern.ContainsWildcardCharacters(r)).ToList()))
        {
            try
            {
                if (outcome.Error is not null) throw outcome.Error;
                values[outcome.Input] = SecretText.Of(outcome.Result!.Value!, outcome.Reference!.Key, outcome.Name);
            }
            catch (SecretStoreException ex)
            {
                failed++;
                WriteError(ex);
            }
        }
        if (failed > 0)
            ThrowTerminatingError(new SecretStoreException(ErrorIds.SecretsUnavailable, ErrorCategory.ResourceUnavailable, null,
                $"{failed} reference(s) of the template could not be read; nothing was written.").ToErrorRecord());
        return values;
    }
}
