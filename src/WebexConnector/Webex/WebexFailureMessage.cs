using System.Globalization;
using System.Text;
using Polly.Timeout;
using WebexConnector.Security;

namespace WebexConnector.Webex;

/// <summary>
/// The one place that turns a failed Webex call into an operator's message: what was being done, the status
/// code, Webex's own text and its tracking id, e.g.
/// <c>Error sending message. Status code: 404. Details: The requested resource could not be found. Tracking ID: ROUTER_...</c>.
/// </summary>
internal static class WebexFailureMessage
{
    /// <param name="activity">What was being done, e.g. <c>Error sending message</c>.</param>
    /// <param name="exception">Why it failed.</param>
    /// <param name="uncertainOutcomeNote">
    /// Said when Webex may have acted although the call failed (a 5xx, a timeout, a cut connection), e.g. that a
    /// message may or may not have been delivered.
    /// </param>
    /// <param name="requiredScopes">
    /// The OAuth scopes the action needs; a 403 names them, since Webex's own 403 does not say which one is missing.
    /// </param>
    public static string For(
        string activity, Exception exception, string? uncertainOutcomeNote = null, IReadOnlyList<string>? requiredScopes = null)
    {
        ArgumentNullException.ThrowIfNull(exception);

        var cause = ExceptionCauses.Of(exception).FirstOrDefault(e => e is WebexApiException or WebexPaginationException
            or Auth.AuthorizationRequiredException or Auth.AuthorizationFailedException or Auth.StateFolderException
            or TimeoutException or TimeoutRejectedException or HttpRequestException)
            ?? exception;
        var message = Describe(activity, cause, requiredScopes);
        return uncertainOutcomeNote is not null && MayHaveReachedWebex(cause) ? $"{message} {uncertainOutcomeNote}" : message;
    }

    /// <summary>The dispatcher's message when the caller cancelled (Ctrl-C, SIGTERM) or the action's time ran out.</summary>
    public static string Cancelled(string activity, string reason, string? uncertainOutcomeNote) =>
        uncertainOutcomeNote is null ? $"{activity}. {reason}" : $"{activity}. {reason} {uncertainOutcomeNote}";

    private static bool MayHaveReachedWebex(Exception cause) => cause switch
    {
        WebexApiException webex => (int)webex.StatusCode >= 500,
        HttpRequestException request => request.HttpRequestError != HttpRequestError.ConnectionError,
        TimeoutException or TimeoutRejectedException or TaskCanceledException => true,
        _ => false,
    };

    private static string Describe(string activity, Exception exception, IReadOnlyList<string>? requiredScopes) => exception switch
    {
        WebexApiException webex => ForResponse(activity, webex, requiredScopes),
        WebexPaginationException or Auth.AuthorizationRequiredException or Auth.AuthorizationFailedException or Auth.StateFolderException
            => $"{activity}. {exception.Message}",
        HttpRequestException request => $"{activity}. {ConnectionFailure(request)}",
        TimeoutRejectedException timeout => string.Create(
            CultureInfo.InvariantCulture, $"{activity}. Webex did not answer within {timeout.Timeout.TotalSeconds:0.#} s (timeout_seconds)."),
        TimeoutException or TaskCanceledException => $"{activity}. Webex did not answer in time.",
        _ => $"{activity}. Unexpected error: {TextSanitizer.Excerpt(exception.Message)}",
    };

    // HttpClient's own text ("An error occurred while sending the request.") says nothing; the innermost cause does.
    private static string ConnectionFailure(HttpRequestException exception)
    {
        var cause = TextSanitizer.Excerpt(ExceptionCauses.Of(exception).Last().Message).TrimEnd('.');
        return exception.HttpRequestError switch
        {
            HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError => $"Could not connect to Webex ({cause}).",
            HttpRequestError.ResponseEnded => "The connection closed before Webex answered.",
            HttpRequestError.SecureConnectionError => $"The secure (TLS) connection to Webex failed ({cause}).",
            _ => $"The connection to Webex failed ({cause}).",
        };
    }

    private static string ForResponse(string activity, WebexApiException exception, IReadOnlyList<string>? requiredScopes)
    {
        var message = new StringBuilder(activity)
            .Append(CultureInfo.InvariantCulture, $". Status code: {(int)exception.StatusCode}. Details: {exception.Details}");
        if (!EndsWithPunctuation(exception.Details))
        {
            message.Append('.');
        }

        if (exception.TrackingId is { } trackingId)
        {
            message.Append(CultureInfo.InvariantCulture, $" Tracking ID: {trackingId}");
        }

        if (exception.StatusCode is System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.Locked)
        {
            message.Append(' ').Append(RateLimitedMessage(Resilience.RetryBudget.Current));
        }

        if (exception.StatusCode == System.Net.HttpStatusCode.Forbidden && requiredScopes is { Count: > 0 })
        {
            message.Append(CultureInfo.InvariantCulture, $" This action needs the scope{(requiredScopes.Count > 1 ? "s" : "")} {string.Join(", ", requiredScopes)}: check that the token has {(requiredScopes.Count > 1 ? "them" : "it")} (with OAuth, add {(requiredScopes.Count > 1 ? "them" : "it")} to the integration and the asset's scope, then run test connectivity again) and that the user's role allows it.");
        }

        return message.ToString();
    }

    // Says what really happened: how often the connector retried, how long it waited, and which bound stopped it.
    private static string RateLimitedMessage(Resilience.RetryBudget? budget) => budget is null
        ? "Webex refused the request for rate limiting."
        : string.Create(
            CultureInfo.InvariantCulture,
            $"Webex kept refusing requests for rate limiting; the connector retried {budget.Retries} time{(budget.Retries == 1 ? "" : "s")}, waiting {budget.Waited.TotalSeconds:0.#} s in all, and gave up: it retries one request at most {Resilience.WebexRetryRules.MaxRateLimitRetries} times and waits at most {Resilience.WebexRetryRules.MaxSingleWait.TotalSeconds:0} s at a time and {Resilience.RetryBudget.PerAction.TotalSeconds:0} s per action in all.");

    private static bool EndsWithPunctuation(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or '…';
}
