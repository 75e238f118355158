using System.Globalization;

namespace WebexConnector.Auth;

/// <summary>
/// A state folder holds refresh tokens, so only its owner may change what is in it: a folder that others may write
/// to, or that another user owns, could have a state file or lock replaced by a link to somewhere else. Files in a
/// trusted folder are then opened only when they are not symbolic links.
/// </summary>
internal static class StateFolderTrust
{
    private const UnixFileMode WritableByOthers = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Throws <see cref="StateFolderException"/> unless <paramref name="folder"/> is a folder only this user can change.</summary>
    public static void Check(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (File.Exists(folder))
        {
            throw new StateFolderException(
                $"The state folder '{folder}' is a file, not a folder: point --state-dir (or WEBEX_CONNECTOR_STATE_DIR) at a folder.");
        }

        var mode = File.GetUnixFileMode(folder);
        if ((mode & WritableByOthers) != 0)
        {
            throw new StateFolderException(string.Create(
                CultureInfo.InvariantCulture,
                $"The state folder '{folder}' may be written by other users (mode {Convert.ToString((int)mode, 8)}); it holds tokens, so make it private: chmod 700 '{folder}'."));
        }

        if (FileOwner.IsOwnedByAnotherUser(folder))
        {
            throw new StateFolderException(
                $"The state folder '{folder}' belongs to another user; it holds tokens, so use a folder of your own (--state-dir).");
        }
    }

    /// <summary>Throws <see cref="StateFolderException"/> when <paramref name="path"/> is a symbolic link (it is never followed).</summary>
    public static void RefuseLink(string path)
    {
        if (new FileInfo(path).LinkTarget is not null)
        {
            throw new StateFolderException($"'{path}' is a symbolic link; the connector does not follow links in its state folder. Remove it.");
        }
    }
}
