namespace WebexConnector.Auth;

/// <summary>
/// A cross-process lock on one asset's state: an exclusively opened lock file (an advisory <c>flock</c> on
/// Unix), released by the OS even when the process dies.
/// </summary>
internal sealed class StateFileLock : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    private readonly FileStream _stream;

    /// <summary>How long a process waits for another one holding the lock: that one's token call, twice, and a margin.</summary>
    public static TimeSpan TimeoutFor(Configuration.AssetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return (config.Timeout * 2) + TimeSpan.FromSeconds(5);
    }

    private StateFileLock(FileStream stream) => _stream = stream;

    public static async Task<StateFileLock> AcquireAsync(string path, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var deadline = time.GetUtcNow() + timeout;
        StateFolderTrust.RefuseLink(path); // in a trusted folder nobody else can put one there between this check and the open
        while (true)
        {
            try
            {
                return new StateFileLock(new FileStream(path, PrivateFileOptions.Create(FileMode.OpenOrCreate, FileAccess.ReadWrite)));
            }
            catch (IOException) when (time.GetUtcNow() < deadline)
            {
                await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new AuthorizationFailedException(
                    $"Another process held the lock '{path}' for more than {timeout.TotalSeconds:0} s; try again.", e);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
