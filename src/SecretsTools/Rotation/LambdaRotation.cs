using SecretsTools.Commands;
using SecretsTools.Model;

namespace SecretsTools.Rotation;

/// <summary>
/// Invoke-SecretRotation's Lambda path: asks Secrets Manager to rotate now with the Lambda and
/// rules already configured. The Lambda runs asynchronously, so the result says Started, with the
/// id of the version it is creating.
/// </summary>
internal sealed class LambdaRotation
{
    private readonly InvokeSecretRotationCommand _cmdlet;

    public LambdaRotation(InvokeSecretRotationCommand cmdlet) => _cmdlet = cmdlet;

    /// <summary>Rotates one secret; SecretStoreException for the caller to report.</summary>
    public void Rotate(string raw)
    {
        var (reference, rotation) = _cmdlet.ResolveForRotation(raw);
        if (!_cmdlet.ShouldProcessOrExplain(SecretRotationCmdletBase.Target(reference), "Rotate now with the configured Lambda")) return;
        var started = _cmdlet.Await(rotation.RotateNowAsync(reference.Name, _cmdlet.CancellationToken));
        _cmdlet.WriteObject(new SecretRotationResult
        {
            Name = started.Name,
            Store = rotation.Kind,
            Arn = started.Arn,
            VersionId = started.VersionId,
            Method = SecretRotationMethod.Lambda,
            Status = SecretRotationStatus.Started,
        });
    }
}
