using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;

namespace WebexConnector.Tests.Actions;

public class SendMessageActionTests
{
    private const string MessagesUrl = ConnectorHarness.BaseUrl + "/messages";
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0";
    private const string PersonId = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mMDZkNzFhNS0wODMzLTRmYTUtYTcyYS1jYzg5YjI1ZWVlMmX";

    [TestCase("room", RoomId, """{"roomId":"Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0","text":"hello room"}""",
        TestName = "Execute_RoomDestination_PostsRoomIdAndTextOnly")]
    [TestCase("user", PersonId, """{"toPersonId":"Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mMDZkNzFhNS0wODMzLTRmYTUtYTcyYS1jYzg5YjI1ZWVlMmX","text":"hello room"}""",
        TestName = "Execute_UserDestination_PostsToPersonIdAndTextOnly")]
    [TestCase("email", "julie@example.com", """{"toPersonEmail":"julie@example.com","text":"hello room"}""",
        TestName = "Execute_EmailDestination_PostsToPersonEmailAndTextOnly")]
    [TestCase("ROOM", RoomId, """{"roomId":"Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0","text":"hello room"}""",
        TestName = "Execute_UpperCaseRoomDestination_PostsRoomId")]
    [TestCase("User", PersonId, """{"toPersonId":"Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mMDZkNzFhNS0wODMzLTRmYTUtYTcyYS1jYzg5YjI1ZWVlMmX","text":"hello room"}""",
        TestName = "Execute_MixedCaseUserDestination_PostsToPersonId")]
    [TestCase("EMAIL", "julie@example.com", """{"toPersonEmail":"julie@example.com","text":"hello room"}""",
        TestName = "Execute_UpperCaseEmailDestination_PostsToPersonEmail")]
    public async Task Execute_Destination_PostsExactlyTheSpecFields(string destination, string endpoint, string expectedBody)
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MessagesUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => CreatedAsync(bodies, request));
        var parameters = new JsonObject { ["endpoint_id"] = endpoint, ["destination_type"] = destination, ["message"] = "hello room" };

        var result = await harness.RunOneAsync("send_message", parameters.ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(new[] { expectedBody }));
            Assert.That(result.Message, Is.EqualTo("Message sent successfully"));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(new[] { Fixture.Json(Fixture.MessageCreated).GetRawText() }));
            Assert.That(result.Parameter["destination_type"]?.GetValue<string>(), Is.EqualTo(destination), "the echo keeps what was given");
        }
    }

    [TestCase("true")]
    [TestCase("\"true\"")]
    [TestCase("\"True\"")]
    public async Task Execute_Markdown_SendsMarkdownInsteadOfText(string markdown)
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MessagesUrl).Respond(request => CreatedAsync(bodies, request));

        var result = await harness.RunOneAsync("send_message",
            $$"""{"endpoint_id": "{{RoomId}}", "destination_type": "room", "message": "**PROJECT UPDATE** done", "markdown": {{markdown}}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(new[] { $$"""{"roomId":"{{RoomId}}","markdown":"**PROJECT UPDATE** done"}""" }));
        }
    }

    [TestCase("false")]
    [TestCase("\"false\"")]
    [TestCase("\"\"")]
    [TestCase("null")]
    public async Task Execute_MarkdownFalseOrUnset_SendsText(string markdown)
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MessagesUrl).Respond(request => CreatedAsync(bodies, request));

        await harness.RunOneAsync("send_message",
            $$"""{"endpoint_id": "{{RoomId}}", "destination_type": "room", "message": "plain", "markdown": {{markdown}}}""");

        Assert.That(bodies, Is.EqualTo(new[] { $$"""{"roomId":"{{RoomId}}","text":"plain"}""" }));
    }

    [Test]
    public async Task Execute_MessageOfExactly7439Utf8Bytes_IsSentWhole()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MessagesUrl).Respond(request => CreatedAsync(bodies, request));
        var message = new string('é', 3719) + "a";
        Assert.That(Encoding.UTF8.GetByteCount(message), Is.EqualTo(7439));

        var result = await harness.RunOneAsync("send_message", Parameters("room", RoomId, message));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Has.Count.EqualTo(1));
            Assert.That(JsonNode.Parse(bodies[0])?["text"]?.GetValue<string>(), Is.EqualTo(message));
        }
    }

    [TestCase(3720, "", TestName = "Execute_MessageOf7440Utf8BytesIn3720Characters_FailsWithoutRequest")]
    [TestCase(0, "7440 ascii", TestName = "Execute_MessageOf7440AsciiBytes_FailsWithoutRequest")]
    public async Task Execute_MessageOver7439Utf8Bytes_FailsWithoutRequest(int twoByteCharacters, string kind)
    {
        using var harness = new ConnectorHarness();
        var message = kind.Length == 0 ? new string('é', twoByteCharacters) : new string('a', 7440);
        Assert.That(Encoding.UTF8.GetByteCount(message), Is.EqualTo(7440));

        var result = await harness.RunOneAsync("send_message", Parameters("room", RoomId, message));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("'message'").And.Contain("7439"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [TestCase("Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mMDZk")]
    [TestCase("julie at example.com")]
    [TestCase("Julie <julie@example.com>")]
    public async Task Execute_EmailDestinationWithNonEmailEndpoint_FailsWithoutRequest(string endpoint)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("send_message", Parameters("email", endpoint, "hello"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("endpoint_id"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [TestCase("""{"destination_type": "room", "message": "hi"}""", "endpoint_id", TestName = "Execute_MissingEndpoint_FailsWithoutRequest")]
    [TestCase("""{"endpoint_id": "x", "message": "hi"}""", "destination_type", TestName = "Execute_MissingDestinationType_FailsWithoutRequest")]
    [TestCase("""{"endpoint_id": "x", "destination_type": "channel", "message": "hi"}""", "destination_type", TestName = "Execute_UnknownDestinationType_FailsWithoutRequest")]
    [TestCase("""{"endpoint_id": "x", "destination_type": "room", "message": ""}""", "message", TestName = "Execute_EmptyMessage_FailsWithoutRequest")]
    [TestCase("""{"endpoint_id": "x", "destination_type": "room"}""", "message", TestName = "Execute_MissingMessage_FailsWithoutRequest")]
    [TestCase("""{"endpoint_id": "x", "destination_type": "room", "message": "hi", "markdown": "yes"}""", "markdown", TestName = "Execute_MarkdownNotBoolean_FailsWithoutRequest")]
    public async Task Execute_InvalidParameter_FailsNamingItWithoutRequest(string parameters, string name)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("send_message", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain($"'{name}'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Execute_UnknownRoom_FailsWithExactContractMessage()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Post, MessagesUrl).Respond(HttpStatusCode.NotFound, "application/json", Fixture.Text(Fixture.Error404));

        var result = await harness.RunOneAsync("send_message", Parameters("room", "Y2lzY29zcGFyazovL3VzL1JPT00vdW5rbm93bg", "hello"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo(
                "Error sending message. Status code: 404. Details: The requested resource could not be found. Tracking ID: ROUTER_ABC"));
        }
    }

    [Test]
    public async Task Execute_ServiceUnavailable_IsNotRetriedSoTheMessageIsNeverSentTwice()
    {
        using var harness = new ConnectorHarness(timeScale: 50);
        var post = harness.When(HttpMethod.Post, MessagesUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.ServiceUnavailable, """{"message":"Service Unavailable","trackingId":"ROUTER_503"}"""));

        var result = await harness.RunOneAsync("send_message", Parameters("room", RoomId, "hello"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(harness.Http.GetMatchCount(post), Is.EqualTo(1));
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Error sending message. Status code: 503. Details: Service Unavailable. Tracking ID: ROUTER_503"));
        }
    }

    [Test]
    public async Task Execute_RateLimited_RetriesAfterRetryAfterAndSendsOnce()
    {
        using var harness = new ConnectorHarness(timeScale: 50);
        var bodies = new List<string>();
        var limited = harness.Expect(HttpMethod.Post, MessagesUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.TooManyRequests, """{"message":"Too Many Requests","trackingId":"ROUTER_429"}""", ("Retry-After", "2")));
        var accepted = harness.Expect(HttpMethod.Post, MessagesUrl).Respond(request => CreatedAsync(bodies, request));

        var result = await harness.RunOneAsync("send_message", Parameters("room", RoomId, "hello"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(harness.Http.GetMatchCount(limited), Is.EqualTo(1));
            Assert.That(harness.Http.GetMatchCount(accepted), Is.EqualTo(1));
            Assert.That(bodies, Is.EqualTo(new[] { $$"""{"roomId":"{{RoomId}}","text":"hello"}""" }), "the retried request carries the same body");
        }
    }

    private static string Parameters(string destination, string endpoint, string message) =>
        new JsonObject { ["endpoint_id"] = endpoint, ["destination_type"] = destination, ["message"] = message }.ToJsonString();

    private static async Task<HttpResponseMessage> CreatedAsync(List<string> bodies, HttpRequestMessage request)
    {
        bodies.Add(request.Content is null ? "(no body)" : await request.Content.ReadAsStringAsync());
        return ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(Fixture.MessageCreated));
    }
}
