using System.Management.Automation;
using SecretsTools.Stores;

namespace SecretsTools.Rotation;

/// <summary>The errors of a rotation's state, the same on both stores.</summary>
internal static class RotationErrors
{
    public static SecretStoreException InProgress(string name, string state) =>
        new(ErrorIds.RotationInProgress, ErrorCategory.ResourceBusy, name,
            $"A rotation of '{name}' is half done ({state}); nothing was changed. Finish it with -Resume, or drop it with -Abandon.");

    public static SecretStoreException NotInProgress(string name, RotationMode mode) =>
        new(ErrorIds.RotationNotInProgress, ErrorCategory.InvalidOperation, name,
            $"'{name}' has no half-done rotation to {(mode == RotationMode.Resume ? "resume" : "abandon")}; nothing was changed.");
}
