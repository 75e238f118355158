using System.Net;
using Polly.Timeout;

namespace WebexConnector.Webex.Resilience;

/// <summary>
/// When a Webex request is tried again, and after how long (contract section 6). A refusal (429, 423) is
/// retried for every method, because Webex did nothing; a 502/503/504, a timeout or a broken connection only
/// for GET, because a POST or DELETE may already have been acted on (a message must never be sent twice).
/// </summary>
public static class WebexRetryRules
{
    public static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MaxSingleWait = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    public const int MaxTransientRetries = 3;

    /// <summary>
    /// The wait before retry number <paramref name="retriesSoFar"/> + 1, or <c>null</c> when the outcome is final.
    /// <paramref name="jitter"/> is a sample in [0, 1) that spreads backoff waits.
    /// </summary>
    public static TimeSpan? PlanWait(
        HttpMethod method, HttpResponseMessage? response, Exception? exception, int retriesSoFar, DateTimeOffset now, double jitter)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (response?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Locked)
        {
            var asked = RetryAfter(response, now) ?? DefaultRateLimitWait;
            return asked > MaxSingleWait ? MaxSingleWait : asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
        }

        if (method != HttpMethod.Get || retriesSoFar >= MaxTransientRetries || !IsTransient(response, exception))
        {
            return null;
        }

        // 1 s, 2 s, 4 s, each stretched by up to half again so that parallel runs do not retry in step.
        var backoff = FirstBackoff * Math.Pow(2, retriesSoFar);
        return backoff * (1 + (jitter / 2));
    }

    private static bool IsTransient(HttpResponseMessage? response, Exception? exception) =>
        response?.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
        || exception is HttpRequestException or TimeoutRejectedException;

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - now,
        _ => null,
    };
}
