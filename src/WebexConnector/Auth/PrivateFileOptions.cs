namespace WebexConnector.Auth;

/// <summary>Opening options for files only the owner may read or write (0600 on Unix), exclusively held while open.</summary>
internal static class PrivateFileOptions
{
    public static FileStreamOptions Create(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }
}
