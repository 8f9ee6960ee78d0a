using System;
using System.IO;
using System.Reflection;

namespace SecretsTools.Engine;

/// <summary>
/// The engine, loaded on first use (never at Import-Module). In the built module it comes from
/// the engine/ folder into its own load context; in a development or test layout (no engine/
/// folder, the engine dll beside ours) it loads normally.
/// </summary>
internal static class SecretsEngine
{
    public const string FolderName = "engine";
    private const string AssemblyName = "SecretsTools.Engine";
    private const string FacadeType = "SecretsTools.Engine.SecretsEngineFacade";

    private static readonly Lazy<ISecretsEngine> Loaded = new(Load, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    public static ISecretsEngine Instance => Loaded.Value;

    /// <summary>The context the engine was loaded into: the private one in the built module.</summary>
    public static string? LoadContextName => System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(Loaded.Value.GetType().Assembly)?.Name;

    private static ISecretsEngine Load()
    {
        string here = Path.GetDirectoryName(typeof(SecretsEngine).Assembly.Location) ?? AppContext.BaseDirectory;
        string folder = Path.Combine(here, FolderName);
        Assembly engine = Directory.Exists(folder)
            ? new EngineLoadContext(folder).LoadFromAssemblyPath(Path.Combine(folder, AssemblyName + ".dll"))
            : Assembly.Load(new AssemblyName(AssemblyName));
        var type = engine.GetType(FacadeType, throwOnError: true)!;
        return (ISecretsEngine)Activator.CreateInstance(type)!;
    }
}
