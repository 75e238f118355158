using System.Formats.Tar;
using System.IO.Compression;

namespace WebexConnector.Soar;

/// <summary>
/// Writes the installable Splunk SOAR app: <c>DIR/webexconnector/</c> (manifest, connector module, logos and
/// <c>bin/webex-connector</c>) and the same folder as <c>DIR/webexconnector.tgz</c>, which SOAR's app install takes.
/// </summary>
internal static class SoarAppPackage
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>The files of the app besides the manifest and the executable, as embedded in the library.</summary>
    private static readonly string[] EmbeddedFiles = [SoarAppManifest.MainModule, SoarAppManifest.Logo, SoarAppManifest.LogoDark];

    /// <summary>Writes the app folder and archive; returns the archive's path. <paramref name="binary"/> is copied as <c>bin/webex-connector</c>.</summary>
    public static string Write(string outputDirectory, string binary)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        ArgumentException.ThrowIfNullOrEmpty(binary);
        var app = Path.Combine(outputDirectory, SoarAppManifest.PackageName);
        if (Directory.Exists(app))
        {
            Directory.Delete(app, recursive: true); // a previous build of the app: replaced whole, never mixed
        }

        Directory.CreateDirectory(Path.Combine(app, "bin"));
        File.WriteAllText(Path.Combine(app, SoarAppManifest.PackageName + ".json"), SoarAppManifest.Write());
        File.WriteAllText(Path.Combine(app, "__init__.py"), string.Empty);
        foreach (var name in EmbeddedFiles)
        {
            using var resource = typeof(SoarAppPackage).Assembly.GetManifestResourceStream("soar/" + name)
                ?? throw new InvalidOperationException($"{name} is not embedded in the library.");
            using var file = File.Create(Path.Combine(app, name));
            resource.CopyTo(file);
        }

        var bundled = Path.Combine(app, "bin", "webex-connector");
        File.Copy(binary, bundled);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bundled, Executable);
        }

        var archive = Path.Combine(outputDirectory, SoarAppManifest.PackageName + ".tgz");
        WriteArchive(app, archive);
        return archive;
    }

    // Entries are "webexconnector/...", with the executable's mode kept: SOAR unpacks the folder as it is.
    private static void WriteArchive(string app, string archive)
    {
        using var file = File.Create(archive);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        var root = Path.GetDirectoryName(app)!;
        foreach (var path in Directory.EnumerateFileSystemEntries(app, "*", SearchOption.AllDirectories).Prepend(app).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (Directory.Exists(path))
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name + "/") { Mode = Executable });
                continue;
            }

            using var content = File.OpenRead(path);
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                Mode = name.EndsWith("/bin/webex-connector", StringComparison.Ordinal) ? Executable : Readable,
                DataStream = content,
            });
        }
    }
}
