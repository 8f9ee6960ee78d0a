using System;
using SecretsTools.Model;

namespace SecretsTools.Rotation;

/// <summary>
/// Get-SecretInfo's compliance filters, applied to listed secrets on the client (neither
/// ListSecrets nor DescribeParameters filters by date). ChangedBefore: LastModified older than
/// the date. NotRotatedFor: Secrets Manager's LastRotated (CreatedDate when never rotated) older
/// than now minus the span; on Parameter Store, LastModified, as a parameter is rotated by
/// writing a new version. A secret without the date cannot be shown to be old: it does not match.
/// </summary>
internal sealed class StaleSecretFilter
{
    private readonly DateTime? _changedBeforeUtc;
    private readonly DateTime? _rotatedBeforeUtc;

    public StaleSecretFilter(DateTime? changedBefore, TimeSpan? notRotatedFor, DateTime utcNow)
    {
        // A date typed without a zone ('2024-01-01') means local time, as Get-Date shows it.
        _changedBeforeUtc = changedBefore?.ToUniversalTime();
        _rotatedBeforeUtc = notRotatedFor is { } span ? utcNow - span : null;
    }

    public bool Active => _changedBeforeUtc is not null || _rotatedBeforeUtc is not null;

    public bool Matches(SecretInfo info)
    {
        if (_changedBeforeUtc is { } changed && !(Utc(info.LastModified) < changed)) return false;
        if (_rotatedBeforeUtc is { } rotated && !(Utc(LastRotation(info)) < rotated)) return false;
        return true;
    }

    private static DateTime? LastRotation(SecretInfo info) =>
        info.Store == SecretStoreKind.ParameterStore ? info.LastModified : info.LastRotated ?? info.CreatedDate;

    // The stores report UTC; a date of unknown kind from elsewhere is taken as UTC too.
    private static DateTime? Utc(DateTime? value) =>
        value is not { } v ? null : v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime();
}
