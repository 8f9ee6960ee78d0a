using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace SecretsTools.CloudFormation;

/// <summary>
/// Logical ids from names: a kind prefix, then each run of letters and digits of the name with its
/// first letter upper-cased ("/app/db-url" becomes ParameterAppDbUrl). Ids are alphanumeric, as
/// CloudFormation requires, and the same names give the same ids on every export, so a stack
/// updated from a new export keeps its resources. Names that differ only in punctuation would
/// collide: every name of a colliding id then gets 8 hex characters of its name's SHA-256, which
/// depends on the name alone, not on what else is exported or in which order. Ids of different
/// kinds cannot meet: each kind has its own leading word (Secret, Parameter, Rotation, Policy,
/// Value), and none of these words begins another.
/// </summary>
internal static class CfnLogicalIds
{
    // CloudFormation allows 255; room is left for the suffixes (Value, Rotation, Policy) and a hash.
    private const int MaxStem = 200;

    /// <summary>Each name's id part (without a kind word), deduplicated as described above.</summary>
    public static Dictionary<string, string> Stems(IEnumerable<string> names)
    {
        var byStem = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (string name in names)
        {
            string stem = Stem(name);
            if (!byStem.TryGetValue(stem, out var list)) byStem[stem] = list = new List<string>();
            if (!list.Contains(name)) list.Add(name);
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (stem, list) in byStem)
            foreach (string name in list)
                result[name] = list.Count == 1 ? stem : stem + Hash(name);
        return result;
    }

    private static string Stem(string name)
    {
        var id = new StringBuilder();
        bool upper = true;
        foreach (char c in name)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9')
            {
                id.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else upper = true;
        }
        if (id.Length == 0) return Hash(name); // a name of punctuation only
        return id.Length > MaxStem ? id.ToString(0, MaxStem) + Hash(name) : id.ToString();
    }

    internal static string Hash(string name) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0, 4);
}
