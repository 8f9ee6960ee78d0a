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
internal sealed class SecretsManagerCustomRotation : ICustomRotation
{
    public const string Current = "AWSCURRENT";
    public const string Pending = "AWSPENDING";

    private readonly AwsCmdletBase _cmdlet;
    private readonly ISecretStore _store;
    private readonly ISecretVersionStore _versions;

    public SecretsManagerCustomRotation(AwsCmdletBase cmdlet, ISecretStore store, ISecretVersionStore versions)
    {
        _cmdlet = cmdlet;
        _store = store;
        _versions = versions;
    }

    public SecretRotationResult Run(string name, RotationMode mode, RotationSteps steps)
    {
        var listed = _cmdlet.Await(_versions.ListVersionsAsync(name, includeDeprecated: false, _cmdlet.CancellationToken));
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
            _cmdlet.Await(_versions.RemoveLabelAsync(name, Pending, pending!.Version, _cmdlet.CancellationToken));
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
            pendingVersion = _cmdlet.Await(_versions.WriteVersionAsync(
                new SecretVersionWrite(name, pendingValue, Guid.NewGuid().ToString()) { Labels = new[] { Pending } }, _cmdlet.CancellationToken));
        }

        RotationSetAndTest.Run(name, steps, pendingValue, currentValue, onFailure: () =>
            _cmdlet.Await(_versions.RemoveLabelAsync(name, Pending, pendingVersion, _cmdlet.CancellationToken)),
            undone: "AWSPENDING was removed; AWSCURRENT was not moved");

        _cmdlet.Await(_versions.MoveLabelAsync(name, Current, pendingVersion, _cmdlet.CancellationToken));
        _cmdlet.Await(_versions.RemoveLabelAsync(name, Pending, pendingVersion, _cmdlet.CancellationToken));
        return Result(name, mode == RotationMode.Resume ? SecretRotationStatus.Resumed : SecretRotationStatus.Rotated, current.Version, pendingVersion);
    }

    private SecretValue Read(string name, string version)
    {
        var read = _cmdlet.Await(_store.ReadAsync(new[] { new SecretReadRequest(name, Version: version) }, _cmdlet.CancellationToken))[0];
        if (read.Error is not null) throw read.Error;
        return read.Value!;
    }

    private SecretRotationResult Result(string name, SecretRotationStatus outcome, string previous, string current) => new()
    {
        Name = name,
        Store = SecretStoreKind.SecretsManager,
        Region = _store.Region,
        Status = outcome,
        Method = SecretRotationMethod.Custom,
        PreviousVersion = previous,
        VersionId = current,
    };
}
