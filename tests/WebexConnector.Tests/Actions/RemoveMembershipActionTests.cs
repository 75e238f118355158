using System.Net;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

public class RemoveMembershipActionTests
{
    private const string MembershipId = "Y2lzY29zcGFyazovL3VzL01FTUJFUlNISVAvMGQwYzkxYjYtY2U2MC00NzI1LWI2ZDAtMzQ1NWQ1ZDExZWYzOmNkZTFkZDQwLTJmMGQtMTFlNS1iYTljLTdiNjU1NmQyMjA3Yg";
    private const string MembershipUrl = ConnectorHarness.BaseUrl + "/memberships/" + MembershipId;
    private const string UncertainNote = "The person may or may not have been removed; list the memberships before trying again.";

    [Test]
    public async Task Execute_MembershipId_SendsOneDeleteToItsPathWithoutBody()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<HttpRequestMessage>();
        var delete = harness.When(HttpMethod.Delete, MembershipUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => NoContent(requests, request));

        var result = await harness.RunOneAsync("remove_membership", $$"""{"membership_id": "{{MembershipId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(harness.Http.GetMatchCount(delete), Is.EqualTo(1));
            Assert.That(harness.RequestCount, Is.EqualTo(1));
            Assert.That(requests.Single().RequestUri!.Query, Is.Empty);
            Assert.That(requests.Single().Content, Is.Null, "a DELETE carries no body");
        }
    }

    [Test]
    public async Task Execute_NoContent_SucceedsWithEmptyDataAndTheIdInTheSummary()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Delete, MembershipUrl).Respond(HttpStatusCode.NoContent);

        var result = await harness.RunOneAsync("remove_membership", $$"""{"membership_id": "{{MembershipId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Membership removed"));
            Assert.That(result.Data, Is.Empty);
            Assert.That(result.Summary["membership_id"]?.GetValue<string>(), Is.EqualTo(MembershipId));
            Assert.That(result.Parameter["membership_id"]?.GetValue<string>(), Is.EqualTo(MembershipId));
        }
    }

    [TestCase("a/b?c#d", "a%2Fb%3Fc%23d")]
    [TestCase("../rooms/x", "..%2Frooms%2Fx")]
    [TestCase("id with space&x=1", "id%20with%20space%26x%3D1")]
    [TestCase("...", "...")]
    [TestCase("../..", "..%2F..")]
    public async Task Execute_IdWithReservedCharacters_IsEscapedInsideTheOneSegment(string id, string escaped)
    {
        using var harness = new ConnectorHarness();
        var requests = new List<HttpRequestMessage>();
        harness.When(HttpMethod.Delete, ConnectorHarness.BaseUrl + "/*").Respond(request => NoContent(requests, request));

        var result = await harness.RunOneAsync("remove_membership", new System.Text.Json.Nodes.JsonObject { ["membership_id"] = id }.ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(requests.Single().RequestUri!.AbsolutePath, Is.EqualTo("/v1/memberships/" + escaped));
            Assert.That(requests.Single().RequestUri!.Query, Is.Empty);
            Assert.That(requests.Single().RequestUri!.Fragment, Is.Empty);
        }
    }

    [Test]
    public async Task Execute_UnknownMembership_FailsWithStatusWebexTextAndTrackingIdOnly()
    {
        using var harness = new ConnectorHarness();
        var delete = harness.When(HttpMethod.Delete, MembershipUrl).Respond(HttpStatusCode.NotFound, "application/json", Fixture.Text(Fixture.Error404));

        var result = await harness.RunOneAsync("remove_membership", $$"""{"membership_id": "{{MembershipId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo(
                "Error removing membership. Status code: 404. Details: The requested resource could not be found. Tracking ID: ROUTER_ABC"),
                "a 404 is certain: nothing was removed, so no note about an uncertain outcome");
            Assert.That(harness.Http.GetMatchCount(delete), Is.EqualTo(1));
        }
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task Execute_ServerError_IsNotRetriedAndSaysTheOutcomeIsUncertain(HttpStatusCode status)
    {
        using var harness = new ConnectorHarness(timeScale: 50);
        var delete = harness.When(HttpMethod.Delete, MembershipUrl).Respond(_ => ConnectorHarness.JsonResponse(
            status, """{"message":"Something went wrong","trackingId":"ROUTER_5XX"}"""));

        var result = await harness.RunOneAsync("remove_membership", $$"""{"membership_id": "{{MembershipId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(harness.Http.GetMatchCount(delete), Is.EqualTo(1), "a DELETE is never retried after a 5xx");
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo(
                $"Error removing membership. Status code: {(int)status}. Details: Something went wrong. Tracking ID: ROUTER_5XX {UncertainNote}"));
        }
    }

    [Test]
    public async Task Execute_NoAnswerWithinTimeout_IsNotRetriedAndSaysTheOutcomeIsUncertain()
    {
        using var harness = new ConnectorHarness(timeScale: 10);
        using var hanging = new HangingHandler();
        var delete = harness.When(HttpMethod.Delete, MembershipUrl).Respond(hanging);
        var config = $$"""{"authorization_key": "{{ConnectorHarness.Pat}}", "timeout_seconds": 0.3}""";

        var result = await harness.RunSingleAsync(ConnectorHarness.Run("remove_membership", config, parameters: $$"""{"membership_id": "{{MembershipId}}"}"""));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(harness.Http.GetMatchCount(delete), Is.EqualTo(1), "a DELETE is never retried after a timeout");
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Error removing membership. Webex did not answer").And.EndWith(UncertainNote));
        }
    }

    [Test]
    public async Task Execute_RateLimited_RetriesAfterRetryAfterAndDeletesOnce()
    {
        using var harness = new ConnectorHarness(timeScale: 50);
        var limited = harness.Expect(HttpMethod.Delete, MembershipUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.TooManyRequests, """{"message":"Too Many Requests","trackingId":"ROUTER_429"}""", ("Retry-After", "2")));
        var accepted = harness.Expect(HttpMethod.Delete, MembershipUrl).Respond(HttpStatusCode.NoContent);

        var result = await harness.RunOneAsync("remove_membership", $$"""{"membership_id": "{{MembershipId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(harness.Http.GetMatchCount(limited), Is.EqualTo(1));
            Assert.That(harness.Http.GetMatchCount(accepted), Is.EqualTo(1), "a refusal (429) is retried: Webex did nothing");
        }
    }

    [TestCase("{}", TestName = "Execute_MissingMembershipId_FailsWithoutRequest")]
    [TestCase("""{"membership_id": ""}""", TestName = "Execute_EmptyMembershipId_FailsWithoutRequest")]
    [TestCase("""{"membership_id": 42}""", TestName = "Execute_NumericMembershipId_FailsWithoutRequest")]
    [TestCase("""{"membership_id": "abc\u0000def"}""", TestName = "Execute_MembershipIdWithControlCharacter_FailsWithoutRequest")]
    [TestCase("""{"membership_id": ".."}""", TestName = "Execute_MembershipIdDotDot_FailsWithoutRequestSoNoOtherPathIsDeleted")]
    [TestCase("""{"membership_id": "."}""", TestName = "Execute_MembershipIdDot_FailsWithoutRequestSoNoOtherPathIsDeleted")]
    public async Task Execute_InvalidMembershipId_FailsNamingItWithoutRequest(string parameters)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("remove_membership", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("'membership_id'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    private static HttpResponseMessage NoContent(List<HttpRequestMessage> requests, HttpRequestMessage request)
    {
        requests.Add(request);
        return new HttpResponseMessage(HttpStatusCode.NoContent);
    }

    /// <summary>Answers only after 20 s, far beyond the attempt timeout.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }
}
