using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SecretsTools.Completion;

/// <summary>
/// The profile names in the shared AWS files, where the SDK looks for them: AWS_CONFIG_FILE (else
/// ~/.aws/config: [default] and [profile NAME]; [sso-session ...], [services ...] and other
/// sections are not profiles) and AWS_SHARED_CREDENTIALS_FILE (else ~/.aws/credentials: [NAME]).
/// Only section headers are read; nothing else in the files is kept.
/// </summary>
internal static class SharedConfigProfiles
{
    // Large enough for any real config; a bigger file is not one, and completion must stay quick.
    private const long MaxFileBytes = 4 * 1024 * 1024;

    private static readonly Regex Header = new(@"^\s*\[\s*(?<section>[^\]]*?)\s*\]", RegexOptions.Compiled);
    private static readonly Regex ConfigProfile = new(@"^(?:(?<name>default)|profile\s+(?<name>.+))$", RegexOptions.Compiled);

    public static IReadOnlyList<string> Names()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string section in Sections(FilePath("AWS_CONFIG_FILE", "config")))
        {
            var match = ConfigProfile.Match(section);
            if (match.Success) names.Add(match.Groups["name"].Value.Trim());
        }
        foreach (string section in Sections(FilePath("AWS_SHARED_CREDENTIALS_FILE", "credentials")))
            names.Add(section);
        names.Remove("");
        return names.ToList();
    }

    private static string FilePath(string variable, string fileName)
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string? configured = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(configured)) return Path.Combine(home, ".aws", fileName);
        return configured.StartsWith("~/", StringComparison.Ordinal) || configured.StartsWith("~\\", StringComparison.Ordinal)
            ? Path.Combine(home, configured[2..])
            : configured;
    }

    private static IEnumerable<string> Sections(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length > MaxFileBytes) yield break;
        foreach (string line in File.ReadLines(path))
        {
            var match = Header.Match(line);
            if (match.Success) yield return match.Groups["section"].Value;
        }
    }
}
