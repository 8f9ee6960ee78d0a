using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Caching;
using SecretsTools.Exchange;
using SecretsTools.Model;
using SecretsTools.Reading;
using SecretsTools.Runbooks;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// Invoke-WithSecret: reads secrets (all of them, in batches, before anything runs), puts them in
/// environment variables, runs a script block or a program, and puts the variables back as they
/// were afterwards, also when the script fails or Ctrl+C stops it. Output streams through as the
/// script or program writes it; nothing of it is kept or logged by this cmdlet.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "WithSecret", DefaultParameterSetName = ScriptSet, HelpUri = HelpUris.Docs + "Invoke-WithSecret.md")]
[OutputType(typeof(object))]
public sealed class InvokeWithSecretCommand : SecretReadingCmdletBase
{
    private const string ScriptSet = "ScriptBlock";
    private const string ProgramSet = "FilePath";

    /// <summary>Variable names to references: @{ DB_PASSWORD = 'sm:prod/db#password' }.</summary>
    [Parameter]
    public IDictionary? Environment { get; set; }

    /// <summary>A Parameter Store path whose values all become variables (names relative to it).</summary>
    [Parameter]
    public string? Path { get; set; }

    /// <summary>With -Path: the whole subtree.</summary>
    [Parameter]
    public SwitchParameter Recurse { get; set; }

    /// <summary>A Secrets Manager name prefix whose secrets all become variables (names relative to it).</summary>
    [Parameter]
    public string? Prefix { get; set; }

    /// <summary>A JSON object value becomes one variable per key (NAME_KEY) instead of one holding the JSON.</summary>
    [Parameter]
    public SwitchParameter ExpandJson { get; set; }

    /// <summary>With -Path or -Prefix: variables are named from full names (APP_PROD_DB_PASSWORD), not relative ones.</summary>
    [Parameter]
    public SwitchParameter FullName { get; set; }

    /// <summary>
    /// Chooses the variable name of each value read through -Path or -Prefix: $_ (and the first
    /// argument) is the name relative to the root, the second the JSON key with -ExpandJson (else $null).
    /// </summary>
    [Parameter]
    public ScriptBlock? NameTransform { get; set; }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ScriptSet)]
    public ScriptBlock ScriptBlock { get; set; } = null!;

    /// <summary>A program to run instead of a script block; it inherits the variables.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ProgramSet)]
    public string FilePath { get; set; } = "";

    /// <summary>Arguments for the script block ($args) or the program.</summary>
    [Parameter]
    [Alias("Args")]
    public object[] ArgumentList { get; set; } = Array.Empty<object>();

    protected override void EndProcessing()
    {
        if (Environment is null && Path is null && Prefix is null)
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Give -Environment, -Path or -Prefix: the secrets to put in the environment."),
                ErrorIds.InvalidParameterCombination, ErrorCategory.InvalidArgument, null));
        var values = Gather();
        Run(values);
    }

    /// <summary>Every value, under its variable name, or a terminating error before anything ran.</summary>
    private NamedValueSet Gather()
    {
        var reader = CreateReader();
        var set = new NamedValueSet();
        int failed = 0;
        void Take(Action add)
        {
            try { add(); }
            catch (SecretStoreException ex) when (ex.ErrorId != ErrorIds.NameCollision)
            {
                failed++;
                WriteError(ex);
            }
        }

        if (Environment is not null)
        {
            var pairs = new List<(string Variable, string Reference)>();
            foreach (DictionaryEntry entry in Environment)
            {
                string variable = entry.Key?.ToString() ?? "";
                CheckVariableName(variable, source: entry.Value?.ToString() ?? "");
                if (entry.Value is not string reference || string.IsNullOrWhiteSpace(reference))
                    ThrowTerminatingError(new SecretStoreException(ErrorIds.InvalidSecretReference, ErrorCategory.InvalidArgument, null,
                        $"-Environment maps '{variable}' to something that is not a secret reference; give a name such as 'sm:prod/db#password'.").ToErrorRecord());
                pairs.Add((variable, (string)entry.Value!));
            }
            var outcomes = reader.ReadAll(pairs.Select(p => p.Reference).ToList());
            var variableOf = pairs.GroupBy(p => p.Reference).ToDictionary(g => g.Key, g => g.Select(p => p.Variable).ToList());
            var used = new Dictionary<string, int>();
            foreach (var outcome in outcomes)
            {
                // The same reference may feed two variables: each occurrence takes the next one.
                var variables = variableOf[outcome.Input];
                used.TryGetValue(outcome.Input, out int n);
                string variable = variables[Math.Min(n, variables.Count - 1)];
                if (outcome.Reference is not null) used[outcome.Input] = n + 1;
                if (outcome.Error is not null) { failed++; WriteError(outcome.Error); continue; }
                Collide(() => Take(() => set.Add(outcome, ExpandJson, key => key is null ? variable : variable + "_" + EnvironmentNames.For(key))));
            }
        }
        if (Path is not null) ReadTree(reader, set, Path, SecretStoreKind.ParameterStore, ref failed, Take);
        if (Prefix is not null) ReadTree(reader, set, Prefix, SecretStoreKind.SecretsManager, ref failed, Take);

        if (failed > 0)
            ThrowTerminatingError(new SecretStoreException(ErrorIds.SecretsUnavailable, ErrorCategory.ResourceUnavailable, null,
                $"{failed} secret(s) could not be read or named; nothing was run.").ToErrorRecord());
        foreach (var entry in set.Entries) CheckVariableName(entry.Name, set.SourceOf(entry.Name));
        return set;
    }

    private void ReadTree(SecretReader reader, NamedValueSet set, string raw, SecretStoreKind whenUnprefixed, ref int failed, Action<Action> take)
    {
        StoreKey key;
        string root;
        try { (key, root) = ResolvePath(raw, whenUnprefixed); }
        catch (SecretStoreException ex) { ThrowTerminatingError(ex.ToErrorRecord()); throw; }
        var query = key.Kind == SecretStoreKind.ParameterStore && root.StartsWith('/')
            ? new SecretListQuery { Path = root, Recurse = Recurse }
            : new SecretListQuery { NamePattern = root + "*" };
        int found = 0, failures = 0;
        try
        {
            reader.ReadMatching(key, query, raw, outcome =>
            {
                found++;
                if (outcome.Error is not null) { failures++; WriteError(outcome.Error); return; }
                string name = FullName ? outcome.Name : EntryNames.Relative(outcome.Name, root);
                Collide(() => take(() => set.Add(outcome, ExpandJson, field => EntryNames.For(NameTransform, name, field))));
            });
        }
        catch (SecretStoreException ex) { ThrowTerminatingError(ex.ToErrorRecord()); }
        failed += failures;
        if (found == 0)
            ThrowTerminatingError(new SecretStoreException(ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound, root,
                $"Nothing was found under '{root}' in {StoreNames.Display(key.Kind)}; nothing was run.").ToErrorRecord());
    }

    /// <summary>A name collision is a mistake in the command, not a failed secret: it stops everything at once.</summary>
    private void Collide(Action add)
    {
        try { add(); }
        catch (SecretStoreException ex) when (ex.ErrorId == ErrorIds.NameCollision) { ThrowTerminatingError(ex.ToErrorRecord()); }
    }

    private void CheckVariableName(string name, string source)
    {
        if (name.Length == 0 || name.IndexOfAny(new[] { '=', '\0' }) >= 0 || name.Any(char.IsWhiteSpace))
            ThrowTerminatingError(new SecretStoreException(ErrorIds.InvalidEnvironmentName, ErrorCategory.InvalidArgument, null,
                $"'{name}' (for {source}) cannot be an environment variable name: it must be non-empty, without '=' or spaces.").ToErrorRecord());
    }

    /// <summary>Sets the variables, runs, and restores every variable's previous value (or absence) whatever happens.</summary>
    private void Run(NamedValueSet values)
    {
        var previous = values.Entries.Select(v => (v.Name, Value: System.Environment.GetEnvironmentVariable(v.Name))).ToList();
        try
        {
            foreach (var entry in values.Entries)
            {
                WriteVerbose($"Setting ${"env:"}{entry.Name} from {values.SourceOf(entry.Name)}.");
                System.Environment.SetEnvironmentVariable(entry.Name, entry.Value);
            }
            object target = ParameterSetName == ProgramSet ? FilePath : ScriptBlock;
            // A steppable pipeline joined to this cmdlet streams the script's or program's output,
            // errors and other records through as they come, and PowerShell sets $LASTEXITCODE for a
            // program as it does for any native command.
            var pipeline = ScriptBlock.Create("param($__command, $__arguments) & $__command @__arguments").GetSteppablePipeline(CommandOrigin.Internal, new object[] { target, ArgumentList });
            try
            {
                pipeline.Begin(this);
                pipeline.End();
            }
            finally
            {
                pipeline.Dispose();
            }
        }
        finally
        {
            foreach (var (name, value) in previous) System.Environment.SetEnvironmentVariable(name, value);
        }
    }
}
