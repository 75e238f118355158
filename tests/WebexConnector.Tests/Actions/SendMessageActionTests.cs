using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;
using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

public class SendMessageActionTests
{
    private const string MessagesUrl = ConnectorHarness.BaseUrl + "/messages";
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0";
    private const string PersonId = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mMDZkNzFhNS0wODMzLTRmYTUtYTcyYS1jYzg5YjI1ZWVlMmX";
    private const string ParentId = "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvZWM1ZTIzZjAtN2RhMS0xMWU5LTg2NTgtZTkzYzNiODZjZmFm";

    // The OpenAPI example card, as an operator would paste it, and as it must arrive (compact).
    private const string Card = """
        {
          "type": "AdaptiveCard",
          "version": "1.0",
          "body": [ { "type": "TextBlock", "text": "Adaptive Cards", "size": "large" } ],
          "actions": [ { "type": "Action.OpenUrl", "url": "http://adaptivecards.io", "title": "Learn More" } ]
        }
        """;

    private const string CompactCard = """{"type":"AdaptiveCard","version":"1.0","body":[{"type":"TextBlock","text":"Adaptive Cards","size":"large"}],"actions":[{"type":"Action.OpenUrl","url":"http://adaptivecards.io","title":"Learn More"}]}""";

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

    [Test]
    public async Task Execute_ParentId_PostsParentIdToReplyInTheThread()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MessagesUrl).Respond(request => CreatedAsync(bodies, request));
        var parameters = With(Parameters("room", RoomId, "on it"), ("parent_id", ParentId));

        var result = await harness.RunOneAsync("send_message", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(new[] { $$"""{"roomId":"{{RoomId}}","parentId":"{{ParentId}}","text":"on it"}""" }));
        }
    }

    [Test]
    public async Task Execute_File_PostsFilesAsAListOfOneUrl()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MessagesUrl).Respond(request => CreatedAsync(bodies, request));
        var parameters = With(Parameters("room", RoomId, "the report"), ("files", "https://www.example.com/reports/inc-1234.pdf?v=2&x=%20"));

        var result = await harness.RunOneAsync("send_message", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(new[]
            {
                $$"""{"roomId":"{{RoomId}}","text":"the report","files":["https://www.example.com/reports/inc-1234.pdf?v=2\u0026x=%20"]}""",
            }));
            Assert.That(JsonNode.Parse(bodies[0])?["files"]?[0]?.GetValue<string>(), Is.EqualTo("https://www.example.com/reports/inc-1234.pdf?v=2&x=%20"));
        }
    }

    [Test]
    public async Task Execute_Card_PostsOneAdaptiveCardAttachmentEmbeddedAsJson()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MessagesUrl).Respond(request => CreatedAsync(bodies, request));
        var parameters = With(Parameters("room", RoomId, "Incident INC-1234 (open in a client that shows cards)"), ("card", Card));

        var result = await harness.RunOneAsync("send_message", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(new[]
            {
                $$"""{"roomId":"{{RoomId}}","text":"Incident INC-1234 (open in a client that shows cards)","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{{CompactCard}}}]}""",
            }), "the card is a JSON object inside the one attachment, not a string");
        }
    }

    [Test]
    public async Task Execute_CardWithUnicodeAndEscapes_ArrivesAsTheSameJson()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MessagesUrl).Respond(request => CreatedAsync(bodies, request));
        const string card = """
            {"type": "AdaptiveCard", "version": "1.3",
             "body": [{"type": "TextBlock", "text": "Hôte <host-42> \"isolé\" ✓\n\u00e9", "wrap": true, "size": 12.50, "big": 12345678901234567890123}]}
            """;
        var parameters = With(Parameters("room", RoomId, "fallback"), ("card", card));

        var result = await harness.RunOneAsync("send_message", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            var content = JsonNode.Parse(bodies.Single())?["attachments"]?[0]?["content"];
            Assert.That(JsonNode.DeepEquals(content, JsonNode.Parse(card)), Is.True, bodies.Single());
            Assert.That(bodies.Single(), Does.Contain("\"big\":12345678901234567890123").And.Contain("\"size\":12.50"), "numbers are written as given");
        }
    }

    [Test]
    public async Task Execute_ReplyWithFileCardAndMarkdown_PostsEverySpecFieldInSpecOrder()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MessagesUrl).Respond(request => CreatedAsync(bodies, request));
        var parameters = With(
            Parameters("email", "julie@example.com", "**fallback**"),
            ("markdown", "true"), ("parent_id", ParentId), ("files", "http://www.example.com/images/media.png"), ("card", Card));

        var result = await harness.RunOneAsync("send_message", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(bodies, Is.EqualTo(new[]
            {
                $$"""{"parentId":"{{ParentId}}","toPersonEmail":"julie@example.com","markdown":"**fallback**","files":["http://www.example.com/images/media.png"],"attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{{CompactCard}}}]}""",
            }));
        }
    }

    [TestCase("{\"type\": \"AdaptiveCard\",", "not valid JSON", TestName = "Execute_CardNotJson_FailsWithoutRequest")]
    [TestCase("AdaptiveCard", "not valid JSON", TestName = "Execute_CardPlainText_FailsWithoutRequest")]
    [TestCase("[{\"type\": \"AdaptiveCard\"}]", "got a list", TestName = "Execute_CardIsAList_FailsWithoutRequest")]
    [TestCase("\"AdaptiveCard\"", "got 'AdaptiveCard'", TestName = "Execute_CardIsAJsonString_FailsWithoutRequest")]
    [TestCase("42", "got the number 42", TestName = "Execute_CardIsANumber_FailsWithoutRequest")]
    [TestCase("null", "got null", TestName = "Execute_CardIsJsonNull_FailsWithoutRequest")]
    [TestCase("{\"a\": 1} {\"b\": 2}", "not valid JSON", TestName = "Execute_CardIsTwoObjects_FailsWithoutRequest")]
    public async Task Execute_CardNotAJsonObject_FailsNamingCardWithoutRequest(string card, string reason)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("send_message", With(Parameters("room", RoomId, "hello"), ("card", card)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Parameter 'card' must be a JSON object;").And.Contain(reason));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Execute_CardGivenAsJsonObjectInTheRunDocument_PostsTheSameAttachmentAsJsonText()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MessagesUrl).Respond(request => CreatedAsync(bodies, request));
        var parameters = JsonNode.Parse(Parameters("room", RoomId, "fallback"))!.AsObject();
        parameters["card"] = JsonNode.Parse(Card);

        var result = await harness.RunOneAsync("send_message", parameters.ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            var content = JsonNode.Parse(bodies.Single())?["attachments"]?[0]?["content"];
            Assert.That(JsonNode.DeepEquals(content, JsonNode.Parse(Card)), Is.True, bodies.Single());
        }
    }

    [Test]
    public async Task Execute_CardGivenAsJsonListInTheRunDocument_FailsNamingCardWithoutRequest()
    {
        using var harness = new ConnectorHarness();
        var parameters = JsonNode.Parse(Parameters("room", RoomId, "hello"))!.AsObject();
        parameters["card"] = new JsonArray(JsonNode.Parse(Card));

        var result = await harness.RunOneAsync("send_message", parameters.ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo("Parameter 'card' must be a JSON object (or a string holding one); got a list."));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Execute_CardOverItsSizeBound_FailsWithoutRequest()
    {
        using var harness = new ConnectorHarness();
        var card = $$"""{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"{{new string('x', SendMessageAction.MaxCardBytes)}}"}]}""";

        var result = await harness.RunOneAsync("send_message", With(Parameters("room", RoomId, "hello"), ("card", card)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Parameter 'card' is").And.Contain($"at most {SendMessageAction.MaxCardBytes} are allowed"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Execute_CardWithoutMessage_FailsBecauseTheFallbackTextIsRequired()
    {
        using var harness = new ConnectorHarness();
        var parameters = new JsonObject { ["endpoint_id"] = RoomId, ["destination_type"] = "room", ["card"] = Card };

        var result = await harness.RunOneAsync("send_message", parameters.ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo("Missing required parameter 'message'."));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [TestCase("www.example.com/report.pdf", TestName = "Execute_FileWithoutScheme_FailsWithoutRequest")]
    [TestCase("ftp://files.example.com/report.pdf", TestName = "Execute_FtpFile_FailsWithoutRequest")]
    [TestCase("file:///etc/passwd", TestName = "Execute_LocalFile_FailsWithoutRequest")]
    [TestCase("https://", TestName = "Execute_FileUrlWithoutHost_FailsWithoutRequest")]
    [TestCase("https://www.example.com/a report.pdf", TestName = "Execute_FileUrlWithSpace_FailsWithoutRequest")]
    public async Task Execute_FileNotOneHttpUrl_FailsNamingFilesWithoutRequest(string url)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("send_message", With(Parameters("room", RoomId, "hello"), ("files", url)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Parameter 'files' must be an absolute http or https URL"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Execute_CardAndServerError_PostsOnceAndSaysDeliveryIsUncertain()
    {
        using var harness = new ConnectorHarness(timeScale: 50);
        var post = harness.When(HttpMethod.Post, MessagesUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.BadGateway, """{"message":"Bad Gateway","trackingId":"ROUTER_502"}"""));

        var result = await harness.RunOneAsync("send_message", With(Parameters("room", RoomId, "hello"), ("card", Card)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(harness.Http.GetMatchCount(post), Is.EqualTo(1));
            Assert.That(result.Message, Is.EqualTo("Error sending message. Status code: 502. Details: Bad Gateway. Tracking ID: ROUTER_502"
                + " The message may or may not have been delivered; check the destination before sending it again."));
        }
    }

    private static string Parameters(string destination, string endpoint, string message) =>
        new JsonObject { ["endpoint_id"] = endpoint, ["destination_type"] = destination, ["message"] = message }.ToJsonString();

    private static string With(string parameters, params (string Name, string Value)[] extra)
    {
        var entry = JsonNode.Parse(parameters)!.AsObject();
        foreach (var (name, value) in extra)
        {
            entry[name] = value;
        }

        return entry.ToJsonString();
    }

    private static async Task<HttpResponseMessage> CreatedAsync(List<string> bodies, HttpRequestMessage request)
    {
        bodies.Add(request.Content is null ? "(no body)" : await request.Content.ReadAsStringAsync());
        return ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(Fixture.MessageCreated));
    }
}
