using System.Collections;
using System.Collections.Generic;

namespace SecretsTools.Stores;

/// <summary>Tags as SecretInfo shows them: a case-sensitive Hashtable, as AWS tag keys are case-sensitive.</summary>
internal static class TagTable
{
    public static Hashtable From(IEnumerable<KeyValuePair<string, string>>? tags)
    {
        var table = new Hashtable();
        if (tags is null) return table;
        foreach (var (key, value) in tags) table[key] = value;
        return table;
    }
}
