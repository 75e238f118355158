namespace WebexConnector.Auth;

/// <summary>A started device grant: what the person needs (URLs, user code) and what the poll needs (device code, timing).</summary>
internal sealed record DeviceAuthorization
{
    /// <summary>Secret: whoever holds it gets the tokens once the person approves. Never printed.</summary>
    public required string DeviceCode { get; init; }

    /// <summary>Meant to be shown: the person types it at <see cref="VerificationUri"/>.</summary>
    public required string UserCode { get; init; }

    public required Uri VerificationUri { get; init; }

    /// <summary>The verification URL with the user code in it, when Webex sends one.</summary>
    public Uri? VerificationUriComplete { get; init; }

    /// <summary>How long the codes are valid; <c>null</c> when Webex did not say (then only <c>auth_timeout_seconds</c> bounds the wait).</summary>
    public TimeSpan? ExpiresIn { get; init; }

    /// <summary>The least time between two polls.</summary>
    public required TimeSpan Interval { get; init; }
}
