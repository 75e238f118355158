namespace WebexConnector;

/// <summary>
/// The invocation itself is unusable (unreadable JSON, unknown identifier, invalid asset config or asset id):
/// no action runs, and the CLI exits with 2. The message is shown to the operator as is.
/// </summary>
internal sealed class ConnectorInvocationException : Exception
{
    public ConnectorInvocationException(string message)
        : base(message)
    {
    }

    public ConnectorInvocationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorInvocationException()
    {
    }
}
