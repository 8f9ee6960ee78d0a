using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Configuration;

/// <summary>
/// The CurrentUser scope: a JSON file in the user's configuration folder
/// (ApplicationData/SecretsTools/config.json: %APPDATA% on Windows, $XDG_CONFIG_HOME or
/// ~/.config elsewhere). Every command may consult it, so it is parsed again only when its
/// timestamp or size changes. Written owner-only and atomically (a temporary file renamed over
/// it), so a reader never sees half a file. Keys it does not know are kept, for newer versions
/// and the user's own notes; it never holds a secret (SettingRules refuses URLs with passwords).
/// </summary>
internal static class UserConfigurationFile
{
    public const string FolderName = "SecretsTools";
    public const string FileName = "config.json";

    // Far more than six settings need; a bigger file is not ours, and is not read into memory.
    private const long MaxLength = 1024 * 1024;

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private sealed record Parsed(string Path, DateTime WriteTimeUtc, long Length, ConfigurationValues Values);

    private static Parsed? _last;
    private static int _parseCount;

    /// <summary>How many times the file was read and parsed: tests check that an unchanged file is not.</summary>
    internal static int ParseCount => Volatile.Read(ref _parseCount);

    /// <summary>The file's path (which may not exist yet); null where the platform has no user folder (no HOME).</summary>
    public static string? DefaultPath
    {
        get
        {
            // Asked each time, not cached: XDG_CONFIG_HOME (or HOME) can change in a session.
            // DoNotVerify: the folder may not exist yet (Set- creates it); without it, "" comes back.
            string folder = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return string.IsNullOrEmpty(folder) ? null : System.IO.Path.Combine(folder, FolderName, FileName);
        }
    }

    /// <summary>The file's settings; Empty when there is no file. A file that cannot be used is a ConfigurationFileInvalid error naming it.</summary>
    public static ConfigurationValues Read(string? path)
    {
        if (path is null) return ConfigurationValues.Empty;
        var info = new FileInfo(path);
        if (!info.Exists) return ConfigurationValues.Empty;
        var last = Volatile.Read(ref _last);
        if (last is not null && last.Path == path && last.WriteTimeUtc == info.LastWriteTimeUtc && last.Length == info.Length)
            return last.Values;
        // Stamped with what was seen before reading: if the file changes meanwhile, the next stamp differs and it is read again.
        var values = FromJson(Load(path, info), path);
        Volatile.Write(ref _last, new Parsed(path, info.LastWriteTimeUtc, info.Length, values));
        return values;
    }

    /// <summary>
    /// Applies a change to the file's settings and writes it (or deletes the file when nothing is
    /// left in it). With reset, the file's settings start empty, and a file that cannot be parsed
    /// is replaced instead of refused: resetting is how one recovers from a broken file.
    /// </summary>
    public static ConfigurationValues Update(string path, bool reset, Func<ConfigurationValues, ConfigurationValues> change)
    {
        var info = new FileInfo(path);
        JsonObject document;
        try
        {
            document = info.Exists ? Load(path, info) : new JsonObject(NodeOptions);
        }
        catch (SecretStoreException) when (reset)
        {
            document = new JsonObject(NodeOptions);
        }
        var updated = change(reset ? ConfigurationValues.Empty : FromJson(document, path));
        var written = ToJson(updated, document);
        try
        {
            if (written.Count == 0) File.Delete(path);
            else WriteAtomically(path, written.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecretStoreException(ErrorIds.ConfigurationWriteFailed, ErrorCategory.WriteError, path,
                $"Could not write the SecretsTools configuration file '{path}': {ex.Message}");
        }
        finally
        {
            Volatile.Write(ref _last, null); // read afresh: a write in the same timestamp tick must not hide behind the cache
        }
        return updated;
    }

    private static JsonObject Load(string path, FileInfo info)
    {
        Interlocked.Increment(ref _parseCount);
        string text;
        try
        {
            if (info.Length > MaxLength) throw Invalid(path, $"it is larger than {MaxLength / 1024} KB");
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecretStoreException(ErrorIds.ConfigurationFileInvalid, ErrorCategory.ReadError, path,
                $"Could not read the SecretsTools configuration file '{path}': {ex.Message}");
        }
        try
        {
            return JsonNode.Parse(text, NodeOptions, DocumentOptions) as JsonObject
                ?? throw Invalid(path, "it must hold one JSON object, such as { \"Region\": \"eu-west-1\" }");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            // The parser's message gives the line and position; the text itself is not repeated.
            throw Invalid(path, $"it is not valid JSON ({ex.Message})");
        }
    }

    private static ConfigurationValues FromJson(JsonObject document, string path)
    {
        try
        {
            return new ConfigurationValues
            {
                DefaultStore = Text(document, SettingNames.DefaultStore, path) is { } store ? SettingRules.Store(store) : null,
                Region = Text(document, SettingNames.Region, path) is { } region ? SettingRules.Region(region) : null,
                ProfileName = Text(document, SettingNames.ProfileName, path) is { } profile ? SettingRules.ProfileName(profile) : null,
                CacheTtl = Duration(document, path),
                ParameterStoreEndpointUrl = Text(document, SettingNames.ParameterStoreEndpointUrl, path) is { } ps ? SettingRules.EndpointUrl(ps) : null,
                SecretsManagerEndpointUrl = Text(document, SettingNames.SecretsManagerEndpointUrl, path) is { } sm ? SettingRules.EndpointUrl(sm) : null,
                FallbackRegion = Regions(document, SettingNames.FallbackRegion, path),
                ParameterStoreFallbackRegion = Regions(document, SettingNames.ParameterStoreFallbackRegion, path),
                RegionEndpoint = Endpoints(document, path),
            };
        }
        catch (ArgumentException ex)
        {
            throw Invalid(path, ex.Message);
        }
    }

    private static string? Text(JsonObject document, string key, string path)
    {
        if (!document.TryGetPropertyValue(key, out var node) || node is null) return null;
        if (node is JsonValue value && value.TryGetValue(out string? text)) return text.Length == 0 ? null : text;
        throw Invalid(path, $"{key} must be a string");
    }

    /// <summary>A list of Regions as the file writes it (an array), or one comma-separated string.</summary>
    private static string[]? Regions(JsonObject document, string key, string path)
    {
        if (!document.TryGetPropertyValue(key, out var node) || node is null) return null;
        if (node is JsonValue value && value.TryGetValue(out string? text)) return text.Length == 0 ? null : SettingRules.Regions(new[] { text });
        if (node is JsonArray array && array.All(n => n is JsonValue v && v.TryGetValue(out string? _)))
            return SettingRules.Regions(array.Select(n => n!.GetValue<string>()));
        throw Invalid(path, $"{key} must be an array of Region names");
    }

    /// <summary>RegionEndpoint: an object of Region names to URLs.</summary>
    private static IReadOnlyDictionary<string, string>? Endpoints(JsonObject document, string path)
    {
        if (!document.TryGetPropertyValue(SettingNames.RegionEndpoint, out var node) || node is null) return null;
        if (node is JsonObject map && map.All(p => p.Value is JsonValue v && v.TryGetValue(out string? _)))
            return SettingRules.RegionEndpoints(map.Select(p => new KeyValuePair<string, string>(p.Key, p.Value!.GetValue<string>())));
        throw Invalid(path, $"{SettingNames.RegionEndpoint} must be an object of Region names to endpoint URLs");
    }

    /// <summary>CacheTtl as the file writes it ("00:05:00") or as a person might (300, in seconds).</summary>
    private static TimeSpan? Duration(JsonObject document, string path)
    {
        if (!document.TryGetPropertyValue(SettingNames.CacheTtl, out var node) || node is null) return null;
        if (node is JsonValue value)
        {
            try
            {
                if (value.TryGetValue(out string? text)) return text.Length == 0 ? null : SettingRules.Duration(text);
                if (value.TryGetValue(out double seconds)) return SettingRules.Duration(seconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (ArgumentException ex)
            {
                throw Invalid(path, $"{SettingNames.CacheTtl}: {ex.Message}");
            }
        }
        throw Invalid(path, $"{SettingNames.CacheTtl} must be a duration such as \"00:05:00\" or a number of seconds");
    }

    /// <summary>Our settings first, in a fixed order, then every key we do not know, as it was.</summary>
    private static JsonObject ToJson(ConfigurationValues values, JsonObject document)
    {
        var result = new JsonObject(NodeOptions);
        void Add(string key, string? value)
        {
            if (value is not null) result[key] = value;
        }
        Add(SettingNames.DefaultStore, values.DefaultStore?.ToString());
        Add(SettingNames.Region, values.Region);
        Add(SettingNames.ProfileName, values.ProfileName);
        Add(SettingNames.CacheTtl, values.CacheTtl is { } ttl ? SettingRules.Format(ttl) : null);
        Add(SettingNames.ParameterStoreEndpointUrl, values.ParameterStoreEndpointUrl);
        Add(SettingNames.SecretsManagerEndpointUrl, values.SecretsManagerEndpointUrl);
        void AddList(string key, IReadOnlyList<string>? list)
        {
            if (list is not null) result[key] = new JsonArray(list.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
        }
        AddList(SettingNames.FallbackRegion, values.FallbackRegion);
        AddList(SettingNames.ParameterStoreFallbackRegion, values.ParameterStoreFallbackRegion);
        if (values.RegionEndpoint is { } endpoints)
        {
            var map = new JsonObject();
            foreach (var (region, url) in endpoints) map[region] = url;
            result[SettingNames.RegionEndpoint] = map;
        }
        foreach (var (key, node) in document)
        {
            if (Array.Exists(SettingNames.All, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))) continue;
            result[key] = node?.DeepClone();
        }
        return result;
    }

    private static void WriteAtomically(string path, string text)
    {
        string folder = System.IO.Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder); // %APPDATA% is the user's own already
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string temporary = System.IO.Path.Combine(folder, $".{FileName}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        // Owner-only from the first byte, not chmod'ed afterwards: no moment where others may read it.
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true); // rename(2): readers see the old file or the new one
        }
        catch
        {
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    private static SecretStoreException Invalid(string path, string why) =>
        new(ErrorIds.ConfigurationFileInvalid, ErrorCategory.InvalidData, path,
            $"The SecretsTools configuration file '{path}' cannot be used: {why}. Correct it, or run "
            + "'Set-SecretsToolsConfiguration -Scope CurrentUser -Reset' to start it afresh.");
}
