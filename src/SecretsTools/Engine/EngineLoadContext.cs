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
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
