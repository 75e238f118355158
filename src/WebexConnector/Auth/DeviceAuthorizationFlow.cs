using System.Globalization;
using WebexConnector.Configuration;
using WebexConnector.Runs;

namespace WebexConnector.Auth;

/// <summary>
/// The OAuth device grant (RFC 8628), for a server without a browser: prints one line with where to go and the code
/// to enter, then polls Webex every <c>interval</c> seconds (5 when absent, 5 more after each <c>slow_down</c>) until
/// the pair arrives, the person refuses, the code expires or <c>auth_timeout_seconds</c> passes. Timing comes from the
/// injected <see cref="TimeProvider"/>. The pair is stored like the browser flow's.
/// </summary>
internal sealed class DeviceAuthorizationFlow(
    AssetConfig config, OAuthTokenSource tokens, DeviceGrantClient client, TimeProvider time, AuthorizationPrompt prompt)
    : IConnectivityAuthorizer
{
    /// <summary>What RFC 8628 section 3.5 asks a client to add to the interval after <c>slow_down</c>.</summary>
    public static readonly TimeSpan SlowDownStep = TimeSpan.FromSeconds(5);

    public bool CanAuthorize => true;

    public Task EnsureAuthorizedAsync(CancellationToken cancellationToken) =>
        ConnectivityAuthorization.EnsureAsync(tokens, prompt, AuthorizeAsync, cancellationToken);

    public async Task AuthorizeAsync(CancellationToken cancellationToken)
    {
        tokens.EnsureStoreUsable();
        var device = await client.StartAsync(cancellationToken).ConfigureAwait(false);
        prompt.Show(device);
        TokenPair pair;
        using (ActionDeadline.WaitForPerson())
        {
            pair = await PollUntilAuthorizedAsync(device, cancellationToken).ConfigureAwait(false);
        }

        await tokens.StoreAsync(pair, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TokenPair> PollUntilAuthorizedAsync(DeviceAuthorization device, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var codeExpiresAt = device.ExpiresIn is { } expiresIn ? started + expiresIn : DateTimeOffset.MaxValue;
        var giveUpAt = started + config.AuthTimeout;
        var end = codeExpiresAt < giveUpAt ? codeExpiresAt : giveUpAt;
        var interval = device.Interval;
        while (true)
        {
            var now = time.GetUtcNow();
            if (now + interval > end)
            {
                // No poll fits before the code expires or the wait ends: say so when it does, not earlier.
                await DelayAsync(end - now, cancellationToken).ConfigureAwait(false);
                throw codeExpiresAt <= giveUpAt ? CodeExpired(device) : NotAuthorizedInTime();
            }

            await DelayAsync(interval, cancellationToken).ConfigureAwait(false);
            var poll = await client.PollAsync(device, cancellationToken).ConfigureAwait(false);
            switch (poll.Outcome)
            {
                case DeviceTokenPollOutcome.Authorized:
                    return poll.Pair!;
                case DeviceTokenPollOutcome.SlowDown:
                    interval += SlowDownStep;
                    break;
                case DeviceTokenPollOutcome.Denied:
                    throw new AuthorizationFailedException(
                        "The person declined the authorization request at Webex (access_denied); nothing was stored. Run test connectivity again to ask anew.");
                case DeviceTokenPollOutcome.Expired:
                    throw CodeExpired(device);
                case DeviceTokenPollOutcome.Pending:
                default:
                    break;
            }
        }
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? Task.Delay(delay, time, cancellationToken) : Task.CompletedTask;

    private static AuthorizationFailedException CodeExpired(DeviceAuthorization device) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"The code {device.UserCode} expired{(device.ExpiresIn is { } e ? $" after {e.TotalSeconds:0} s" : string.Empty)} before anyone authorized it. Run test connectivity again for a new code."));

    private AuthorizationFailedException NotAuthorizedInTime() =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"No authorization arrived within {config.AuthTimeout.TotalSeconds:0.###} s (auth_timeout_seconds). Run test connectivity again for a new code."));
}
