using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

public class DeleteMessageActionTests
{
    private const string MessageId = "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk";
    private const string MessageUrl = ConnectorHarness.BaseUrl + "/messages/" + MessageId;
    private const string Uncertain = " The message may or may not have been deleted; check with get message before trying again.";

    [Test]
    public async Task Execute_Deleted_SendsOneBodylessDeleteAndSucceeds()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<HttpRequestMessage>();
        var delete = harness.When(HttpMethod.Delete, MessageUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request =>
            {
                requests.Add(request);
                return new HttpResponseMessage(HttpStatusCode.NoContent);
            });

        var result = await harness.RunOneAsync("delete_message", Parameters(MessageId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Message deleted"));
            Assert.That(result.Data, Is.Empty);
            Assert.That(harness.Http.GetMatchCount(delete), Is.EqualTo(1));
            Assert.That(requests.Single().RequestUri!.AbsoluteUri, Is.EqualTo(MessageUrl));
            Assert.That(requests.Single().Content, Is.Null, "DELETE has no body");
            Assert.That(result.Parameter["message_id"]?.GetValue<string>(), Is.EqualTo(MessageId));
        }
    }

    [TestCase("abc/def", "/v1/messages/abc%2Fdef")]
    [TestCase("abc?x=1&y", "/v1/messages/abc%3Fx%3D1%26y")]
    public async Task Execute_IdWithReservedCharacters_DeletesExactlyThatPathSegment(string id, string expectedPath)
    {
        using var harness = new ConnectorHarness();
        var requests = new List<HttpRequestMessage>();
        harness.Http.Fallback.Respond(request =>
        {
            requests.Add(request);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });

        await harness.RunOneAsync("delete_message", Parameters(id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests.Single().Method, Is.EqualTo(HttpMethod.Delete));
            Assert.That(requests.Single().RequestUri!.AbsolutePath, Is.EqualTo(expectedPath));
            Assert.That(requests.Single().RequestUri!.Query, Is.Empty);
        }
    }

    [Test]
    public async Task Execute_UnknownMessage_FailsWithWebexMessageAndNoUncertainty()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Delete, MessageUrl).Respond(HttpStatusCode.NotFound, "application/json", Fixture.Text(Fixture.Error404));

        var result = await harness.RunOneAsync("delete_message", Parameters(MessageId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo(
                "Error deleting message. Status code: 404. Details: The requested resource could not be found. Tracking ID: ROUTER_ABC"));
        }
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task Execute_ServerError_IsNotRetriedAndSaysTheOutcomeIsUncertain(HttpStatusCode status)
    {
        using var harness = new ConnectorHarness(timeScale: 50);
        var delete = harness.When(HttpMethod.Delete, MessageUrl).Respond(_ => ConnectorHarness.JsonResponse(
            status, """{"message":"Something went wrong","trackingId":"ROUTER_5XX"}"""));

        var result = await harness.RunOneAsync("delete_message", Parameters(MessageId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(harness.Http.GetMatchCount(delete), Is.EqualTo(1), "exactly one DELETE");
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo(
                $"Error deleting message. Status code: {(int)status}. Details: Something went wrong. Tracking ID: ROUTER_5XX{Uncertain}"));
        }
    }

    [Test]
    public async Task Execute_Timeout_IsNotRetriedAndSaysTheOutcomeIsUncertain()
    {
        using var harness = new ConnectorHarness(timeScale: 10);
        using var hanging = new HangingHandler();
        var delete = harness.When(HttpMethod.Delete, MessageUrl).Respond(hanging);
        var config = new JsonObject { ["authorization_key"] = ConnectorHarness.Pat, ["timeout_seconds"] = 0.3 }.ToJsonString();

        var result = await harness.RunSingleAsync(ConnectorHarness.Run("delete_message", config, parameters: Parameters(MessageId)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(harness.Http.GetMatchCount(delete), Is.EqualTo(1), "exactly one DELETE");
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo("Error deleting message. Webex did not answer within 0.3 s (timeout_seconds)." + Uncertain));
        }
    }

    [Test]
    public async Task Execute_RateLimited_RetriesBecauseWebexDidNothing()
    {
        using var harness = new ConnectorHarness(timeScale: 50);
        var limited = harness.Expect(HttpMethod.Delete, MessageUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.TooManyRequests, """{"message":"Too Many Requests","trackingId":"ROUTER_429"}""", ("Retry-After", "2")));
        var deleted = harness.Expect(HttpMethod.Delete, MessageUrl).Respond(HttpStatusCode.NoContent);

        var result = await harness.RunOneAsync("delete_message", Parameters(MessageId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(harness.Http.GetMatchCount(limited), Is.EqualTo(1));
            Assert.That(harness.Http.GetMatchCount(deleted), Is.EqualTo(1));
        }
    }

    [TestCase(".")]
    [TestCase("..")]
    public async Task Execute_DotSegmentId_DeletesNothingBecauseItWouldChangeThePath(string id)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("delete_message", Parameters(id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("'message_id'").And.Contain("path"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [TestCase("""{}""", TestName = "Execute_MissingMessageId_DeletesNothing")]
    [TestCase("""{"message_id": ""}""", TestName = "Execute_EmptyMessageId_DeletesNothing")]
    [TestCase("""{"message_id": {"id": "x"}}""", TestName = "Execute_ObjectMessageId_DeletesNothing")]
    public async Task Execute_InvalidMessageId_FailsNamingItWithoutRequest(string parameters)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("delete_message", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("'message_id'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    /// <summary>Answers only after 20 s (or when cancelled), like a server that does not respond.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(20), cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }
    }

    private static string Parameters(string messageId) => new JsonObject { ["message_id"] = messageId }.ToJsonString();
}
