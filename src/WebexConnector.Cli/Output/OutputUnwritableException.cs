using WebexConnector.Results;

namespace WebexConnector.Cli.Output;

/// <summary>stdout refused a document (a full disk, a closed pipe); carries the run whose result is lost, if any.</summary>
internal sealed class OutputUnwritableException : IOException
{
    public OutputUnwritableException(ConnectorRunResult? result, Exception innerException)
        : base(Reason(innerException), innerException)
    {
        Result = result;
    }

    public OutputUnwritableException()
    {
    }

    public OutputUnwritableException(string message)
        : base(message)
    {
    }

    public OutputUnwritableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// A failed write to a standard stream: an <see cref="IOException"/> (a full disk, a broken pipe) or, for a
    /// closed descriptor, an <see cref="UnauthorizedAccessException"/> wrapping one.
    /// </summary>
    public static bool IsWriteFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;

    /// <summary>The operating system's words ("No space left on device", "Bad file descriptor"), not .NET's wrapper.</summary>
    private static string? Reason(Exception? exception) => (exception?.InnerException as IOException ?? exception)?.Message;

    /// <summary>The run whose document could not be written; <c>null</c> for other documents (help, catalogue).</summary>
    public ConnectorRunResult? Result { get; }
}
