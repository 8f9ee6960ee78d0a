using System;
using System.Globalization;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// What a [pscustomobject] piped to Set-Secret means. A record is an object with a Secret or a
/// Value column, or with a Name column that bound -Name (Import-Csv rows, ConvertFrom-Json
/// items): its Secret (or Value: the same column under the name spreadsheets use) is the value,
/// and every column it has must mean what it says. Any other object is a value, stored as JSON.
/// </summary>
internal static class PipedSecretRecord
{
    public static object? ValueOf(object? piped, string name, bool nameFromCommandLine, SecretStoreKind? storeBound)
    {
        if (piped is not PSObject { BaseObject: PSCustomObject } record) return piped;
        var secret = record.Properties["Secret"];
        var value = record.Properties["Value"];
        var recordName = record.Properties["Name"];
        bool isRecord = secret is not null || value is not null || (recordName is not null && !nameFromCommandLine);
        if (!isRecord) return piped;

        if (secret is not null && value is not null)
            throw Invalid(name, "has both a Secret and a Value column; Value is another name for Secret, so give one of them.");
        string? given = recordName is null ? null : Convert.ToString(recordName.Value, CultureInfo.InvariantCulture);
        if (recordName is not null && nameFromCommandLine && !string.Equals(given, name, StringComparison.Ordinal))
            throw Invalid(name, $"names '{given}' in its Name column, but -Name is '{name}'; leave out -Name to use the records' names.");
        CheckStore(name, record.Properties["Store"]?.Value, storeBound);
        if (secret is null && value is null)
            throw Invalid(name, "has a Name column but no Secret or Value column, so it holds no value to write.");
        return (secret ?? value)!.Value;
    }

    /// <summary>
    /// PowerShell skips a pipeline property it cannot convert (Store = 'Bogus' or 'SSM'), which
    /// would send the value to the default store: the column is read here and must be a store name.
    /// </summary>
    private static void CheckStore(string name, object? column, SecretStoreKind? storeBound)
    {
        object? raw = column is PSObject p ? p.BaseObject : column;
        if (raw is null || raw is string { Length: 0 }) return; // an empty cell: the default store
        SecretStoreKind store;
        if (raw is SecretStoreKind kind) store = kind;
        else
        {
            string text = Convert.ToString(raw, CultureInfo.InvariantCulture) ?? "";
            if (int.TryParse(text, out _) || !Enum.TryParse(text.Trim(), ignoreCase: true, out store))
                throw Invalid(name, $"has '{Validation.Printable.Of(text)}' in its Store column, which is not a store: use ParameterStore or SecretsManager (or leave the cell empty for the default store).");
        }
        if (storeBound is not null && storeBound != store)
            throw Invalid(name, $"says Store {store}, but -Store is {storeBound}.");
    }

    private static SecretStoreException Invalid(string name, string why) =>
        new(ErrorIds.InvalidPipedRecord, ErrorCategory.InvalidData, name, $"The record piped for '{name}' {why} Nothing was written.");
}
