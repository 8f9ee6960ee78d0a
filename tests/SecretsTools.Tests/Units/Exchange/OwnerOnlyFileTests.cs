using System;
using System.IO;
using System.Linq;
using SecretsTools.Exchange;
using Xunit;

namespace SecretsTools.Tests.Units.Exchange;

public sealed class OwnerOnlyFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("st-owner-only-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string[] OtherFiles(string keep) => Directory.GetFiles(_folder).Where(f => f != keep).ToArray();

    [Fact]
    public void Writes_the_content_to_a_file_only_its_owner_can_read()
    {
        string path = Path.Combine(_folder, "secrets.env");
        OwnerOnlyFile.WriteAtomic(path, "A='é'\n");
        Assert.Equal("A='é'\n", File.ReadAllText(path));
        Assert.Equal(new byte[] { (byte)'A', (byte)'=' }, File.ReadAllBytes(path)[..2]); // no byte order mark
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Empty(OtherFiles(path));
    }

    [Fact]
    public void Replaces_an_existing_file_and_its_wider_mode()
    {
        string path = Path.Combine(_folder, "secrets.json");
        File.WriteAllText(path, "old content that is longer than the new one");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100); // 0644
        OwnerOnlyFile.WriteAtomic(path, new byte[] { 1, 2, 3 });
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Empty(OtherFiles(path));
    }

    [Fact]
    public void A_failed_write_leaves_the_destination_as_it_was_and_no_temporary_file()
    {
        string path = Path.Combine(_folder, "secrets.env");
        File.WriteAllText(path, "original");
        string? temporary = null;
        var ex = Assert.Throws<InvalidOperationException>(() => OwnerOnlyFile.WriteAtomic(path, stream =>
        {
            stream.Write(new byte[] { 1, 2, 3 });
            stream.Flush();
            temporary = ((FileStream)stream).Name;
            Assert.True(File.Exists(temporary));
            Assert.Equal(_folder, Path.GetDirectoryName(temporary));
            throw new InvalidOperationException("disk full");
        }));
        Assert.Equal("disk full", ex.Message);
        Assert.Equal("original", File.ReadAllText(path));
        Assert.NotNull(temporary);
        Assert.False(File.Exists(temporary));
        Assert.Empty(OtherFiles(path));
    }

    [Fact]
    public void A_failed_write_of_a_new_file_leaves_nothing()
    {
        string path = Path.Combine(_folder, "new.env");
        Assert.Throws<IOException>(() => OwnerOnlyFile.WriteAtomic(path, _ => throw new IOException("broken")));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Refuses_a_directory_and_a_link_to_one()
    {
        string directory = Path.Combine(_folder, "dir");
        Directory.CreateDirectory(directory);
        var ex = Assert.Throws<IOException>(() => OwnerOnlyFile.WriteAtomic(directory, "x"));
        Assert.Contains("is a directory", ex.Message);

        string link = Path.Combine(_folder, "link");
        Directory.CreateSymbolicLink(link, directory);
        Assert.Throws<IOException>(() => OwnerOnlyFile.WriteAtomic(link, "x"));
        Assert.Empty(Directory.GetFileSystemEntries(directory));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Replaces_a_link_to_a_file_instead_of_writing_through_it()
    {
        if (OperatingSystem.IsWindows()) return; // file links need a privilege there
        string target = Path.Combine(_folder, "target");
        File.WriteAllText(target, "target");
        string link = Path.Combine(_folder, "link.env");
        File.CreateSymbolicLink(link, target);
        OwnerOnlyFile.WriteAtomic(link, "new");
        Assert.Equal("target", File.ReadAllText(target));
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(link));
    }

    [Fact]
    public void A_missing_folder_is_a_clear_error()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => OwnerOnlyFile.WriteAtomic(Path.Combine(_folder, "no", "such.env"), "x"));
        Assert.Contains("does not exist", ex.Message);
    }
}
