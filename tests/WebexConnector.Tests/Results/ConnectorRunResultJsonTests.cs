using System.Text.Json;
using System.Text.Json.Nodes;
using WebexConnector.Results;

namespace WebexConnector.Tests.Results;

public class ConnectorRunResultJsonTests
{
    private static readonly string[] TopLevelKeys = ["identifier", "action", "asset_id", "status", "message", "result_summary", "result_data"];
    private static readonly string[] SummaryKeys = ["total_objects", "total_objects_successful"];
    private static readonly string[] SuccessThenFailed = ["success", "failed"];
    private static readonly string[] ActionResultKeys = ["status", "message", "parameter", "data", "summary"];

    [Test]
    public void Write_Success_HasContractKeysInOrder()
    {
        var rooms = Fixture.Items(Fixture.RoomsPage1);
        var result = new ConnectorRunResult
        {
            Identifier = "list_rooms",
            Action = "list rooms",
            AssetId = "webex-prod",
            Results =
            [
                new ActionResult
                {
                    Succeeded = true,
                    Message = "Total rooms: 2",
                    Parameter = new JsonObject { ["limit"] = "5" },
                    Data = rooms,
                    Summary = new JsonObject { ["total_rooms"] = 2 },
                },
            ],
        };

        var root = Write(result);
        var entry = root.GetProperty("result_data")[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestJson.Keys(root), Is.EqualTo(TopLevelKeys));
            Assert.That(TestJson.Keys(root.GetProperty("result_summary")), Is.EqualTo(SummaryKeys));
            Assert.That(TestJson.Keys(entry), Is.EqualTo(ActionResultKeys));
            Assert.That(root.GetProperty("identifier").GetString(), Is.EqualTo("list_rooms"));
            Assert.That(root.GetProperty("action").GetString(), Is.EqualTo("list rooms"));
            Assert.That(root.GetProperty("asset_id").GetString(), Is.EqualTo("webex-prod"));
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("success"));
            Assert.That(root.GetProperty("message").GetString(), Is.EqualTo("1 action succeeded"));
            Assert.That(root.GetProperty("result_summary").GetProperty("total_objects").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("result_summary").GetProperty("total_objects_successful").GetInt32(), Is.EqualTo(1));
            Assert.That(entry.GetProperty("status").GetString(), Is.EqualTo("success"));
            Assert.That(entry.GetProperty("message").GetString(), Is.EqualTo("Total rooms: 2"));
            Assert.That(entry.GetProperty("parameter").GetRawText(), Is.EqualTo("""{"limit":"5"}""").Or.Contains("\"limit\": \"5\""));
            Assert.That(entry.GetProperty("summary").GetProperty("total_rooms").GetInt32(), Is.EqualTo(2));
            Assert.That(entry.GetProperty("data").GetArrayLength(), Is.EqualTo(2));
            Assert.That(TestJson.DeepEquals(entry.GetProperty("data")[1], rooms[1]), Is.True, "Webex objects are written unchanged");
        }
    }

    [Test]
    public void Write_OneOfTwoFailed_IsFailedWithCounts()
    {
        var result = new ConnectorRunResult
        {
            Identifier = "get_user",
            Action = "get user",
            AssetId = "default",
            Results =
            [
                new ActionResult { Succeeded = true, Message = "User found", Summary = new JsonObject { ["found_user"] = true } },
                new ActionResult { Succeeded = false, Message = "Missing required parameter 'email_address'." },
            ],
        };

        var root = Write(result);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestJson.Keys(root), Is.EqualTo(TopLevelKeys));
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(root.GetProperty("message").GetString(), Is.EqualTo("1 of 2 actions failed"));
            Assert.That(root.GetProperty("result_summary").GetProperty("total_objects").GetInt32(), Is.EqualTo(2));
            Assert.That(root.GetProperty("result_summary").GetProperty("total_objects_successful").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("result_data").EnumerateArray().Select(r => r.GetProperty("status").GetString()),
                Is.EqualTo(SuccessThenFailed));
            Assert.That(TestJson.Keys(root.GetProperty("result_data")[1]), Is.EqualTo(ActionResultKeys));
            Assert.That(root.GetProperty("result_data")[1].GetProperty("data").GetArrayLength(), Is.Zero);
            Assert.That(root.GetProperty("result_data")[1].GetProperty("summary").ValueKind, Is.EqualTo(JsonValueKind.Object));
        }
    }

    [Test]
    public void Write_InvalidInvocation_HasSameKeysWithFailedStatusAndMessage()
    {
        var result = ConnectorRunResult.Invalid("Unknown action identifier 'delete_everything'.", "delete_everything", null, "default");

        var root = Write(result);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestJson.Keys(root), Is.EqualTo(TopLevelKeys));
            Assert.That(root.GetProperty("identifier").GetString(), Is.EqualTo("delete_everything"));
            Assert.That(root.GetProperty("action").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(root.GetProperty("message").GetString(), Is.EqualTo("Unknown action identifier 'delete_everything'."));
            Assert.That(root.GetProperty("result_summary").GetProperty("total_objects").GetInt32(), Is.Zero);
            Assert.That(root.GetProperty("result_summary").GetProperty("total_objects_successful").GetInt32(), Is.Zero);
            Assert.That(root.GetProperty("result_data").GetArrayLength(), Is.Zero);
            Assert.That(result.Outcome, Is.EqualTo(ConnectorRunStatus.InvalidInvocation));
        }
    }

    [Test]
    public void Write_InvalidInvocationWithoutIdentifier_WritesNulls()
    {
        var root = Write(ConnectorRunResult.Invalid("The run document is not valid JSON."));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestJson.Keys(root), Is.EqualTo(TopLevelKeys));
            Assert.That(root.GetProperty("identifier").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("asset_id").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("failed"));
        }
    }

    [Test]
    public void Write_MarkdownInData_IsNotHtmlEscaped()
    {
        var message = Fixture.Json(Fixture.MessageCreated);
        var result = new ConnectorRunResult
        {
            Identifier = "send_message",
            Results = [new ActionResult { Succeeded = true, Message = "Message sent successfully", Data = [message] }],
        };

        var text = ConnectorRunResultJson.Write(result);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("<@personEmail:mike@example.com>"));
            Assert.That(text, Does.EndWith(Environment.NewLine));
            Assert.That(TestJson.DeepEquals(TestJson.Parse(text).GetProperty("result_data")[0].GetProperty("data")[0], message), Is.True);
        }
    }

    [Test]
    public void Write_MessageWithLoneSurrogate_StillWritesValidJson()
    {
        // What an excerpt cut in the middle of an emoji looks like.
        var result = new ConnectorRunResult
        {
            Identifier = "list_rooms",
            Results = [new ActionResult { Succeeded = false, Message = "Error listing rooms. Status code: 502. Details: bad \ud83d" }],
        };

        Assert.That(() => TestJson.Parse(ConnectorRunResultJson.Write(result)), Throws.Nothing);
    }

    private static JsonElement Write(ConnectorRunResult result) => TestJson.Parse(ConnectorRunResultJson.Write(result));
}
