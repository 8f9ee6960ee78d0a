using System;
using System.Collections.Generic;
using System.Management.Automation;
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
    private readonly List<NamedValue> _values = new();
    private readonly Dictionary<string, NamedValue> _byName = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<NamedValue> Values => _values;

    /// <summary>
    /// One read value: under its own name, or with expandJson and a JSON object value (and no
    /// #field in the reference), one entry per key, named by nameFor(key).
    /// </summary>
    public void Add(SecretReadOutcome outcome, bool expandJson, Func<string?, string> nameFor)
    {
        var value = outcome.Result!.Value!;
        string source = outcome.Input == outcome.Name ? outcome.Name : $"{outcome.Input} ({outcome.Name})";
        string? field = outcome.Reference?.Key;
        if (expandJson && field is null && SecretText.IsJsonObject(value))
        {
            foreach (var (key, text) in SecretText.Fields(value, outcome.Name)) Add(nameFor(key), $"{source}#{key}", text);
            return;
        }
        Add(nameFor(null), source, SecretText.Of(value, field, outcome.Name));
    }

    public void Add(string name, string source, string text)
    {
        if (_byName.TryGetValue(name, out var existing))
            throw new SecretStoreException(ErrorIds.NameCollision, ErrorCategory.InvalidData, null,
                $"Two values would be named '{name}': {existing.Source} and {source}. Choose the names with -NameTransform or name them in -Environment.");
        var named = new NamedValue(name, source, text);
        _byName[name] = named;
        _values.Add(named);
    }
}
