using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using SecretsTools.Exchange;
using SecretsTools.Model;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Commands;

/// <summary>
/// Import-Secret: writes the entries of .env, JSON or PowerShell data files, or of hashtables,
/// as secrets, one secret per entry. All input is read and checked (every file parsed, every name
/// and value validated) before the first write, so bad input writes nothing. Safe to run again:
/// entries whose secret already holds the value are Unchanged (SecretImporter).
/// </summary>
// The default set is InputObject's: with Path's, PowerShell never tries to bind a piped hashtable by value.
[Cmdlet(VerbsData.Import, "Secret", SupportsShouldProcess = true, DefaultParameterSetName = InputObjectSet, HelpUri = HelpUris.Docs + "Import-Secret.md")]
[OutputType(typeof(SecretImportResult))]
public sealed class ImportSecretCommand : SecretCmdletBase
{
    private const string PathSet = "Path";
    private const string InputObjectSet = "InputObject";
    private const string ImportAction = "Import";

    private readonly List<PendingEntry> _entries = new();
    private bool _inputInvalid;

    /// <summary>The files to import; wildcards are expanded. Get-ChildItem output binds by PSPath.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath")]
    public string[] Path { get; set; } = Array.Empty<string>();

    /// <summary>The files' format; default: from each file's name (.env, .json, .psd1).</summary>
    [Parameter(ParameterSetName = PathSet)]
    public SecretFileFormat? Format { get; set; }

    /// <summary>Hashtables of names to values (strings or SecureStrings).</summary>
    [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
    public IDictionary[] InputObject { get; set; } = Array.Empty<IDictionary>();

    /// <summary>Put before each entry's name, as it is: end it with '/' for a path. May begin with ssm: or sm:.</summary>
    [Parameter]
    public string Prefix { get; set; } = "";

    /// <summary>Parameter Store type; default SecureString for new parameters, an existing one's own type otherwise.</summary>
    [Parameter]
    [ValidateSet("SecureString", "String")]
    public string? Type { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == PathSet)
            foreach (string raw in Path) ReadFiles(raw);
        else
            foreach (var table in InputObject) ReadTable(table);
    }

    protected override void EndProcessing()
    {
        if (_inputInvalid) return; // each problem has had its error; nothing is written
        var planned = Plan();
        if (planned is null) return;
        if (planned.Count == 0)
        {
            WriteVerbose("There were no entries to import.");
            return;
        }

        var approved = planned.Where(p => ShouldProcessOrExplain($"{p.Request.Name} ({StoreNames.Display(p.Key.Kind)})", ImportAction)).ToList();
        var current = ReadCurrent(approved);
        for (int i = 0; i < approved.Count; i++)
        {
            var entry = approved[i];
            var (result, error) = Await(SecretImporter.ImportAsync(StoreFor(entry.Key), entry.Request, current[i], entry.Source, CancellationToken));
            if (error is not null) WriteError(error);
            else WriteVerbose($"Imported '{result.Name}' into {StoreNames.Display(result.Store)}: {result.Outcome}{(result.Version is null ? "" : ", version " + result.Version)}.");
            WriteObject(result);
        }
    }

    /// <summary>
    /// Every entry resolved to its store and name, checked as a write, with no name twice; null
    /// when any is not (its error is written), since an import is all or nothing until it writes.
    /// </summary>
    private List<PlannedEntry>? Plan()
    {
        var planned = new List<PlannedEntry>();
        var sources = new Dictionary<(StoreKey, string), string>();
        bool valid = true;
        foreach (var entry in _entries)
        {
            string raw = Prefix + entry.Name;
            try
            {
                var reference = ResolveForChange(raw);
                if (reference.Key is not null || reference.Region is not null)
                    throw new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, raw,
                        $"'{raw}' ({entry.Source}) is not a secret name: {(reference.Key is not null ? "'#' begins a field" : "Import-Secret takes names, not ARNs")}; nothing was imported.");
                if (Type is not null && reference.Store == SecretStoreKind.SecretsManager)
                    ThrowTerminatingError(new SecretStoreException(ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, raw,
                        $"-Type is a Parameter Store setting, but '{raw}' goes to Secrets Manager, which has no types; nothing was imported. "
                        + "Leave out -Type, or import into Parameter Store (-Store ParameterStore or a 'ssm:' -Prefix).").ToErrorRecord());
                var key = KeyFor(reference);
                var store = StoreFor(key);
                store.ValidateName(reference.Name);
                var request = new SecretWriteRequest(reference.Name, SecretValue.FromText(entry.Value)) { ParameterType = Type };
                store.ValidateWrite(request);
                if (sources.TryGetValue((key, reference.Name), out string? first))
                    throw new SecretStoreException(ErrorIds.DuplicateSecretName, ErrorCategory.InvalidData, reference.Name,
                        $"'{reference.Name}' is given twice ({first} and {entry.Source}); nothing was imported.");
                sources[(key, reference.Name)] = entry.Source;
                planned.Add(new PlannedEntry(key, request, entry.Source));
            }
            catch (SecretStoreException ex)
            {
                WriteError(ex.Message.EndsWith("nothing was imported.", StringComparison.Ordinal) ? ex
                    : new SecretStoreException(ex.ErrorId, ex.Category, ex.SecretName ?? raw, $"{ex.Message.TrimEnd('.')} ({entry.Source}); nothing was imported."));
                valid = false;
            }
        }
        return valid ? planned : null;
    }

    /// <summary>What each entry's secret holds now, in as few calls as the stores batch (10 or 20 names a call).</summary>
    private SecretReadResult[] ReadCurrent(List<PlannedEntry> entries)
    {
        var current = new SecretReadResult[entries.Count];
        foreach (var group in entries.Select((e, i) => (Entry: e, Index: i)).GroupBy(x => x.Entry.Key))
        {
            var members = group.ToList();
            var read = Await(StoreFor(group.Key).ReadAsync(members.Select(m => new SecretReadRequest(m.Entry.Request.Name)).ToList(), CancellationToken));
            for (int i = 0; i < members.Count; i++) current[members[i].Index] = read[i];
        }
        return current;
    }

    private void ReadFiles(string raw)
    {
        IReadOnlyList<string> files;
        try
        {
            files = GetResolvedProviderPathFromPSPath(raw, out var provider) is { } resolved && provider.Name == "FileSystem"
                ? resolved.ToList()
                : throw new SecretStoreException(ErrorIds.SecretFileNotFound, ErrorCategory.InvalidArgument, raw,
                    $"'{raw}' is not a file system path; nothing was imported.");
        }
        catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
        {
            files = Array.Empty<string>();
        }
        catch (SecretStoreException ex)
        {
            Invalid(ex);
            return;
        }
        if (files.Count == 0)
        {
            Invalid(new SecretStoreException(ErrorIds.SecretFileNotFound, ErrorCategory.ObjectNotFound, raw,
                $"No file matches '{raw}'; nothing was imported."));
            return;
        }
        foreach (string file in files) ReadFile(file);
    }

    private void ReadFile(string file)
    {
        try
        {
            if (Directory.Exists(file))
                throw new SecretFileFormatException("it is a directory, not a file.");
            var format = Format ?? SecretFileFormats.FromPath(file)
                ?? throw new SecretFileFormatException("its format cannot be told from its name; give -Format DotEnv, Json or PowerShell.");
            var entries = SecretFileFormats.Parse(format, SecretFileFormats.ReadText(file));
            WriteVerbose($"Read {entries.Count} entries from '{file}' ({format}).");
            foreach (var entry in entries)
                _entries.Add(new PendingEntry(entry.Name, entry.Value, entry.Line is null ? file : $"{file}:{entry.Line}"));
        }
        catch (SecretFileFormatException ex)
        {
            Invalid(new SecretStoreException(ErrorIds.InvalidSecretFile, ErrorCategory.InvalidData, file,
                $"'{file}' cannot be imported: {Lower(ex.Message)} Nothing was imported."));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Invalid(new SecretStoreException(ErrorIds.InvalidSecretFile, ErrorCategory.ReadError, file,
                $"'{file}' cannot be read: {ex.Message} Nothing was imported."));
        }
    }

    private void ReadTable(IDictionary table)
    {
        foreach (DictionaryEntry item in table)
        {
            string name = Convert.ToString(item.Key is PSObject k ? k.BaseObject : item.Key, CultureInfo.InvariantCulture) ?? "";
            object? value = item.Value is PSObject p ? p.BaseObject : item.Value;
            switch (value)
            {
                case string text:
                    _entries.Add(new PendingEntry(name, text, "InputObject"));
                    break;
                case SecureString secure:
                    _entries.Add(new PendingEntry(name, SecureStrings.ToPlainText(secure), "InputObject"));
                    break;
                default:
                    Invalid(new SecretStoreException(ErrorIds.UnsupportedSecretType, ErrorCategory.InvalidType, name,
                        $"The value of '{name}' is {(value is null ? "$null" : "a " + value.GetType().Name)}; Import-Secret takes strings and SecureStrings. Nothing was imported."));
                    break;
            }
        }
    }

    private void Invalid(SecretStoreException error)
    {
        _inputInvalid = true;
        WriteError(error);
    }

    /// <summary>"Line 3: the ..." reads on after "cannot be imported:" as "line 3: the ...".</summary>
    private static string Lower(string message) =>
        message.Length > 0 && char.IsUpper(message[0]) && !message.StartsWith("JSON", StringComparison.Ordinal)
            ? char.ToLowerInvariant(message[0]) + message[1..] : message;

    private sealed record PendingEntry(string Name, string Value, string Source)
    {
        // A record would print the value.
        public override string ToString() => $"{Name} ({Source})";
    }

    private sealed record PlannedEntry(StoreKey Key, SecretWriteRequest Request, string Source);
}
