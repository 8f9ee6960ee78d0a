using System.Threading;
using System.Threading.Tasks;
using SecretsTools.Model;

namespace SecretsTools.Stores;

/// <summary>
/// Lambda rotation, a capability beside ISecretStore that only Secrets Manager has (Parameter
/// Store has no rotation): SecretStores.RotationFor returns null for a store without it, so no
/// store carries methods that can only throw "not supported". Failures about the secret come back
/// as SecretStoreException; AwsCallException means nothing further can work.
/// </summary>
internal interface ISecretRotationStore
{
    SecretStoreKind Kind { get; }

    /// <summary>
    /// RotateSecret with the Lambda and the rules (validated by the caller with
    /// RotationScheduleRules before this), then DescribeSecret: the secret as it is afterwards.
    /// </summary>
    Task<SecretInfo> EnableRotationAsync(LambdaRotationSettings settings, CancellationToken cancellationToken);

    /// <summary>CancelRotateSecret (rotation off, a rotation in progress cancelled), then DescribeSecret.</summary>
    Task<SecretInfo> DisableRotationAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a rotation now with the Lambda and rules already configured (RotateSecret with
    /// neither). SecretStoreException(RotationNotConfigured), with no RotateSecret call, when the
    /// secret has no rotation Lambda. The rotation itself runs asynchronously in the Lambda.
    /// </summary>
    Task<LambdaRotationStarted> RotateNowAsync(string name, CancellationToken cancellationToken);
}

/// <summary>What Enable-SecretRotation asks of RotateSecret.</summary>
internal sealed record LambdaRotationSettings(string Name, string LambdaArn, RotationSchedule Schedule, bool RotateImmediately);

/// <summary>
/// Secrets Manager's RotationRules: either a number of days or a rate()/cron() expression, and an
/// optional window ("3h").
/// </summary>
internal sealed record RotationSchedule(long? AutomaticallyAfterDays, string? ScheduleExpression, string? Duration);

/// <summary>RotateSecret's answer: the secret, and the id of the version the Lambda is creating.</summary>
internal sealed record LambdaRotationStarted(string Name, string? Arn, string? VersionId);
