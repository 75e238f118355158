namespace WebexConnector.Auth;

/// <summary>The person's step of an authorization flow gave no token (refused, timed out, code expired, no listener).</summary>
internal sealed class AuthorizationFailedException : Exception
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
