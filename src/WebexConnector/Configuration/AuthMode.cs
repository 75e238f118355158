namespace WebexConnector.Configuration;

/// <summary>How the connector authenticates to Webex.</summary>
internal enum AuthMode
{
    /// <summary>A Personal Access Token from the asset config; always wins when present.</summary>
    PersonalAccessToken,

    /// <summary>An OAuth integration (client id + secret) with a token pair kept in the asset's state file.</summary>
    OAuth,
}
