namespace WebexConnector.Auth;

/// <summary>
/// No usable OAuth token pair: none stored, the refresh token expired, a refresh failed, or the state file is
/// unreadable. Only test connectivity may then ask for a browser; every other action fails with this message.
/// </summary>
public sealed class AuthorizationRequiredException : Exception
{
    public const string Advice = "Run test connectivity to authorize the integration again (or 'webex-connector auth reset' first if the state file is damaged).";

    public AuthorizationRequiredException(string reason)
        : base($"{reason} {Advice}")
    {
    }

    public AuthorizationRequiredException(string reason, Exception innerException)
        : base($"{reason} {Advice}", innerException)
    {
    }

    public AuthorizationRequiredException()
        : base(Advice)
    {
    }
}
