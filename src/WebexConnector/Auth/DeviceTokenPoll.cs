namespace WebexConnector.Auth;

/// <summary>What one poll of <c>POST /device/token</c> said (RFC 8628 section 3.5).</summary>
internal enum DeviceTokenPollOutcome
{
    /// <summary>The person approved: the answer carried the token pair.</summary>
    Authorized,

    /// <summary><c>authorization_pending</c>: poll again after the interval.</summary>
    Pending,

    /// <summary><c>slow_down</c>: poll again, and from now on 5 s less often.</summary>
    SlowDown,

    /// <summary><c>access_denied</c>: the person refused.</summary>
    Denied,

    /// <summary><c>expired_token</c>: the device code is no longer valid.</summary>
    Expired,
}

/// <summary>One poll's <see cref="DeviceTokenPollOutcome"/>, with the pair when it is <see cref="DeviceTokenPollOutcome.Authorized"/>.</summary>
internal sealed record DeviceTokenPoll(DeviceTokenPollOutcome Outcome, TokenPair? Pair = null);
