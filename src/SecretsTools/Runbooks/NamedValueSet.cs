using System;
using System.Collections.Generic;
using System.Management.Automation;
using SecretsTools.Exchange;
using SecretsTools.Reading;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Runbooks;

/// <summary>
/// Gathers values under the names they will be handed over by (environment variables, export
/// entries), expanding JSON objects into one name per key when asked. Two values under one name
/// (compared ignoring case: DB_PASSWORD and db_password are a mistake on any system) are an error
/// that names both sources, raised before anything is run or written.
/// </summary>
internal sealed class NamedValueSet
{
    private readonly List<SecretFileEntry> _entries = new();
    private readonly Dictionary<string, string> _sources = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<SecretFileEntry> Entries => _entries;

    /// <summary>Where a name's value came from (a reference, a secret and key), for messages; never the value.</summary>
    public string SourceOf(string name) => _sources[name];

    /// <summary>
    /// One read value: under its own name, or with expandJson and a JSON object value (and no
    /// #field in the reference), one entry per key, named by nameFor(key). A name nameFor cannot
    /// make is SecretStoreException(InvalidEnvironmentName) for that secret.
    /// </summary>
    public void Add(SecretReadOutcome outcome, bool expandJson, Func<string?, string> nameFor)
    {
        var value = outcome.Result!.Value!;
        string source = outcome.Input == outcome.Name ? outcome.Name : $"{outcome.Input} ({outcome.Name})";
        string? field = outcome.Reference?.Key;
        if (expandJson && field is null && SecretText.IsJsonObject(value))
        {
            foreach (var (key, text) in SecretText.Fields(value, outcome.Name)) Add(Named(nameFor, key, outcome.Name), $"{source}#{key}", text);
            return;
        }
        Add(Named(nameFor, null, outcome.Name), source, SecretText.Of(value, field, outcome.Name));
    }

    public void Add(string name, string source, string text)
    {
        if (_sources.TryGetValue(name, out var existing))
            throw new SecretStoreException(ErrorIds.NameCollision, ErrorCategory.InvalidData, null,
                $"Two values would be named '{name}': {existing} and {source}. Choose the names with -NameTransform or name them in -Environment.");
        _sources[name] = source;
        _entries.Add(new SecretFileEntry(name, text));
    }

    private static string Named(Func<string?, string> nameFor, string? key, string secret)
    {
        try
        {
            return nameFor(key);
        }
        catch (ArgumentException ex)
        {
            throw new SecretStoreException(ErrorIds.InvalidEnvironmentName, ErrorCategory.InvalidData, secret, ex.Message);
        }
    }
}
