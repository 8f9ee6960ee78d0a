using System;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Commands;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Rotation;

/// <summary>
/// Secrets Manager's four-step rotation protocol run from PowerShell instead of a Lambda (see
/// ../shared/reference/aws-facts.md, "Rotation protocol"): the new value is stored as AWSPENDING
/// under a fresh ClientRequestToken (idempotent), then set and tested, then AWSCURRENT moves to it
/// (AWSPREVIOUS follows) and AWSPENDING is removed. Every step can be interrupted: AWSPENDING on a
/// version other than AWSCURRENT is the one sign of a half-done rotation, which Resume finishes and
/// Abandon drops. A failing Set or Test removes AWSPENDING and leaves AWSCURRENT where it was.
/// </summary>
internal sealed class SecretsManagerCustomRotation : CustomRotationBase
{
    public const string Current = "AWSCURRENT";
    public const string Pending = "AWSPENDING";

    public SecretsManagerCustomRotation(AwsCmdletBase cmdlet, ISecretStore store, ISecretVersionStore versions)
        : base(cmdlet, store, versions)
    {
    }

    public override SecretRotationResult Run(string name, RotationMode mode, RotationSteps steps)
    {
        var listed = Cmdlet.Await(Versions.ListVersionsAsync(name, includeDeprecated: false, Cmdlet.CancellationToken));
        var current = listed.FirstOrDefault(v => v.Labels.Contains(Current))
            ?? throw new SecretStoreException(ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound, name, $"Secret '{name}' has no AWSCURRENT version to rotate.");
        // AWSPENDING on AWSCURRENT is what a finished rotation may leave: not a rotation in progress.
        var pending = listed.FirstOrDefault(v => v.Labels.Contains(Pending) && v.Version != current.Version);

        if (pending is not null && mode == RotationMode.Start)
            throw RotationErrors.InProgress(name, $"AWSPENDING is on version {pending.Version}, AWSCURRENT on {current.Version}");
        if (pending is null && mode != RotationMode.Start)
            throw RotationErrors.NotInProgress(name, mode);
        if (mode == RotationMode.Abandon)
        {
            Cmdlet.Await(Versions.RemoveLabelAsync(name, Pending, pending!.Version, Cmdlet.CancellationToken));
            return Result(name, SecretRotationStatus.Abandoned, current.Version, current.Version);
        }

        var currentValue = Read(name, current.Version);
        string pendingVersion;
        SecretValue pendingValue;
        if (mode == RotationMode.Resume)
        {
            pendingVersion = pending!.Version;
            pendingValue = Read(name, pendingVersion);
        }
        else
        {
            pendingValue = steps.Create(currentValue);
            // The token is the new VersionId: a retried call with it stores the value once.
            pendingVersion = Cmdlet.Await(Versions.WriteVersionAsync(
                new SecretVersionWrite(name, pendingValue, Guid.NewGuid().ToString()) { Labels = new[] { Pending } }, Cmdlet.CancellationToken));
        }

        RotationSetAndTest.Run(name, steps, pendingValue, currentValue, onFailure: () =>
            Cmdlet.Await(Versions.RemoveLabelAsync(name, Pending, pendingVersion, Cmdlet.CancellationToken)),
            undone: "AWSPENDING was removed; AWSCURRENT was not moved");

        Cmdlet.Await(Versions.MoveLabelAsync(name, Current, pendingVersion, Cmdlet.CancellationToken));
        Cmdlet.Await(Versions.RemoveLabelAsync(name, Pending, pendingVersion, Cmdlet.CancellationToken));
        return Result(name, mode == RotationMode.Resume ? SecretRotationStatus.Resumed : SecretRotationStatus.Rotated, current.Version, pendingVersion);
    }
}
