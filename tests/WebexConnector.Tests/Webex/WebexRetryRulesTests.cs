using System.Net;
using WebexConnector.Webex;
using WebexConnector.Webex.Resilience;

namespace WebexConnector.Tests.Webex;

/// <summary>The one retry rule: what is tried again, how often, after how long.</summary>
public class WebexRetryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 8, 0, 0, TimeSpan.Zero);

    private static readonly HttpMethod[] ChangingMethods = [HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete];

    [TestCaseSource(nameof(ChangingMethods))]
    public void PlanWait_ChangingRequestWhoseConnectionEndedAfterSending_IsNotRetried(HttpMethod method)
    {
        var ended = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.");

        Assert.That(WebexRetryRules.PlanWait(method, response: null, ended, retriesSoFar: 0, Now, jitter: 0), Is.Null);
    }

    [TestCaseSource(nameof(ChangingMethods))]
    public void PlanWait_ChangingRequestThatNeverLeft_IsRetriedWithBackoff(HttpMethod method)
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");

        Assert.That(WebexRetryRules.PlanWait(method, response: null, refused, retriesSoFar: 0, Now, jitter: 0), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [TestCaseSource(nameof(ChangingMethods))]
    public void PlanWait_ChangingRequestAfter503_IsNotRetried(HttpMethod method)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.That(WebexRetryRules.PlanWait(method, response, exception: null, retriesSoFar: 0, Now, jitter: 0), Is.Null);
    }

    [TestCase(0, 1.0)]
    [TestCase(1, 2.0)]
    [TestCase(2, 4.0)]
    public void PlanWait_GetAfter503_BacksOffExponentially(int retriesSoFar, double seconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.That(WebexRetryRules.PlanWait(HttpMethod.Get, response, null, retriesSoFar, Now, jitter: 0), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [Test]
    public void PlanWait_GetAfterThreeRetries_GivesUp()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);

        Assert.That(WebexRetryRules.PlanWait(HttpMethod.Get, response, null, WebexRetryRules.MaxTransientRetries, Now, jitter: 0), Is.Null);
    }

    [TestCase(null, 15.0)]
    [TestCase(3, 3.0)]
    [TestCase(600, 60.0)]
    public void PlanWait_RateLimited_WaitsRetryAfterWithinBounds(int? retryAfterSeconds, double expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        Assert.That(WebexRetryRules.PlanWait(HttpMethod.Post, response, null, 0, Now, jitter: 0.9), Is.EqualTo(TimeSpan.FromSeconds(expected)));
    }

    [Test]
    public void PlanWait_RateLimitedTwentyTimes_GivesUp()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(WebexRetryRules.PlanWait(HttpMethod.Get, response, null, WebexRetryRules.MaxRateLimitRetries - 1, Now, 0), Is.Not.Null);
            Assert.That(WebexRetryRules.PlanWait(HttpMethod.Get, response, null, WebexRetryRules.MaxRateLimitRetries, Now, 0), Is.Null);
        }
    }

    [Test]
    public void RetryBudget_Reservations_CountRetriesAndWaitsAndRefuseWhatDoesNotFit()
    {
        var budget = new RetryBudget(TimeSpan.FromSeconds(100));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(budget.TryReserve(TimeSpan.FromSeconds(60)), Is.True);
            Assert.That(budget.TryReserve(TimeSpan.FromSeconds(60)), Is.False, "60 s more would pass the 100 s");
            Assert.That(budget.TryReserve(TimeSpan.FromSeconds(40)), Is.True);
            Assert.That(budget.Retries, Is.EqualTo(2));
            Assert.That(budget.Waited, Is.EqualTo(TimeSpan.FromSeconds(100)));
            Assert.That(budget.Remaining, Is.EqualTo(TimeSpan.Zero));
        }
    }

    [Test]
    public void For_RateLimitedAfterRetries_SaysHowOftenAndHowLongItRetriedAndTheBounds()
    {
        var budget = new RetryBudget(RetryBudget.PerAction);
        RetryBudget.Enter(budget);
        for (var i = 0; i < 20; i++)
        {
            budget.TryReserve(TimeSpan.FromSeconds(1));
        }

        var message = WebexFailureMessage.For("Error listing rooms", new WebexApiException(HttpStatusCode.TooManyRequests, "Too many requests.", "ROUTER_429"));

        Assert.That(message, Is.EqualTo(
            "Error listing rooms. Status code: 429. Details: Too many requests. Tracking ID: ROUTER_429 Webex kept refusing requests for rate limiting; "
            + "the connector retried 20 times, waiting 20 s in all, and gave up: it retries one request at most 20 times and waits at most 60 s at a time and 120 s per action in all."));
    }
}
