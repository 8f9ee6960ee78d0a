using SecretsTools.Model;

namespace SecretsTools.Rotation;

/// <summary>A custom rotation of one store: runs on the pipeline thread; a failure for the secret throws SecretStoreException.</summary>
internal interface ICustomRotation
{
    SecretRotationResult Run(string name, RotationMode mode, RotationSteps steps);
}
