using System.Globalization;
using System.Text.Json.Nodes;
using WebexConnector.Configuration;

namespace WebexConnector.Auth;

/// <summary><c>auth status</c> and <c>auth reset</c>: what is stored for an asset, and forgetting it. Never shows a token.</summary>
internal static class AuthMaintenance
{
    public static AuthReport Status(AssetConfig config, TokenStateStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        if (config.AuthMode == AuthMode.PersonalAccessToken)
        {
            return new AuthReport("The asset uses a Personal Access Token; no token pair is stored.", new JsonObject { ["mode"] = "pat" });
        }

        var data = new JsonObject { ["mode"] = "oauth", ["state_file"] = store.FilePath };
        TokenPair? pair;
        try
        {
            pair = store.Load();
        }
        catch (AuthorizationRequiredException e)
        {
            // Unreadable or corrupt: not a healthy state, whatever the exit code.
            data["has_token_pair"] = false;
            data["state_file_usable"] = false;
            return new AuthReport(
                $"{e.Message.Replace(AuthorizationRequiredException.Advice, string.Empty, StringComparison.Ordinal).TrimEnd()} The state file is unusable: run 'webex-connector auth reset' to remove it, then test connectivity to authorize again.",
                data,
                Healthy: false);
        }

        data["has_token_pair"] = pair is not null;
        if (pair is null)
        {
            return new AuthReport("No token pair is stored. Run test connectivity to authorize the integration.", data);
        }

        var now = time.GetUtcNow();
        data["access_token_expires_at"] = Iso8601(pair.AccessTokenExpiresAt);
        data["refresh_token_expires_at"] = Iso8601(pair.RefreshTokenExpiresAt);
        data["scope"] = pair.Scope;
        data["client_id"] = pair.ClientId;
        data["origin"] = pair.Origin;
        if (!pair.BelongsTo(config.ClientId, config.BaseUrl))
        {
            data["belongs_to_this_asset"] = false;
            return new AuthReport(
                $"The stored token pair belongs to {pair.Owner}, not to this asset's integration; it is never used for it. Test connectivity replaces it (after saying so); or give each integration its own asset id.",
                data,
                Healthy: false);
        }

        data["belongs_to_this_asset"] = true;
        var message = pair.IsRefreshTokenValid(now)
            ? "A token pair is stored" + (pair.IsAccessTokenFresh(now) ? "." : "; the access token will be refreshed on next use.")
            : "The stored refresh token has expired. " + AuthorizationRequiredException.Advice;
        return new AuthReport(message, data);
    }

    public static async Task<AuthReport> ResetAsync(AssetConfig config, TokenStateStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(store);
        if (config.AuthMode == AuthMode.PersonalAccessToken)
        {
            // A PAT wins: the state file is neither read nor written for this asset.
            return new AuthReport(
                "The asset uses a Personal Access Token; there is no token pair to forget.",
                new JsonObject { ["mode"] = "pat", ["had_token_pair"] = false });
        }

        bool existed;
        using (await store.LockAsync(StateFileLock.TimeoutFor(config), time, cancellationToken).ConfigureAwait(false))
        {
            existed = store.Delete();
        }

        return new AuthReport(
            existed ? "Forgot the stored token pair. Run test connectivity to authorize again." : "No token pair was stored.",
            new JsonObject { ["mode"] = "oauth", ["had_token_pair"] = existed, ["state_file"] = store.FilePath });
    }

    private static string Iso8601(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>
/// What <see cref="AuthMaintenance"/> reports: a message and one data object; <paramref name="Healthy"/> is false when
/// the stored state cannot be used (a corrupt file, a pair of another integration), reported as status <c>failed</c>.
/// </summary>
internal sealed record AuthReport(string Message, JsonObject Data, bool Healthy = true);
