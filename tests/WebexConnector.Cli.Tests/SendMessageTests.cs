using System.Text;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>send_message: request body (reply, file, adaptive card), size limit, Webex errors, no retry of a POST after a 5xx.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SendMessageTests : CliTestBase
{
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vaW5jaWRlbnQtcm9vbQ";
    private const string PersonId = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hbGljZQ";
    private const string FileUrl = "https://files.example.com/reports/INC-1234.pdf";

    private static readonly JsonObject Card = new()
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.3",
        ["body"] = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["text"] = "Incident INC-1234: host-42 isolé ✓", ["size"] = "large", ["wrap"] = true },
            new JsonObject { ["type"] = "FactSet", ["facts"] = new JsonArray(new JsonObject { ["title"] = "Severity", ["value"] = "High" }) }),
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["url"] = "https://soar.example.com/incident/1234", ["title"] = "Open" }),
    };

    private static JsonObject CardAttachment() => new()
    {
        ["contentType"] = "application/vnd.microsoft.card.adaptive",
        ["content"] = Card.DeepClone(),
    };

    private Task<CliResult> SendAsync(string endpointId, string destinationType, string message, params string[] extra) =>
        RunOperatorAsync("send-message", ["--endpoint-id", endpointId, "--destination-type", destinationType, "--message", message, .. extra]);

    private JsonNode? SinglePostBody()
    {
        var posts = Server.RequestsTo("POST", "/v1/messages");
        Assert.That(posts, Has.Count.EqualTo(1), Server.DescribeRequests);
        return posts[0].BodyJson();
    }

    [TestCase("room", RoomId, "roomId")]
    [TestCase("user", PersonId, "toPersonId")]
    [TestCase("email", "alice.analyst@example.com", "toPersonEmail")]
    [TestCase("ROOM", RoomId, "roomId")]
    [TestCase("User", PersonId, "toPersonId")]
    [TestCase("eMail", "alice.analyst@example.com", "toPersonEmail")]
    public async Task SendMessage_DestinationType_SendsOnlyTheMatchingFieldAndText(string destinationType, string endpointId, string field)
    {
        var result = await SendAsync(endpointId, destinationType, "Suspicious login on host-42");

        AssertSucceeded(result);
        AssertJsonEqual(SinglePostBody(), new JsonObject { [field] = endpointId, ["text"] = "Suspicious login on host-42" }, "the POST /messages body");
        Assert.That(Server.RequestsTo("POST", "/v1/messages")[0].Header("Authorization"), Is.EqualTo($"Bearer {Pat}"));
    }

    [Test]
    public async Task SendMessage_Markdown_SendsMarkdownInsteadOfText()
    {
        var result = await SendAsync(RoomId, "room", "**Alert**: host-42", "--markdown");

        AssertSucceeded(result);
        AssertJsonEqual(SinglePostBody(), new JsonObject { ["roomId"] = RoomId, ["markdown"] = "**Alert**: host-42" }, "the POST /messages body");
    }

    [Test]
    public async Task SendMessage_Success_ReportsSentAndReturnsTheCreatedMessage()
    {
        var result = await SendAsync(RoomId, "room", "hello room");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        Assert.That(Server.Messages, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Message sent successfully"));
            Assert.That(actionResult["data"] as JsonArray, Has.Count.EqualTo(1));
            AssertJsonEqual(actionResult["data"]?[0], Server.Messages[0], "data[0] (the created message)");
            AssertJsonEqual(
                actionResult["parameter"],
                new JsonObject { ["endpoint_id"] = RoomId, ["destination_type"] = "room", ["message"] = "hello room" },
                "the echoed parameters (markdown unset)");
        }
    }

    [Test]
    public async Task SendMessage_MessageOf7439Utf8Bytes_IsSent()
    {
        var text = new string('é', 3719) + "a";
        Assert.That(Encoding.UTF8.GetByteCount(text), Is.EqualTo(7439));

        var result = await SendAsync(RoomId, "room", text);

        AssertSucceeded(result);
        AssertJsonEqual(SinglePostBody(), new JsonObject { ["roomId"] = RoomId, ["text"] = text }, "the POST /messages body");
    }

    [Test]
    public async Task SendMessage_MessageOf7440Utf8Bytes_FailsNamingMessageWithoutPost()
    {
        var text = new string('é', 3720); // 3720 characters, 7440 bytes
        Assert.That(Encoding.UTF8.GetByteCount(text), Is.EqualTo(7440));

        var result = await SendAsync(RoomId, "room", text);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("message"));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_EmptyMessage_FailsNamingMessageWithoutPost()
    {
        var result = await SendAsync(RoomId, "room", "");

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("message"));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_EmptyMessageInRunDocument_FailsNamingMessageWithoutPost()
    {
        var doc = RunDocument("send_message", new JsonObject { ["endpoint_id"] = RoomId, ["destination_type"] = "room", ["message"] = "" });

        var result = await RunDocumentAsync(doc);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("message"));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_UnknownDestinationType_FailsNamingDestinationTypeWithoutPost()
    {
        var result = await SendAsync(RoomId, "channel", "hello");

        var message = AssertActionFailed(result);
        Assert.That(message, NamesParameter("destination_type"));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_EmptyErrorBody_FailsWithStatusCode()
    {
        Server.Enqueue("/v1/messages", status: 400, body: null, contentType: null);

        var result = await SendAsync(RoomId, "room", "hello");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.StartWith("Error sending message."));
            Assert.That(message, Does.Contain("Status code: 400"));
            Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(1), Server.DescribeRequests);
        }
    }

    [Test]
    public async Task SendMessage_ParentId_RepliesInTheThread()
    {
        var parent = Server.AddMessage(RoomId, "Suspicious login on host-42");

        var result = await SendAsync(RoomId, "room", "on it", "--parent-id", Str(parent["id"])!);

        AssertSucceeded(result);
        AssertJsonEqual(SinglePostBody(), new JsonObject { ["roomId"] = RoomId, ["parentId"] = Str(parent["id"]), ["text"] = "on it" }, "the POST /messages body");
        Assert.That(Str(result.ActionResult()["data"]?[0]?["parentId"]), Is.EqualTo(Str(parent["id"])));
    }

    [Test]
    public async Task SendMessage_ReplyToUnknownParent_ReportsWebexError()
    {
        var result = await SendAsync(RoomId, "room", "on it", "--parent-id", "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvbWlzc2luZw");

        var message = AssertActionFailed(result);
        Assert.That(message, Is.EqualTo($"Error sending message. Status code: 404. Details: Could not find the parent message. Tracking ID: {Server.LastTrackingId}"));
    }

    [Test]
    public async Task SendMessage_File_PostsFilesAsAListOfOneUrl()
    {
        var result = await SendAsync(RoomId, "room", "the report", "--files", FileUrl);

        AssertSucceeded(result);
        AssertJsonEqual(SinglePostBody(), new JsonObject { ["roomId"] = RoomId, ["text"] = "the report", ["files"] = new JsonArray(FileUrl) }, "the POST /messages body");
        AssertJsonEqual(result.ActionResult()["data"]?[0]?["files"], new JsonArray(FileUrl), "the created message's files");
    }

    [Test]
    public async Task SendMessage_Card_PostsOneAdaptiveCardAttachmentWithTheFallbackText()
    {
        var result = await SendAsync(RoomId, "room", "Incident INC-1234 (your client cannot show cards)", "--card", Card.ToJsonString());

        AssertSucceeded(result);
        AssertJsonEqual(
            SinglePostBody(),
            new JsonObject { ["roomId"] = RoomId, ["text"] = "Incident INC-1234 (your client cannot show cards)", ["attachments"] = new JsonArray(CardAttachment()) },
            "the POST /messages body (the card is a JSON object, not a string)");
        AssertJsonEqual(result.ActionResult()["data"]?[0]?["attachments"], new JsonArray(CardAttachment()), "the created message's attachments");
    }

    [Test]
    public async Task SendMessage_ReplyWithFileAndCardInRunDocument_PostsEveryField()
    {
        var parent = Server.AddMessage(RoomId, "Suspicious login on host-42");
        var doc = RunDocument("send_message", new JsonObject
        {
            ["endpoint_id"] = RoomId,
            ["destination_type"] = "room",
            ["message"] = "**INC-1234** contained",
            ["markdown"] = true,
            ["parent_id"] = Str(parent["id"]),
            ["files"] = FileUrl,
            ["card"] = Card.ToJsonString(),
        });

        var result = await RunDocumentAsync(doc);

        AssertSucceeded(result);
        AssertJsonEqual(
            SinglePostBody(),
            new JsonObject
            {
                ["roomId"] = RoomId,
                ["parentId"] = Str(parent["id"]),
                ["markdown"] = "**INC-1234** contained",
                ["files"] = new JsonArray(FileUrl),
                ["attachments"] = new JsonArray(CardAttachment()),
            },
            "the POST /messages body");
        Assert.That(Str(result.ActionResult()["parameter"]?["card"]), Is.EqualTo(Card.ToJsonString()), "the card is echoed as given");
    }

    [TestCase("{\"type\": \"AdaptiveCard\", \"body\": [", "not valid JSON")]
    [TestCase("AdaptiveCard", "not valid JSON")]
    [TestCase("[{\"type\": \"AdaptiveCard\"}]", "got a list")]
    [TestCase("\"AdaptiveCard\"", "got 'AdaptiveCard'")]
    public async Task SendMessage_CardNotAJsonObject_FailsNamingCardWithoutPost(string card, string reason)
    {
        var result = await SendAsync(RoomId, "room", "hello", "--card", card);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("'card' must be a JSON object").And.Contain(reason));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_CardAsObjectInRunDocument_PostsItAsTheOneAttachmentAndEchoesIt()
    {
        var doc = RunDocument("send_message", new JsonObject
        {
            ["endpoint_id"] = RoomId, ["destination_type"] = "room", ["message"] = "hello", ["card"] = Card.DeepClone(),
        });

        var result = await RunDocumentAsync(doc);

        AssertSucceeded(result);
        AssertJsonEqual(
            SinglePostBody(),
            new JsonObject { ["roomId"] = RoomId, ["text"] = "hello", ["attachments"] = new JsonArray(CardAttachment()) },
            "the POST /messages body");
        AssertJsonEqual(result.ActionResult()["parameter"]?["card"], Card, "the card is echoed as given");
    }

    [Test]
    public async Task SendMessage_CardAsListInRunDocument_FailsNamingCardWithoutPost()
    {
        var doc = RunDocument("send_message", new JsonObject
        {
            ["endpoint_id"] = RoomId, ["destination_type"] = "room", ["message"] = "hello", ["card"] = new JsonArray(Card.DeepClone()),
        });

        var result = await RunDocumentAsync(doc);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("'card' must be a JSON object (or a string holding one); got a list"));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_CardWithoutMessage_FailsNamingMessageWithoutPost()
    {
        var result = await RunOperatorAsync("send-message", "--endpoint-id", RoomId, "--destination-type", "room", "--card", Card.ToJsonString());

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("'message'"));
        AssertNoRequests();
    }

    [TestCase("files.example.com/report.pdf")]
    [TestCase("ftp://files.example.com/report.pdf")]
    [TestCase("file:///etc/passwd")]
    [TestCase("https://files.example.com/a report.pdf")]
    public async Task SendMessage_FileNotAnHttpUrl_FailsNamingFilesWithoutPost(string url)
    {
        var result = await SendAsync(RoomId, "room", "hello", "--files", url);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("'files' must be an absolute http or https URL"));
        AssertNoRequests();
    }

    [Test]
    public async Task SendMessage_CardAndServiceUnavailable_PostsOnceAndSaysDeliveryIsUncertain()
    {
        Server.EnqueueWebexError("/v1/messages", 503, "Service Unavailable", "ROUTER_503", method: "POST");

        var result = await SendAsync(RoomId, "room", "hello", "--card", Card.ToJsonString());

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(1), () => "a POST is never retried after a 5xx: " + Server.DescribeRequests());
            Assert.That(message, Is.EqualTo("Error sending message. Status code: 503. Details: Service Unavailable. Tracking ID: ROUTER_503"
                + " The message may or may not have been delivered; check the destination before sending it again."));
            Assert.That(Server.Messages, Is.Empty);
        }
    }

    [Test]
    public async Task SendMessage_HtmlBadGateway_FailsWithStatusAndPostsOnlyOnce()
    {
        Server.Enqueue(
            "/v1/messages",
            status: 502,
            body: "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
            contentType: "text/html");

        var result = await SendAsync(RoomId, "room", "must not be sent twice");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("502"));
            Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(1), () => "a POST is never retried after a 5xx: " + Server.DescribeRequests());
            Assert.That(Server.Messages, Is.Empty);
        }
    }
}
