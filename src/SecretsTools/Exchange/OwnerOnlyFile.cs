using System;
using System.IO;
using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;
using System.Text;

namespace SecretsTools.Exchange;

/// <summary>
/// Writes a file of secrets so that no one else can read it at any moment and no reader ever sees
/// half of it. The content goes to a new temporary file in the destination's folder, created
/// readable by its owner only (mode 0600 on Linux and macOS, set at creation so there is no
/// window with wider rights; on Windows a protected ACL that grants the current user alone full
/// control), is flushed to the disk, and then replaces the destination in one rename. On any
/// failure the temporary file is deleted and the destination is as it was. The replaced file's
/// own permissions are not kept: the result is always owner-only. A destination that is a
/// directory (or a link to one) is refused; a link to a file is replaced by the file, not
/// followed, since a rename replaces the name. The folder itself is not flushed, so after a
/// power loss the rename may be undone (the old file is then whole, never a mix).
/// </summary>
internal static class OwnerOnlyFile
{
    public static void WriteAtomic(string path, string text) => WriteAtomic(path, new UTF8Encoding(false).GetBytes(text));

    public static void WriteAtomic(string path, byte[] bytes) => WriteAtomic(path, stream => stream.Write(bytes, 0, bytes.Length));

    /// <summary>Writes what <paramref name="write"/> writes to the stream; an exception from it leaves the destination as it was.</summary>
    public static void WriteAtomic(string path, Action<Stream> write)
    {
        string destination = Path.GetFullPath(path);
        if (Directory.Exists(destination))
            throw new IOException($"'{destination}' is a directory; give the path of a file to write.");
        string folder = Path.GetDirectoryName(destination)
            ?? throw new IOException($"'{destination}' has no folder to write in.");
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The folder '{folder}' does not exist.");

        // Same folder: a rename within one file system is atomic; across file systems it is a copy.
        string temporary = Path.Combine(folder, $".{Path.GetFileName(destination)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = CreateOwnerOnly(temporary))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, destination, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static FileStream CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows()) return CreateOwnerOnlyOnWindows(path);
        return new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
    }

    /// <summary>A file whose ACL, from creation, grants the current user full control and inherits nothing.</summary>
    [SupportedOSPlatform("windows")]
    private static FileStream CreateOwnerOnlyOnWindows(string path)
    {
        var security = new FileSecurity();
        var user = WindowsIdentity.GetCurrent().User
            ?? throw new IOException("The current Windows user has no security identifier, so an owner-only file cannot be made.");
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        security.AddAccessRule(new FileSystemAccessRule(user, FileSystemRights.FullControl, AccessControlType.Allow));
        return new FileInfo(path).Create(FileMode.CreateNew, FileSystemRights.Write, FileShare.None, 4096, FileOptions.None, security);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
