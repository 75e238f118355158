using System.Runtime.InteropServices;

namespace WebexConnector.Auth;

/// <summary>
/// The owner of a file and the process's effective user, from <c>stat(2)</c> and <c>geteuid(2)</c>: .NET has no
/// managed API for either. Only where the <c>struct stat</c> layout is known (Linux x64 and arm64); elsewhere
/// <see cref="IsOwnedByAnotherUser"/> answers <c>false</c> and only the mode is checked.
/// </summary>
internal static partial class FileOwner
{
    public static bool IsOwnedByAnotherUser(string path)
    {
        if (!OperatingSystem.IsLinux() || UidOffset() is not { } offset)
        {
            return false;
        }

        var buffer = new byte[256]; // larger than struct stat on every Linux architecture
        if (Stat(path, buffer) != 0)
        {
            return false; // the caller's own checks (exists, is a folder) say what is wrong
        }

        return BitConverter.ToUInt32(buffer, offset) != GetEffectiveUserId();
    }

    // Offsets of st_uid: x86_64 has st_dev, st_ino, st_nlink (8 bytes each), st_mode (4); arm64 has st_dev, st_ino (8), st_mode, st_nlink (4).
    private static int? UidOffset() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 28,
        Architecture.Arm64 => 24,
        _ => null,
    };

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
