using System.Net;

namespace WebexConnector.Webex;

/// <summary>
/// Webex answered, but not with what was asked for. Carries the parts of the answer that an operator (and
/// Webex support) needs; <see cref="WebexFailureMessage"/> turns them into the one message format.
/// </summary>
internal sealed class WebexApiException : Exception
{
    public WebexApiException(HttpStatusCode statusCode, string details, string? trackingId)
        : base(details)
    {
        StatusCode = statusCode;
        Details = details;
        TrackingId = trackingId;
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>Webex's own error text, or a short sanitised excerpt of a body that was not Webex JSON.</summary>
    public string Details { get; }

    /// <summary>Body <c>trackingId</c> or header <c>Trackingid</c>; what Webex support asks for.</summary>
    public string? TrackingId { get; }
}
