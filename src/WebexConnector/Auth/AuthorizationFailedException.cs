namespace WebexConnector.Auth;

/// <summary>The browser step of the authorization-code flow did not produce a code (refused, timed out, no listener).</summary>
public sealed class AuthorizationFailedException : Exception
{
    public AuthorizationFailedException(string message)
        : base(message)
    {
    }

    public AuthorizationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AuthorizationFailedException()
    {
    }
}
