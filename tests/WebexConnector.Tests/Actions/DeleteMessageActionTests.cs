using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

public class DeleteMessageActionTests
{
    private const string MessageId = "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk";
    private const string MessageUrl = ConnectorHarness.BaseUrl + "/messages/" + MessageId;

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

    private static string Parameters(string messageId) => new JsonObject { ["message_id"] = messageId }.ToJsonString();
}
