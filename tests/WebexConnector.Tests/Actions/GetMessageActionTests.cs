using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

public class GetMessageActionTests
{
    private const string MessageId = "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk";
    private const string MessageUrl = ConnectorHarness.BaseUrl + "/messages/" + MessageId;

    [Test]
    public async Task Execute_KnownId_GetsItAndReturnsTheMessageUnchanged()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<HttpRequestMessage>();
        harness.When(HttpMethod.Get, MessageUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => Answer(requests, request));

        var result = await harness.RunOneAsync("get_message", Parameters(MessageId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Message found"));
            Assert.That(requests.Single().RequestUri!.AbsoluteUri, Is.EqualTo(MessageUrl), "no query, no body");
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(new[] { Fixture.Json(Fixture.MessageDetails).GetRawText() }));
            Assert.That(result.Parameter["message_id"]?.GetValue<string>(), Is.EqualTo(MessageId));
        }
    }

    [TestCase("abc/def", "/v1/messages/abc%2Fdef")]
    [TestCase("abc?max=1", "/v1/messages/abc%3Fmax%3D1")]
    [TestCase("a#b c", "/v1/messages/a%23b%20c")]
    [TestCase("../rooms", "/v1/messages/..%2Frooms")]
    public async Task Execute_IdWithReservedCharacters_IsEscapedIntoOnePathSegment(string id, string expectedPath)
    {
        using var harness = new ConnectorHarness();
        var requests = new List<HttpRequestMessage>();
        harness.Http.Fallback.Respond(request => Answer(requests, request));

        await harness.RunOneAsync("get_message", Parameters(id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests.Single().RequestUri!.AbsolutePath, Is.EqualTo(expectedPath));
            Assert.That(requests.Single().RequestUri!.Query, Is.Empty);
        }
    }

    [Test]
    public async Task Execute_AnswerIsNotAnObject_FailsSayingSo()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Get, MessageUrl).Respond("application/json", "[]");

        var result = await harness.RunOneAsync("get_message", Parameters(MessageId));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Error getting message. Status code: 200. Details: Webex answered with JSON that is not an object."));
        }
    }

    [TestCase("""{}""", TestName = "Execute_MissingMessageId_FailsWithoutRequest")]
    [TestCase("""{"message_id": ""}""", TestName = "Execute_EmptyMessageId_FailsWithoutRequest")]
    [TestCase("""{"message_id": 42}""", TestName = "Execute_NumericMessageId_FailsWithoutRequest")]
    public async Task Execute_InvalidMessageId_FailsNamingItWithoutRequest(string parameters)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("get_message", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("'message_id'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [TestCase(".")]
    [TestCase("..")]
    public async Task Execute_DotSegmentId_FailsWithoutRequestBecauseItWouldChangeThePath(string id)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("get_message", Parameters(id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo($"Parameter 'message_id' must be a Webex id; got '{id}', which in a URL path would name another resource."));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    private static string Parameters(string messageId) => new JsonObject { ["message_id"] = messageId }.ToJsonString();

    private static HttpResponseMessage Answer(List<HttpRequestMessage> requests, HttpRequestMessage request)
    {
        requests.Add(request);
        return ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(Fixture.MessageDetails));
    }
}
