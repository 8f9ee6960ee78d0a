using System;
using System.Management.Automation;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Migration;

/// <summary>
/// Plan items as they come back from a review: SecretMigrationPlanItem objects, or the records
/// Import-Csv and ConvertFrom-Json make of them (strings by property name). A record that is not
/// a plan item is one error, by its destination name.
/// </summary>
internal static class PlanItems
{
    public static SecretMigrationPlanItem From(object input)
    {
        object value = input is PSObject { BaseObject: not PSCustomObject } wrapped ? wrapped.BaseObject : input;
        if (value is SecretMigrationPlanItem item) return item;
        var record = input as PSObject ?? new PSObject(input);
        string destination = Text(record, nameof(SecretMigrationPlanItem.DestinationName)) ?? "";
        try
        {
            return new SecretMigrationPlanItem
            {
                SourceStore = Enum<SecretStoreKind>(record, nameof(SecretMigrationPlanItem.SourceStore)),
                SourceNames = Required(record, nameof(SecretMigrationPlanItem.SourceNames)),
                Keys = Text(record, nameof(SecretMigrationPlanItem.Keys)) ?? "",
                DestinationStore = Enum<SecretStoreKind>(record, nameof(SecretMigrationPlanItem.DestinationStore)),
                DestinationName = Required(record, nameof(SecretMigrationPlanItem.DestinationName)),
                Type = Text(record, nameof(SecretMigrationPlanItem.Type)) is { Length: > 0 } type ? type : null,
                Action = Enum<SecretMigrationAction>(record, nameof(SecretMigrationPlanItem.Action)),
                Reason = Text(record, nameof(SecretMigrationPlanItem.Reason)),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or PSInvalidCastException or FormatException)
        {
            throw new SecretStoreException(ErrorIds.InvalidPlanItem, ErrorCategory.InvalidData, destination.Length == 0 ? null : destination,
                $"A plan item{(destination.Length == 0 ? "" : $" for '{destination}'")} is not usable: {ex.Message.TrimEnd('.')}. Make plans with New-SecretMigrationPlan.");
        }
    }

    private static string? Text(PSObject record, string name) => record.Properties[name]?.Value?.ToString();

    private static string Required(PSObject record, string name) =>
        Text(record, name) is { Length: > 0 } text ? text : throw new ArgumentException($"it has no {name}");

    private static T Enum<T>(PSObject record, string name) where T : struct, Enum =>
        System.Enum.TryParse(Required(record, name), ignoreCase: true, out T parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : throw new ArgumentException($"{name} '{Text(record, name)}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
}
