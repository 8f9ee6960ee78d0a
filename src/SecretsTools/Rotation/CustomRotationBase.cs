using SecretsTools.Commands;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Rotation;

/// <summary>What the custom rotations of both stores share: the cmdlet's calls, a version's value, the result.</summary>
internal abstract class CustomRotationBase : ICustomRotation
{
    protected CustomRotationBase(AwsCmdletBase cmdlet, ISecretStore store, ISecretVersionStore versions)
    {
        Cmdlet = cmdlet;
        Store = store;
        Versions = versions;
    }

    protected AwsCmdletBase Cmdlet { get; }
    protected ISecretStore Store { get; }
    protected ISecretVersionStore Versions { get; }

    public abstract SecretRotationResult Run(string name, RotationMode mode, RotationSteps steps);

    /// <summary>One version's value; a failed read is that secret's error.</summary>
    protected SecretValue Read(string name, string version)
    {
        var read = Cmdlet.Await(Store.ReadAsync(new[] { new SecretReadRequest(name, Version: version) }, Cmdlet.CancellationToken))[0];
        if (read.Error is not null) throw read.Error;
        return read.Value!;
    }

    protected SecretRotationResult Result(string name, SecretRotationStatus status, string previous, string current) => new()
    {
        Name = name,
        Store = Store.Kind,
        Region = Store.Region,
        Status = status,
        Method = SecretRotationMethod.Custom,
        PreviousVersion = previous,
        VersionId = current,
    };
}
