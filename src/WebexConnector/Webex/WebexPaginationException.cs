namespace WebexConnector.Webex;

/// <summary>A list's <c>Link</c> pagination could not be followed safely (another host, or a loop).</summary>
internal sealed class WebexPaginationException : Exception
{
    public WebexPaginationException(string message)
        : base(message)
    {
    }

    public WebexPaginationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WebexPaginationException()
    {
    }
}
