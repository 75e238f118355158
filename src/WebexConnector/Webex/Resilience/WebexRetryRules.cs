using System.Net;
using Polly.Timeout;

namespace WebexConnector.Webex.Resilience;

/// <summary>
/// When a Webex request is tried again, and after how long. A refusal (429, 423) is retried for every method,
/// because Webex did nothing, at most <see cref="MaxRateLimitRetries"/> times; a request that never left (no
/// connection could be made) likewise. A 502/503/504, a timeout or a connection that broke after the request
/// was sent is retried only for GET: a POST, PUT or DELETE may already have been acted on (a message must never
/// be sent twice, a membership never removed twice).
/// </summary>
internal static class WebexRetryRules
{
    public static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MaxSingleWait = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    public const int MaxTransientRetries = 3;

    /// <summary>Refusals of one request retried at most; the action's <see cref="RetryBudget"/> bounds the waits too.</summary>
    public const int MaxRateLimitRetries = 20;

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
            if (retriesSoFar >= MaxRateLimitRetries)
            {
                return null;
            }

            var asked = RetryAfter(response, now) ?? DefaultRateLimitWait;
            return asked > MaxSingleWait ? MaxSingleWait : asked < TimeSpan.Zero ? TimeSpan.Zero : asked;
        }

        if ((method != HttpMethod.Get && !NeverLeft(exception)) || retriesSoFar >= MaxTransientRetries || !IsTransient(response, exception))
        {
            return null;
        }

        // 1 s, 2 s, 4 s, each stretched by up to half again so that parallel runs do not retry in step.
        var backoff = FirstBackoff * Math.Pow(2, retriesSoFar);
        return backoff * (1 + (jitter / 2));
    }

    /// <summary>No connection could be made (refused, unreachable, name not found): Webex cannot have seen the request.</summary>
    public static bool NeverLeft(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

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
