using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using SecretsTools.Stores;

namespace SecretsTools.Values;

/// <summary>
/// Changes some keys of a JSON key-value secret and keeps the rest as they are: Set-Secret
/// NAME#field and Set-Secret -Merge. A key matches exactly, else without regard to case (as
/// Get-Secret -Key reads it), so the stored spelling is kept; a $null value removes the key.
/// </summary>
internal static class JsonMerge
{
    public static string Apply(string currentText, IDictionary changes, string name)
    {
        var current = JsonValues.TryParseObject(currentText)
            ?? throw new SecretStoreException(ErrorIds.SecretNotJson, ErrorCategory.InvalidData, name,
                $"Secret '{name}' does not hold a JSON object, so its keys cannot be changed one by one; nothing was written. Write the whole value with -Secret.");
        JsonObject updates;
        try { updates = JsonValues.FromDictionary(changes); }
        catch (JsonShapeException ex)
        {
            throw new SecretStoreException(ex.ErrorId, ErrorCategory.InvalidData, name,
                $"A new value for '{name}' cannot be stored as JSON: {ex.Message}; nothing was written.");
        }
        catch (ArgumentException ex)
        {
            throw new SecretStoreException(ErrorIds.UnsupportedSecretType, ErrorCategory.InvalidType, name,
                $"A new value for '{name}' cannot be stored as JSON ({ex.Message.TrimEnd('.')}); nothing was written.");
        }
        foreach (var (key, node) in updates.ToList())
        {
            string stored = current.Select(p => p.Key).FirstOrDefault(k => k == key)
                ?? current.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                ?? key;
            updates.Remove(key); // a node belongs to one parent
            if (node is null) current.Remove(stored);
            else current[stored] = node;
        }
        return current.ToJsonString(JsonValues.StoredJson);
    }
}
