using System;
using System.Collections.Generic;
using System.IO;
using SecretsTools.Model;

namespace SecretsTools.Exchange;

/// <summary>One entry point for the formats: a format from a file's name, and parse or write in it.</summary>
internal static class SecretFileFormats
{
    /// <summary>
    /// .env, NAME.env and .env.anything (.env.local, .env.production) are DotEnv; .json is Json;
    /// .psd1 is PowerShell; anything else is null (the caller asks for -Format).
    /// </summary>
    public static SecretFileFormat? FromPath(string path)
    {
        string file = Path.GetFileName(path);
        if (file.Equals(".env", StringComparison.OrdinalIgnoreCase)
            || file.StartsWith(".env.", StringComparison.OrdinalIgnoreCase)
            || file.EndsWith(".env", StringComparison.OrdinalIgnoreCase))
            return SecretFileFormat.DotEnv;
        return Path.GetExtension(file).ToLowerInvariant() switch
        {
            ".json" => SecretFileFormat.Json,
            ".psd1" => SecretFileFormat.PowerShell,
            _ => null,
        };
    }

    public static IReadOnlyList<SecretFileEntry> Parse(SecretFileFormat format, string text) => format switch
    {
        SecretFileFormat.DotEnv => DotEnvFormat.Parse(text),
        SecretFileFormat.Json => JsonExportFormat.Parse(text),
        SecretFileFormat.PowerShell => PowerShellDataFormat.Parse(text),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    public static string Write(SecretFileFormat format, IEnumerable<SecretFileEntry> entries) => format switch
    {
        SecretFileFormat.DotEnv => DotEnvFormat.Write(entries),
        SecretFileFormat.Json => JsonExportFormat.Write(entries),
        SecretFileFormat.PowerShell => PowerShellDataFormat.Write(entries),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>
    /// A file's text, strictly as UTF-8 (or UTF-16/32 with a byte order mark): a byte that is not
    /// valid UTF-8 is an error, not a silently replaced character in a secret.
    /// </summary>
    public static string ReadText(string path)
    {
        using var reader = new StreamReader(path, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try
        {
            return reader.ReadToEnd();
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new SecretFileFormatException("the file is not valid UTF-8 text.");
        }
    }
}
