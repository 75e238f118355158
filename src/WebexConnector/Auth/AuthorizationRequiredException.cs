namespace WebexConnector.Auth;

/// <summary>
/// No usable OAuth token pair: none stored, the refresh token expired, a refresh failed, or the state file is
/// unreadable. Only test connectivity may then ask for a browser; every other action fails with this message.
/// </summary>
internal sealed class AuthorizationRequiredException : Exception
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

    /// <summary>The stored pair belongs to another integration or origin: never used, refreshed or overwritten here.</summary>
    public static AuthorizationRequiredException OtherIntegration(TokenPair stored, string? clientId, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new AuthorizationRequiredException(
            $"The token pair stored for this asset belongs to {stored.Owner}, not to this asset's integration "
            + $"(client id {clientId} at {TokenPair.OriginOf(baseUrl)}); its tokens go nowhere else. Give each integration its own asset id.")
        {
            StoredPairOwner = stored.Owner,
        };
    }

    /// <summary>Set when a pair of another integration (or origin) is stored: test connectivity says whose pair it replaces.</summary>
    public string? StoredPairOwner { get; private init; }
}
