using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using WebexConnector.Logging;
using Polly;

namespace WebexConnector.Webex.Resilience;

/// <summary>
/// The Polly pipeline every Webex client gets: <see cref="WebexRetryRules"/> around a per-attempt timeout that
/// covers the whole answer (<see cref="ResponseBufferingHandler"/> sits inside it).
/// </summary>
internal static class WebexResilience
{
    private static readonly ResiliencePropertyKey<TimeSpan> PlannedWait = new("webex.planned-wait");

    public static IHttpClientBuilder AddWebexResilience(this IHttpClientBuilder builder, TimeSpan attemptTimeout)
    {
        builder.AddResilienceHandler("webex", (pipeline, context) =>
        {
            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("WebexConnector.Retry");
            pipeline.TimeProvider = time;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                // WebexRetryRules and the action's RetryBudget decide when to stop; this only keeps Polly out of the way.
                MaxRetryAttempts = int.MaxValue,
                ShouldHandle = args => ValueTask.FromResult(Plan(args.Context, args.Outcome, args.AttemptNumber, time)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Context.Properties.TryGetValue(PlannedWait, out var wait) ? wait : TimeSpan.Zero),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var method = request?.Method.Method ?? "?";
                    var path = request?.RequestUri?.AbsolutePath ?? "?";
                    var outcome = args.Outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}"
                        : args.Outcome.Exception is Polly.Timeout.TimeoutRejectedException ? "no answer in time" : "a connection failure";
                    logger.Retrying(method, path, args.RetryDelay.TotalSeconds, outcome);
                    Runs.ActionProgress.Current?.RetryWaiting($"{method} {path}", outcome, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
            pipeline.AddTimeout(attemptTimeout);
        });
        builder.AddHttpMessageHandler(() => new ResponseBufferingHandler());
        return builder;
    }

    private static bool Plan(ResilienceContext context, Outcome<HttpResponseMessage> outcome, int attemptNumber, TimeProvider time)
    {
        var method = context.GetRequestMessage()?.Method ?? HttpMethod.Get;
        var wait = WebexRetryRules.PlanWait(method, outcome.Result, outcome.Exception, attemptNumber, time.GetUtcNow(), Random.Shared.NextDouble());
        if (wait is null || RetryBudget.Current?.TryReserve(wait.Value) == false)
        {
            return false;
        }

        context.Properties.Set(PlannedWait, wait.Value);
        return true;
    }
}
