using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>get_message: the message unchanged, the id escaped into one path segment, Webex's 404 as a failure.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class GetMessageTests : CliTestBase
{
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vaW5jaWRlbnQtcm9vbQ";

    [Test]
    public async Task GetMessage_KnownId_ReturnsTheMessageUnchanged()
    {
        Server.AddMessage(RoomId, "older");
        var message = Server.AddMessage(RoomId, "Suspicious login on host-42", mentionsMe: true, personEmail: "alice.analyst@example.com");

        var result = await RunOperatorAsync("get-message", "--message-id", Str(message["id"])!);

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", $"/v1/messages/{Str(message["id"])}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Message found"));
            Assert.That(actionResult["data"] as JsonArray, Has.Count.EqualTo(1));
            AssertJsonEqual(actionResult["data"]?[0], message, "data[0]");
            Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryString : null, Is.Empty);
            Assert.That(Server.Requests, Has.Count.EqualTo(1), Server.DescribeRequests);
        }
    }

    [Test]
    public async Task GetMessage_RunDocument_ReturnsTheMessageAndEchoesTheId()
    {
        var message = Server.AddMessage(RoomId, "hello");

        var result = await RunDocumentAsync(RunDocument("get_message", new JsonObject { ["message_id"] = Str(message["id"]) }));

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            AssertJsonEqual(actionResult["data"]?[0], message, "data[0]");
            AssertJsonEqual(actionResult["parameter"], new JsonObject { ["message_id"] = Str(message["id"]) }, "the echoed parameters");
        }
    }

    [Test]
    public async Task GetMessage_IdWithSlashAndQuestionMark_IsEscapedIntoOnePathSegment()
    {
        var message = Server.AddMessage(RoomId, "odd id", id: "odd/id?max=1#x");

        var result = await RunOperatorAsync("get-message", "--message-id", "odd/id?max=1#x");

        AssertSucceeded(result);
        var call = Server.Requests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Method, Is.EqualTo("GET"));
            Assert.That(call.Path, Does.StartWith("/v1/messages/odd%2Fid"), "the slash stays inside the id");
            Assert.That(call.QueryString, Is.Empty, "the question mark did not start a query");
            AssertJsonEqual(result.ActionResult()["data"]?[0], message, "data[0]");
        }
    }

    [Test]
    public async Task GetMessage_UnknownId_FailsWithWebexStatusMessageAndTrackingId()
    {
        var result = await RunOperatorAsync("get-message", "--message-id", "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvdW5rbm93bg");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Is.EqualTo(
                $"Error getting message. Status code: 404. Details: The requested resource could not be found. Tracking ID: {Server.LastTrackingId}"));
            Assert.That(result.ActionResult()["data"], Is.InstanceOf<JsonArray>().And.Empty);
        }
    }

    [TestCase("")]
    [TestCase("..")]
    public async Task GetMessage_MissingOrPathChangingId_FailsNamingMessageIdWithoutRequest(string id)
    {
        var result = await RunOperatorAsync("get-message", "--message-id", id);

        var message = AssertActionFailed(result);
        Assert.That(message, NamesParameter("message_id"));
        AssertNoRequests();
    }
}
