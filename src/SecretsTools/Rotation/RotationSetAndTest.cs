using System;
using System.Management.Automation;
using SecretsTools.Stores;

namespace SecretsTools.Rotation;

/// <summary>
/// The Set and Test steps of a custom rotation, the same on both stores: a step that throws (or a
/// Test that returns false) undoes what the rotation stored (onFailure) and becomes one error for
/// the secret, saying what was undone. The script's own message is kept, since it says why; no
/// value of ours is in it.
/// </summary>
internal static class RotationSetAndTest
{
    public static void Run(string name, RotationSteps steps, SecretValue pending, SecretValue current, Action onFailure, string undone)
    {
        string? failure = null;
        string errorId = ErrorIds.RotationSetFailed;
        try
        {
            steps.Set?.Invoke(pending, current);
            errorId = ErrorIds.RotationTestFailed;
            if (steps.Test is not null && !steps.Test(pending)) failure = "-TestScript returned false";
        }
        catch (Exception ex) when (ex is RuntimeException or SecretStoreException)
        {
            failure = $"{(errorId == ErrorIds.RotationSetFailed ? "-SetScript" : "-TestScript")} failed: {ex.Message}";
        }
        if (failure is null) return;
        try
        {
            onFailure();
        }
        catch (SecretStoreException cleanup)
        {
            throw new SecretStoreException(errorId, ErrorCategory.InvalidResult, name,
                $"Rotating '{name}' stopped: {failure}. Undoing it failed too ({cleanup.Message}); run Invoke-SecretRotation -Abandon.");
        }
        throw new SecretStoreException(errorId, ErrorCategory.InvalidResult, name, $"Rotating '{name}' stopped: {failure}. {undone}.");
    }
}
