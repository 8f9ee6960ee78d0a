using System;
using System.IO;
using System.Management.Automation;
using SecretsTools.Exchange;
using SecretsTools.Stores;

namespace SecretsTools.Commands;

/// <summary>
/// How a cmdlet writes a file (Expand-SecretTemplate, Export-Secret, Export-SecretInfo): -NoClobber,
/// ShouldProcess with the file as target, OwnerOnlyFile's owner-only atomic write, an IO failure
/// as one terminating error naming the file, and -PassThru's FileInfo.
/// </summary>
internal static class OwnerOnlyFileOutput
{
    public static void Write(PSCmdlet cmdlet, string path, string content, string action, bool noClobber, bool passThru)
    {
        if (noClobber && File.Exists(path))
            cmdlet.ThrowTerminatingError(new ErrorRecord(new IOException($"'{path}' exists, and -NoClobber says not to replace it."),
                ErrorIds.DestinationExists, ErrorCategory.ResourceExists, path));
        if (!Confirmation.ShouldProcessOrExplain(cmdlet, path, action)) return;
        try
        {
            OwnerOnlyFile.WriteAtomic(path, content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(new IOException($"Could not write '{path}': {ex.Message}"),
                ErrorIds.FileWriteFailed, ErrorCategory.WriteError, path));
        }
        if (passThru) cmdlet.WriteObject(new FileInfo(path));
    }
}
