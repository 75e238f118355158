namespace WebexConnector.Configuration;

/// <summary>How test connectivity gets a new OAuth token pair (asset setting <c>oauth_flow</c>).</summary>
internal enum OAuthFlow
{
    /// <summary><c>browser</c>: authorization code with PKCE, the code comes back to a loopback listener on this machine.</summary>
    Browser,

    /// <summary><c>device</c>: the OAuth device grant (RFC 8628); the person authorizes from any device with a short code.</summary>
    Device,
}
