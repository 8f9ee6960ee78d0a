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

    private static ISecretsEngine Load()
    {
        string here = Path.GetDirectoryName(typeof(SecretsEngine).Assembly.Location) ?? AppContext.BaseDirectory;
        string folder = Path.Combine(here, FolderName);
        try
        {
            Assembly engine;
            if (Directory.Exists(folder))
                engine = new EngineLoadContext(folder).LoadFromAssemblyPath(Path.Combine(folder, AssemblyName + ".dll"));
            else if (File.Exists(Path.Combine(here, AssemblyName + ".dll")))
                engine = Assembly.Load(new AssemblyName(AssemblyName)); // a development or test build: the engine beside us
            else
                throw new FileNotFoundException($"No '{FolderName}' folder beside {here}{Path.DirectorySeparatorChar}SecretsTools.dll.");
            var type = engine.GetType(FacadeType, throwOnError: true)!;
            var facade = (ISecretsEngine)Activator.CreateInstance(type)!;
            _ = facade.KnownRegions(); // loads AWSSDK.Core now, so a broken install fails here, clearly, once
            return facade;
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException or TypeLoadException or TargetInvocationException or TypeInitializationException)
        {
            throw new Stores.AwsCallException(Stores.AwsFailure.Installation,
                $"SecretsTools' engine could not be loaded from '{folder}' ({ex.GetBaseException().Message.TrimEnd('.')}); reinstall the module");
        }
    }
}
