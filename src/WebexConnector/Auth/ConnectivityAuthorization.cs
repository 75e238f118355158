namespace WebexConnector.Auth;

/// <summary>What both authorization flows do for test connectivity: use the stored pair, or authorize anew.</summary>
internal static class ConnectivityAuthorization
{
    /// <summary>
    /// Authorizes only when no usable pair is stored. A pair of another integration is replaced, but only after
    /// saying whose it is: the operator may have given two integrations one asset id.
    /// </summary>
    public static async Task EnsureAsync(
        OAuthTokenSource tokens, AuthorizationPrompt prompt, Func<CancellationToken, Task> authorize, CancellationToken cancellationToken)
    {
        try
        {
            await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (AuthorizationRequiredException e) when (e.StoredPairOwner is { } owner)
        {
            prompt.Notice($"The token pair stored for this asset belongs to {owner}; authorizing this asset's integration replaces it.");
        }
        catch (AuthorizationRequiredException)
        {
            // Nothing usable is stored: authorize.
        }

        await authorize(cancellationToken).ConfigureAwait(false);
    }
}
