using System.Globalization;
using System.Text;

namespace WebexConnector.Webex;

/// <summary>
/// The one place that turns a failed Webex call into an operator's message: what was being done, the status
/// code, Webex's own text and its tracking id, e.g.
/// <c>Error sending message. Status code: 404. Details: The requested resource could not be found. Tracking ID: ROUTER_...</c>.
/// </summary>
public static class WebexFailureMessage
{
    public static string For(string activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // Refit and HttpClient wrap what a handler threw (the token source's "authorize again", a timeout): use the cause.
        var known = Causes(exception).FirstOrDefault(e => e is WebexApiException
            or Auth.AuthorizationRequiredException or Auth.AuthorizationFailedException or TimeoutException);
        return Describe(activity, known ?? exception);
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private static string Describe(string activity, Exception exception) => exception switch
    {
        WebexApiException webex => ForResponse(activity, webex),
        Auth.AuthorizationRequiredException or Auth.AuthorizationFailedException => $"{activity}. {exception.Message}",
        HttpRequestException request => $"{activity}. Could not reach Webex: {TextSanitizer.Excerpt(request.Message)}",
        TimeoutException or TaskCanceledException => $"{activity}. Webex did not answer in time.",
        _ => $"{activity}. Unexpected error: {TextSanitizer.Excerpt(exception.Message)}",
    };

    private static string ForResponse(string activity, WebexApiException exception)
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

        return message.ToString();
    }

    private static bool EndsWithPunctuation(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' or '…';
}
