using System.Text.Json;
using WebexConnector.Configuration;

namespace WebexConnector.Auth;

/// <summary>
/// The per-asset state file <c>{state_dir}/{asset_id}_state.json</c>: mode 0600 in a 0700 folder, replaced by
/// write-to-temporary-then-rename (never half-written), and changed only under <see cref="LockAsync"/> so that
/// several processes on one asset never corrupt it or refresh twice. It never holds the client secret.
/// </summary>
internal sealed class TokenStateStore
{
    private const UnixFileMode FolderMode0700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public TokenStateStore(string stateDirectory, string assetId)
    {
        Directory = stateDirectory;
        var id = AssetIdRules.Validate(assetId); // both paths are built from the checked id
        FilePath = Path.Combine(stateDirectory, $"{id}_state.json");
        LockPath = Path.Combine(stateDirectory, $"{id}_state.lock");
    }

    public string Directory { get; }

    public string FilePath { get; }

    public string LockPath { get; }

    /// <summary>The stored pair, <c>null</c> when there is none; an unreadable file throws <see cref="AuthorizationRequiredException"/>.</summary>
    public TokenPair? Load()
    {
        if (!System.IO.Directory.Exists(Directory) && !File.Exists(Directory))
        {
            return null;
        }

        StateFolderTrust.Check(Directory);
        StateFolderTrust.RefuseLink(FilePath);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(FilePath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AuthorizationRequiredException($"The state file '{FilePath}' cannot be read ({IoFailure.Describe(e)}).", e);
        }

        try
        {
            var pair = JsonSerializer.Deserialize(bytes, AuthJsonContext.Default.TokenPair);
            return pair is { AccessToken.Length: > 0, RefreshToken.Length: > 0 }
                ? pair
                : throw new JsonException("a token is missing");
        }
        catch (JsonException e)
        {
            throw new AuthorizationRequiredException($"The state file '{FilePath}' is corrupt: {(e.Message == "a token is missing" ? "a token is missing" : Runs.JsonSyntaxError.Describe(e))}.", e);
        }
    }

    /// <summary>Replaces the state file atomically. Call under <see cref="LockAsync"/>.</summary>
    public void Save(TokenPair pair)
    {
        EnsureDirectory();
        var temporary = Path.Combine(Directory, $".{Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, PrivateFileOptions.Create(FileMode.CreateNew, FileAccess.Write)))
            {
                JsonSerializer.Serialize(stream, pair, AuthJsonContext.Default.TokenPair);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Checks, before a person is asked to authorize, that the pair they will authorize can be kept: the folder exists
    /// (or is created, 0700), is a folder only this user can change, and takes a file. Throws <see cref="StateFolderException"/>.
    /// </summary>
    public void EnsureUsable()
    {
        EnsureDirectory();
        var probe = Path.Combine(Directory, $".write-check.{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, PrivateFileOptions.Create(FileMode.CreateNew, FileAccess.Write)))
            {
            }

            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateFolderException($"The state folder '{Directory}' cannot be written ({IoFailure.Describe(e)}).", e);
        }
    }

    /// <summary>Forgets the pair; <c>true</c> when there was a state file. Call under <see cref="LockAsync"/>.</summary>
    public bool Delete()
    {
        var existed = File.Exists(FilePath);
        File.Delete(FilePath);
        return existed;
    }

    /// <summary>Waits (bounded) for the asset's cross-process lock.</summary>
    public Task<StateFileLock> LockAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        EnsureDirectory();
        return StateFileLock.AcquireAsync(LockPath, timeout, time, cancellationToken);
    }

    // Creates the folder (0700) when missing, then checks it can be trusted with tokens.
    private void EnsureDirectory()
    {
        try
        {
            if (OperatingSystem.IsWindows())
            {
                System.IO.Directory.CreateDirectory(Directory);
            }
            else
            {
                System.IO.Directory.CreateDirectory(Directory, FolderMode0700);
            }
        }
        catch (IOException) when (File.Exists(Directory))
        {
            // StateFolderTrust names it.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateFolderException($"The state folder '{Directory}' cannot be created ({IoFailure.Describe(e)}).", e);
        }

        StateFolderTrust.Check(Directory);
    }
}
