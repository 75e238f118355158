using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;
using WebexConnector.Actions;
using WebexConnector.Tests.TestSupport;

namespace WebexConnector.Tests.Actions;

/// <summary>
/// What every action owes its callers when Webex misbehaves, and what every listing owes them, for every action of
/// <see cref="ActionCatalog.All"/> through the real dispatcher and HTTP pipeline on MockHttp, driven by each
/// definition's fields. The end-to-end twin (ActionContractTests in the CLI tests) covers parameters, 403 and
/// retries through the CLI; per-action test files keep only what is specific to their action.
/// </summary>
internal sealed class ActionContractTests
{
    private const string TrackingId = "ROUTER_CONTRACT";

    public static IEnumerable<TestCaseData> Actions() => Cases(_ => true);

    public static IEnumerable<TestCaseData> ChangingActions() => Cases(action => !action.ReadOnly);

    public static IEnumerable<TestCaseData> ReadOnlyActions() => Cases(action => action.ReadOnly);

    /// <summary>Every changing action with every server error after which Webex may have acted.</summary>
    public static IEnumerable<TestCaseData> ChangingActionsAndServerErrors() =>
        from action in ActionCatalog.All.Where(action => !action.ReadOnly)
        from status in new[] { HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout }
        select new TestCaseData(action.Identifier, status).SetArgDisplayNames(action.Identifier, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Actions that list: they take <c>limit</c> and report <c>total_…</c>.</summary>
    public static IEnumerable<TestCaseData> Listings() => Cases(action => Noun(action) is not null);

    [TestCaseSource(nameof(Actions))]
    public async Task Execute_Webex404_FailsWithPrefixStatusWebexMessageAndTrackingIdOnly(string identifier)
    {
        var action = ActionCatalog.Find(identifier)!;
        using var harness = new ConnectorHarness();
        harness.Http.When("*").Respond(_ => Error(HttpStatusCode.NotFound, "The requested resource could not be found."));

        var result = await harness.RunOneAsync(identifier, SampleParameters.For(action).ToJsonString());

        Assert.That(result.Message, Is.EqualTo(
            $"{action.FailureMessagePrefix}. Status code: 404. Details: The requested resource could not be found. Tracking ID: {TrackingId}"));
    }

    [TestCaseSource(nameof(ChangingActionsAndServerErrors))]
    public async Task Execute_ChangingRequestAnswered5xx_SentOnceAndSaysTheOutcomeIsUncertain(string identifier, HttpStatusCode status)
    {
        var action = ActionCatalog.Find(identifier)!;
        using var harness = new ConnectorHarness(timeScale: 50);
        var changing = 0;
        harness.Http.When("*").Respond(request =>
        {
            if (request.Method == HttpMethod.Get)
            {
                return Room();
            }

            Interlocked.Increment(ref changing);
            return Error(status, "Something went wrong");
        });

        var result = await harness.RunOneAsync(identifier, SampleParameters.For(action).ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(changing, Is.EqualTo(1), "a changing request is never re-sent after a 5xx");
            Assert.That(result.Message, Is.EqualTo(
                $"{action.FailureMessagePrefix}. Status code: {(int)status}. Details: Something went wrong. Tracking ID: {TrackingId} {action.UncertainOutcomeNote}"));
        }
    }

    [TestCaseSource(nameof(ChangingActions))]
    public async Task Execute_ChangingRequestNotAnsweredInTime_SentOnceAndSaysTheOutcomeIsUncertain(string identifier)
    {
        var action = ActionCatalog.Find(identifier)!;
        using var harness = new ConnectorHarness(timeScale: 10);
        using var webex = new ReadsAnsweredChangesHanging();
        harness.Http.When("*").Respond(webex);
        var config = new JsonObject { ["authorization_key"] = ConnectorHarness.Pat, ["timeout_seconds"] = 0.3 }.ToJsonString();

        var result = await harness.RunSingleAsync(ConnectorHarness.Run(identifier, config, parameters: SampleParameters.For(action).ToJsonString()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(webex.ChangingRequests, Is.EqualTo(1), "a changing request is never re-sent after a timeout");
            Assert.That(result.Message, Is.EqualTo($"{action.FailureMessagePrefix}. Webex did not answer within 0.3 s (timeout_seconds). {action.UncertainOutcomeNote}"));
        }
    }

    [TestCaseSource(nameof(ReadOnlyActions))]
    public async Task Execute_ReadAnswered5xxOnce_IsAskedAgain(string identifier)
    {
        var action = ActionCatalog.Find(identifier)!;
        using var harness = new ConnectorHarness(timeScale: 50);
        var requests = new List<string>();
        harness.Http.When("*").Respond(request =>
        {
            lock (requests)
            {
                requests.Add(request.RequestUri!.PathAndQuery);
                return requests.Count == 1 ? Error(HttpStatusCode.ServiceUnavailable, "Try again") : Error(HttpStatusCode.NotFound, "Not here");
            }
        });

        await harness.RunOneAsync(identifier, SampleParameters.For(action).ToJsonString());

        Assert.That(requests, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(requests[1], Is.EqualTo(requests[0]), "a read changes nothing, so a 503 is retried");
    }

    [TestCaseSource(nameof(Actions))]
    public async Task Execute_RateLimitedOnce_IsAskedAgainAfterTheWait(string identifier)
    {
        var action = ActionCatalog.Find(identifier)!;
        using var harness = new ConnectorHarness(timeScale: 50);
        var requests = new List<string>();
        harness.Http.When("*").Respond(request =>
        {
            lock (requests)
            {
                requests.Add(request.Method + " " + request.RequestUri!.PathAndQuery);
                return requests.Count == 1
                    ? ConnectorHarness.JsonResponse(HttpStatusCode.TooManyRequests, $$"""{"message":"Too Many Requests","trackingId":"{{TrackingId}}"}""", ("Retry-After", "2"))
                    : Error(HttpStatusCode.NotFound, "Not here");
            }
        });

        await harness.RunOneAsync(identifier, SampleParameters.For(action).ToJsonString());

        Assert.That(requests, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(requests[1], Is.EqualTo(requests[0]), "a 429 means Webex did nothing: any request, a POST too, is asked again");
    }

    [TestCaseSource(nameof(Listings))]
    public async Task Execute_ListingWithNothingToList_SucceedsWithZeroTotal(string identifier)
    {
        var action = ActionCatalog.Find(identifier)!;
        using var harness = new ConnectorHarness();
        harness.Http.When("*").Respond(_ => ConnectorHarness.JsonResponse(HttpStatusCode.OK, """{"items":[]}"""));

        var result = await harness.RunOneAsync(identifier, SampleParameters.For(action).ToJsonString());

        var noun = Noun(action);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo($"Total {noun}: 0"));
            Assert.That(result.Summary[$"total_{noun}"]?.GetValue<int>(), Is.Zero);
            Assert.That(result.Data, Is.Empty);
        }
    }

    [TestCaseSource(nameof(Listings))]
    public async Task Execute_LimitWithinTheFirstPage_AsksForThatManyAndFollowsNoLink(string identifier)
    {
        var action = ActionCatalog.Find(identifier)!;
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.Http.When("*").Respond(request =>
        {
            requests.Add(request.RequestUri!);
            var response = ConnectorHarness.JsonResponse(HttpStatusCode.OK, """{"items":[{"id":"a"},{"id":"b"},{"id":"c"}]}""");
            response.Headers.Add("Link", $"<{request.RequestUri!.GetLeftPart(UriPartial.Path)}?cursor=next>; rel=\"next\"");
            return response;
        });
        var parameters = SampleParameters.For(action);
        parameters["limit"] = 2;

        var result = await harness.RunOneAsync(identifier, parameters.ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(requests, Has.Count.EqualTo(1), "the limit was reached on the first page");
            Assert.That(ConnectorHarness.Query(requests[0])["max"], Is.EqualTo("2"), "asks for min(limit, largest page)");
            Assert.That(result.Data, Has.Count.EqualTo(2));
            Assert.That(result.Summary[$"total_{Noun(action)}"]?.GetValue<int>(), Is.EqualTo(2));
        }
    }

    [TestCaseSource(nameof(Listings))]
    public async Task Execute_LimitAboveTheLargestPage_AsksForTheLargestPage(string identifier)
    {
        var action = ActionCatalog.Find(identifier)!;
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.Http.When("*").Respond(request =>
        {
            requests.Add(request.RequestUri!);
            return ConnectorHarness.JsonResponse(HttpStatusCode.OK, """{"items":[]}""");
        });
        var parameters = SampleParameters.For(action);
        parameters["limit"] = 5000;

        await harness.RunOneAsync(identifier, parameters.ToJsonString());

        Assert.That(requests, Has.Count.EqualTo(1));
        Assert.That(int.Parse(ConnectorHarness.Query(requests[0])["max"]!, System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 1000), "never more than Webex's largest page");
    }

    private static IEnumerable<TestCaseData> Cases(Func<ActionDefinition, bool> which) =>
        ActionCatalog.All.Where(which).Select(action => new TestCaseData(action.Identifier).SetArgDisplayNames(action.Identifier));

    /// <summary>The noun of a listing's <c>action_result.summary.total_…</c>, or null for an action that does not list.</summary>
    private static string? Noun(ActionDefinition action) =>
        action.Parameters.Any(p => p.Name == "limit")
            ? action.Output.Select(o => o.DataPath).FirstOrDefault(p => p.StartsWith("action_result.summary.total_", StringComparison.Ordinal))?["action_result.summary.total_".Length..]
            : null;

    private static HttpResponseMessage Room() =>
        ConnectorHarness.JsonResponse(HttpStatusCode.OK, """{"id":"Y2lzY29zcGFyazovL3VzL1JPT00vY29udHJhY3Q","title":"Contract room","type":"group"}""");

    /// <summary>Answers a read with a room (update_room reads first); a changing request gets no answer until cancelled.</summary>
    private sealed class ReadsAnsweredChangesHanging : HttpMessageHandler
    {
        private int _changing;

        public int ChangingRequests => Volatile.Read(ref _changing);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get)
            {
                return Room();
            }

            Interlocked.Increment(ref _changing);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string message) =>
        ConnectorHarness.JsonResponse(status, $$"""{"message":"{{message}}","trackingId":"{{TrackingId}}"}""");
}
