using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>delete_message: 204, exactly one DELETE even after a 5xx or a timeout, 403 for another person's message unless compliance officer.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class DeleteMessageTests : CliTestBase
{
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vaW5jaWRlbnQtcm9vbQ";
    private const string Uncertain = "The message may or may not have been deleted; check with get message before trying again.";

    private static string MessagePath(JsonObject message) => $"/v1/messages/{Str(message["id"])}";

    private Task<CliResult> DeleteAsync(JsonObject message, string? asset = null) =>
        Cli.RunAsync(["delete-message", "--asset", asset ?? WriteAsset(), "--message-id", Str(message["id"])!]);

    [Test]
    public async Task DeleteMessage_OwnMessage_DeletesItWithOneDelete()
    {
        var keep = Server.AddMessage(RoomId, "keep me");
        var target = Server.AddMessage(RoomId, "posted by mistake");

        var result = await DeleteAsync(target);

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Message deleted"));
            Assert.That(actionResult["data"], Is.InstanceOf<JsonArray>().And.Empty);
            Assert.That(Server.RequestsTo("DELETE", MessagePath(target)), Has.Count.EqualTo(1), Server.DescribeRequests);
            Assert.That(Server.Requests, Has.Count.EqualTo(1), Server.DescribeRequests);
            Assert.That(Server.Requests[0].Body, Is.Empty, "DELETE has no body");
            Assert.That(Server.StoredMessages.Select(m => Str(m["id"])), Is.EqualTo(new[] { Str(keep["id"]) }));
        }
    }

    [Test]
    public async Task DeleteMessage_RunDocument_DeletesAndEchoesTheId()
    {
        var target = Server.AddMessage(RoomId, "posted by mistake");

        var result = await RunDocumentAsync(RunDocument("delete_message", new JsonObject { ["message_id"] = Str(target["id"]) }));

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            AssertJsonEqual(result.ActionResult()["parameter"], new JsonObject { ["message_id"] = Str(target["id"]) }, "the echoed parameters");
            Assert.That(Server.DeletedMessages.Select(m => Str(m["id"])), Is.EqualTo(new[] { Str(target["id"]) }));
        }
    }

    [Test]
    public async Task DeleteMessage_AnotherPersonsMessage_FailsNamingTheComplianceScope()
    {
        var target = Server.AddMessage(RoomId, "phishing link", personEmail: "mallory@example.com");

        var result = await DeleteAsync(target);

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.StartWith($"Error deleting message. Status code: 403. Details: Insufficient privileges to delete another person's message. Tracking ID: {Server.LastTrackingId}"));
            Assert.That(message, Does.Contain("spark:messages_write, spark-compliance:messages_write"));
            Assert.That(message, Does.Not.Contain(Uncertain), "Webex refused: nothing is in doubt");
            Assert.That(Server.StoredMessages, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task DeleteMessage_ComplianceOfficer_DeletesAnotherPersonsMessage()
    {
        Server.IsComplianceOfficer = true;
        var target = Server.AddMessage(RoomId, "phishing link", personEmail: "mallory@example.com");

        var result = await DeleteAsync(target);

        AssertSucceeded(result);
        Assert.That(Server.StoredMessages, Is.Empty);
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(504)]
    public async Task DeleteMessage_ServerError_SendsExactlyOneDeleteAndSaysTheOutcomeIsUncertain(int status)
    {
        var target = Server.AddMessage(RoomId, "posted by mistake");
        Server.EnqueueWebexError(MessagePath(target), status, "Something went wrong.", "ROUTER_5XX", method: "DELETE");

        var result = await DeleteAsync(target);

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("DELETE", MessagePath(target)), Has.Count.EqualTo(1), () => "a DELETE is never retried after a 5xx: " + Server.DescribeRequests());
            Assert.That(message, Is.EqualTo($"Error deleting message. Status code: {status}. Details: Something went wrong. Tracking ID: ROUTER_5XX {Uncertain}"));
        }
    }

    [Test]
    public async Task DeleteMessage_NoAnswerWithinTimeout_SendsExactlyOneDeleteAndSaysTheOutcomeIsUncertain()
    {
        var target = Server.AddMessage(RoomId, "posted by mistake");
        Server.Enqueue(MessagePath(target), status: 204, body: null, contentType: null, delay: TimeSpan.FromSeconds(6), method: "DELETE");
        var config = PatConfig();
        config["timeout_seconds"] = 1;

        var result = await DeleteAsync(target, WriteAsset(config));

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("DELETE", MessagePath(target)), Has.Count.EqualTo(1), () => "a DELETE is never retried after a timeout: " + Server.DescribeRequests());
            Assert.That(message, Is.EqualTo($"Error deleting message. Webex did not answer within 1 s (timeout_seconds). {Uncertain}"));
        }
    }

    [Test]
    public async Task DeleteMessage_RateLimitedOnce_RetriesAndDeletes()
    {
        var target = Server.AddMessage(RoomId, "posted by mistake");
        Server.Enqueue(MessagePath(target), status: 429, body: null, headers: new Dictionary<string, string> { ["Retry-After"] = "1" }, method: "DELETE");

        var result = await DeleteAsync(target);

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("DELETE", MessagePath(target)), Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(Server.DeletedMessages, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task DeleteMessage_IdWithSlashAndQuestionMark_DeletesExactlyThatMessage()
    {
        var other = Server.AddMessage(RoomId, "other", id: "odd");
        var target = Server.AddMessage(RoomId, "odd id", id: "odd/id?x=1");

        var result = await DeleteAsync(target);

        AssertSucceeded(result);
        var call = Server.Requests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Method, Is.EqualTo("DELETE"));
            Assert.That(call.Path, Does.StartWith("/v1/messages/odd%2Fid"));
            Assert.That(call.QueryString, Is.Empty);
            Assert.That(Server.StoredMessages.Select(m => Str(m["id"])), Is.EqualTo(new[] { Str(other["id"]) }));
        }
    }

    [TestCase("")]
    [TestCase(".")]
    [TestCase("..")]
    public async Task DeleteMessage_MissingOrPathChangingId_FailsNamingMessageIdWithoutRequest(string id)
    {
        var result = await RunOperatorAsync("delete-message", "--message-id", id);

        var message = AssertActionFailed(result);
        Assert.That(message, NamesParameter("message_id"));
        AssertNoRequests();
    }
}
