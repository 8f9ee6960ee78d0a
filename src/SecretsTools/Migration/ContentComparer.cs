using System;
using System.Linq;
using System.Text.Json.Nodes;
using SecretsTools.Model;
using SecretsTools.Stores;
using SecretsTools.Values;

namespace SecretsTools.Migration;

/// <summary>Compares two values for Compare-Secret, naming the JSON keys that differ and nothing of the values.</summary>
internal static class ContentComparer
{
    public static (SecretComparisonStatus Status, string? DifferentKeys) Compare(SecretValue reference, SecretValue difference)
    {
        if (MigrationContent.Same(reference, difference)) return (SecretComparisonStatus.Match, null);
        var a = reference.Kind == SecretValueKind.Text ? JsonValues.TryParseObject(reference.Text ?? "") : null;
        var b = difference.Kind == SecretValueKind.Text ? JsonValues.TryParseObject(difference.Text ?? "") : null;
        if (a is null || b is null) return (SecretComparisonStatus.Differ, null);
        var keys = a.Select(p => p.Key).Union(b.Select(p => p.Key), StringComparer.Ordinal)
            .Where(k => !(a.TryGetPropertyValue(k, out var x) && b.TryGetPropertyValue(k, out var y) && JsonNode.DeepEquals(x, y)))
            .OrderBy(k => k, StringComparer.Ordinal);
        return (SecretComparisonStatus.Differ, string.Join(SecretMigrationPlanItem.ListSeparator, keys));
    }
}
