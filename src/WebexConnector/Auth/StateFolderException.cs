namespace WebexConnector.Auth;

/// <summary>The state folder cannot safely hold a token pair: it is a file, others may write to it, or it cannot be written.</summary>
internal sealed class StateFolderException : Exception
{
    public StateFolderException(string message)
        : base(message)
    {
    }

    public StateFolderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StateFolderException()
    {
    }
}
