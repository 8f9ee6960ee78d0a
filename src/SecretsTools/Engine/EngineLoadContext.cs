using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace SecretsTools.Engine;

/// <summary>
/// The private load context of the engine and its AWS SDK dlls (the module's engine/ folder), so
/// they never meet another module's AWSSDK.Core of another version in the default context. Our
/// main assembly is shared from the default context: its types (the store contract, results,
/// exceptions) are the only ones that cross. Anything else falls back to the default context
/// (the framework, System.Management.Automation).
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    private readonly string _folder;

    public EngineLoadContext(string folder) : base("SecretsTools.Engine", isCollectible: false) => _folder = folder;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == typeof(EngineLoadContext).Assembly.GetName().Name) return typeof(EngineLoadContext).Assembly;
        string path = Path.Combine(_folder, assemblyName.Name + ".dll");
        if (File.Exists(path)) return LoadFromAssemblyPath(path);
        // The engine and the AWS SDK must come from engine/: falling back to the default context
        // would run us on another module's AWSSDK.Core, with our customizations in its registry.
        if (IsOurs(assemblyName.Name))
            throw new FileNotFoundException($"SecretsTools' engine folder '{_folder}' has no {assemblyName.Name}.dll; reinstall the module.", path);
        return null; // the framework, System.Management.Automation: the default context's
    }

    private static bool IsOurs(string? name) =>
        name is not null && (name.StartsWith("AWSSDK.", System.StringComparison.Ordinal) || name == "SecretsTools.Engine");
}
