using System;
using System.Linq;
using System.Management.Automation;
using SecretsTools.Commands;
using SecretsTools.Model;
using SecretsTools.Stores;

namespace SecretsTools.Rotation;

/// <summary>
/// A custom rotation on Parameter Store, which has no staging: the new value is written first,
/// as a new version labelled rotation-pending, and the version it replaced gets the previous label
/// (-PreviousLabel); then Set and Test run, and the rotation-pending label is removed. The new
/// value is stored before anything uses it, so an interruption never loses it: a version labelled
/// rotation-pending is the sign of a half-done rotation, which Resume finishes (set, test) and
/// Abandon undoes by writing the previous value back as a new version. A failing Set or Test does
/// the same. Parameter Store has no request tokens: a rewrite compares with the current value first.
/// </summary>
internal sealed class ParameterStoreCustomRotation : CustomRotationBase
{
    public const string PendingLabel = "rotation-pending";

    private readonly string _previousLabel;

    public ParameterStoreCustomRotation(AwsCmdletBase cmdlet, ISecretStore store, ISecretVersionStore versions, string previousLabel)
        : base(cmdlet, store, versions) => _previousLabel = previousLabel;

    public override SecretRotationResult Run(string name, RotationMode mode, RotationSteps steps)
    {
        Versions.ValidateLabels(name, new[] { _previousLabel });
        var listed = Cmdlet.Await(Versions.ListVersionsAsync(name, includeDeprecated: true, Cmdlet.CancellationToken));
        var latest = listed.FirstOrDefault(v => v.IsCurrent)
            ?? throw new SecretStoreException(ErrorIds.SecretNotFound, ErrorCategory.ObjectNotFound, name, $"Parameter '{name}' has no version to rotate.");
        var pending = listed.FirstOrDefault(v => v.Labels.Contains(PendingLabel));

        if (pending is not null && mode == RotationMode.Start)
            throw RotationErrors.InProgress(name, $"version {pending.Version} is labelled {PendingLabel}");
        if (pending is null && mode != RotationMode.Start)
            throw RotationErrors.NotInProgress(name, mode);
        if (pending is not null && pending.Version != latest.Version)
            throw RotationErrors.InProgress(name, $"version {pending.Version} is labelled {PendingLabel}, but version {latest.Version} was written after it; check the versions with Get-SecretVersion, then remove the label with Remove-SecretVersionLabel");

        if (mode == RotationMode.Start)
        {
            var currentValue = Read(name, latest.Version);
            var newValue = steps.Create(currentValue);
            string written = Cmdlet.Await(Versions.WriteVersionAsync(
                new SecretVersionWrite(name, newValue, Guid.NewGuid().ToString()) { Labels = new[] { PendingLabel } }, Cmdlet.CancellationToken));
            Cmdlet.Await(Versions.MoveLabelAsync(name, _previousLabel, latest.Version, Cmdlet.CancellationToken));
            Finish(name, steps, written, newValue, latest.Version, currentValue);
            return Result(name, SecretRotationStatus.Rotated, latest.Version, written);
        }

        // Resume or Abandon: the version before the pending one holds the value it replaced.
        string replaced = listed.Where(v => v.Version != pending!.Version && v.Labels.Contains(_previousLabel)).Select(v => v.Version).FirstOrDefault()
            ?? listed.Where(v => Number(v.Version) < Number(pending!.Version)).OrderByDescending(v => Number(v.Version)).Select(v => v.Version).FirstOrDefault()
            ?? throw new SecretStoreException(ErrorIds.SecretVersionNotFound, ErrorCategory.ObjectNotFound, name, $"Parameter '{name}' keeps no version before the pending one.");
        var previousValue = Read(name, replaced);
        if (mode == RotationMode.Abandon)
        {
            string restored = WriteBack(name, previousValue);
            return Result(name, SecretRotationStatus.Abandoned, pending!.Version, restored);
        }
        Finish(name, steps, pending!.Version, Read(name, pending.Version), replaced, previousValue);
        return Result(name, SecretRotationStatus.Resumed, replaced, pending.Version);
    }

    private void Finish(string name, RotationSteps steps, string pendingVersion, SecretValue pendingValue, string previousVersion, SecretValue previousValue)
    {
        RotationSetAndTest.Run(name, steps, pendingValue, previousValue,
            onFailure: () => WriteBack(name, previousValue),
            undone: $"The value of version {previousVersion} was written back as a new version");
        Cmdlet.Await(Versions.RemoveLabelAsync(name, PendingLabel, pendingVersion, Cmdlet.CancellationToken));
    }

    /// <summary>The previous value as a new (current) version, without the pending label; returns that version.</summary>
    private string WriteBack(string name, SecretValue previousValue)
    {
        string version = Cmdlet.Await(Versions.WriteVersionAsync(new SecretVersionWrite(name, previousValue, Guid.NewGuid().ToString()), Cmdlet.CancellationToken));
        var labelled = Cmdlet.Await(Versions.ListVersionsAsync(name, includeDeprecated: true, Cmdlet.CancellationToken))
            .FirstOrDefault(v => v.Labels.Contains(PendingLabel));
        if (labelled is not null) Cmdlet.Await(Versions.RemoveLabelAsync(name, PendingLabel, labelled.Version, Cmdlet.CancellationToken));
        return version;
    }

    private static long Number(string version) => long.TryParse(version, out long n) ? n : 0;
}
