using System.Collections.Generic;

namespace SecretsTools.SecretsManager.Model;

/// <summary>
/// Allows you to add filters when you use the search function in Secrets Manager.
/// </summary>
internal class Filter
{
    /// <summary>
    /// The following are keys you can use: description: Prefix match, not case-sensitive. Values: see <see
    /// cref="FilterNameStringType"/>.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>The keyword to filter for.</summary>
    public List<string> Values { get; set; } = new();
}
