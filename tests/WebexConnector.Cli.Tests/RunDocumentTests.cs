using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>The platform form <c>run FILE|-</c>: several parameter entries, echoing, lenient SOAR values.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RunDocumentTests : CliTestBase
{
    private static readonly string[] ThreeEmails = ["bob@example.com", "nobody@example.com", "alice@example.com"];
    private static readonly bool?[] FoundUsers = [true, false, true];
    private static readonly string[] MaxKeyOnly = ["max"];

    [Test]
    public async Task Run_ThreeParameterEntries_OneResultEachInOrder()
    {
        var alice = Server.AddPerson("Alice Analyst", "alice@example.com");
        var bob = Server.AddPerson("Bob Builder", "bob@example.com");
        var doc = RunDocument(
            "get_user",
            new JsonObject { ["email_address"] = "bob@example.com" },
            new JsonObject { ["email_address"] = "nobody@example.com" },
            new JsonObject { ["email_address"] = "alice@example.com" });

        var result = await RunDocumentAsync(doc);

        var json = AssertSucceeded(result);
        var results = json["result_data"] as JsonArray;
        Assert.That(results, Has.Count.EqualTo(3), result.Describe);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(results!.Select(r => Str(r?["parameter"]?["email_address"])), Is.EqualTo(ThreeEmails));
            Assert.That(results.Select(r => r?["summary"]?["found_user"]?.GetValue<bool>()), Is.EqualTo(FoundUsers));
            AssertJsonEqual(results[0]?["data"]?[0], bob, "first result's person");
            AssertJsonEqual(results[2]?["data"]?[0], alice, "third result's person");
            AssertJsonEqual(json["result_summary"], new JsonObject { ["total_objects"] = 3, ["total_objects_successful"] = 3 }, "result_summary");
            Assert.That(Server.RequestsTo("GET", "/v1/people").Select(r => r.QueryValue("email")), Is.EqualTo(ThreeEmails));
        }
    }

    [Test]
    public async Task Run_OneOfTwoEntriesFails_TopLevelFailedAndExitOne()
    {
        Server.AddPerson("Alice Analyst", "alice@example.com");
        var doc = RunDocument(
            "get_user",
            new JsonObject { ["email_address"] = "alice@example.com" },
            new JsonObject { ["email_address"] = "not-an-email" });

        var result = await RunDocumentAsync(doc);

        AssertActionFailed(result, index: 1);
        var json = result.JsonObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(result.ActionResult(0)["status"]), Is.EqualTo("success"));
            Assert.That(Str(result.ActionResult(1)["message"]), Does.Contain("email_address"));
            AssertJsonEqual(json["result_summary"], new JsonObject { ["total_objects"] = 2, ["total_objects_successful"] = 1 }, "result_summary");
            Assert.That(Server.RequestsTo("GET", "/v1/people"), Has.Count.EqualTo(1), "the invalid entry sends no request");
        }
    }

    [TestCase("list_rooms", "list rooms")]
    [TestCase("test_connectivity", "test connectivity")]
    public async Task Run_ActionMissing_FilledWithDisplayName(string identifier, string displayName)
    {
        var doc = RunDocument(identifier);

        var result = await RunDocumentAsync(doc);

        var json = AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(json["identifier"]), Is.EqualTo(identifier));
            Assert.That(Str(json["action"]), Is.EqualTo(displayName));
        }
    }

    [Test]
    public async Task Run_ActionGiven_EchoedBack()
    {
        var doc = RunDocument("list_rooms");
        doc["action"] = "list rooms";

        var result = await RunDocumentAsync(doc);

        var json = AssertSucceeded(result);
        Assert.That(Str(json["action"]), Is.EqualTo("list rooms"));
    }

    [Test]
    public async Task Run_UnknownKeys_IgnoredAndDroppedFromParameterEcho()
    {
        Server.AddPerson("Alice Analyst", "alice@example.com");
        var doc = RunDocument("get_user", new JsonObject
        {
            ["email_address"] = "alice@example.com",
            ["context"] = new JsonObject { ["artifact_id"] = 17, ["guid"] = "0b6f-4c1e" },
            ["foo"] = "bar",
        });
        doc["foo"] = 42;
        doc["app_config"] = null;
        doc["container_id"] = 1234;
        doc["environment_variables"] = new JsonObject { ["HTTP_PROXY"] = new JsonObject { ["type"] = "string", ["value"] = "" } };

        var result = await RunDocumentAsync(doc);

        AssertSucceeded(result);
        AssertJsonEqual(result.ActionResult()["parameter"], new JsonObject { ["email_address"] = "alice@example.com" }, "the echoed parameter");
    }

    [Test]
    public async Task Run_LimitAsString_Accepted()
    {
        var rooms = Server.AddRooms(20);
        var doc = RunDocument("list_rooms", new JsonObject { ["limit"] = "5" });

        var result = await RunDocumentAsync(doc);

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(rooms.Take(5).Select(r => Str(r["id"])).ToList()));
            Assert.That(actionResult["summary"]?["total_rooms"]?.GetValue<int>(), Is.EqualTo(5));
        }
    }

    [Test]
    public async Task Run_LimitAsNumber_Accepted()
    {
        Server.AddRooms(20);
        var doc = RunDocument("list_rooms", new JsonObject { ["limit"] = 7 });

        var result = await RunDocumentAsync(doc);

        AssertSucceeded(result);
        Assert.That(result.ActionResult()["data"] as JsonArray, Has.Count.EqualTo(7));
    }

    [TestCase("true")]
    [TestCase("True")]
    public async Task Run_MarkdownAsString_Accepted(string markdown)
    {
        var doc = RunDocument("send_message", new JsonObject
        {
            ["endpoint_id"] = "Y2lzY29zcGFyazovL3VzL1JPT00vcm9vbQ",
            ["destination_type"] = "room",
            ["message"] = "**bold**",
            ["markdown"] = markdown,
        });

        var result = await RunDocumentAsync(doc);

        AssertSucceeded(result);
        var posts = Server.RequestsTo("POST", "/v1/messages");
        Assert.That(posts, Has.Count.EqualTo(1));
        AssertJsonEqual(posts[0].BodyJson(), new JsonObject { ["roomId"] = "Y2lzY29zcGFyazovL3VzL1JPT00vcm9vbQ", ["markdown"] = "**bold**" }, "the POST body");
    }

    [Test]
    public async Task Run_EmptyStringParameters_MeanUnset()
    {
        var rooms = Server.AddRooms(12);
        var doc = RunDocument("list_rooms", new JsonObject
        {
            ["type"] = "",
            ["sort_by"] = "",
            ["team_id"] = "",
            ["limit"] = "",
        });

        var result = await RunDocumentAsync(doc);

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ActionResult()["summary"]?["total_rooms"]?.GetValue<int>(), Is.EqualTo(rooms.Count));
            Assert.That(calls, Has.Count.EqualTo(1));
            Assert.That(calls.SelectMany(c => c.Query.Keys), Is.SubsetOf(MaxKeyOnly), "no empty filter is sent");
        }
    }

    [Test]
    public async Task Run_EmptyMarkdown_MeansUnsetAndSendsText()
    {
        var doc = RunDocument("send_message", new JsonObject
        {
            ["endpoint_id"] = "alice@example.com",
            ["destination_type"] = "email",
            ["message"] = "plain",
            ["markdown"] = "",
        });

        var result = await RunDocumentAsync(doc);

        AssertSucceeded(result);
        var posts = Server.RequestsTo("POST", "/v1/messages");
        Assert.That(posts, Has.Count.EqualTo(1));
        AssertJsonEqual(posts[0].BodyJson(), new JsonObject { ["toPersonEmail"] = "alice@example.com", ["text"] = "plain" }, "the POST body");
    }

    [Test]
    public async Task Run_AssetId_Echoed()
    {
        var doc = RunDocument("test_connectivity");
        doc["asset_id"] = "webex-prod.eu_1";

        var result = await RunDocumentAsync(doc);

        var json = AssertSucceeded(result);
        Assert.That(Str(json["asset_id"]), Is.EqualTo("webex-prod.eu_1"));
    }

    [Test]
    public async Task Run_AssetIdMissing_DefaultsToDefault()
    {
        var doc = RunDocument("test_connectivity");
        doc.Remove("asset_id");

        var result = await RunDocumentAsync(doc);

        var json = AssertSucceeded(result);
        Assert.That(Str(json["asset_id"]), Is.EqualTo("default"));
    }

    [Test]
    public async Task Run_DocumentOnStdin_ReadWithDash()
    {
        var doc = RunDocument("test_connectivity");
        Cli.RegisterConfigSecrets(doc["config"] as JsonObject);

        var result = await Cli.RunAsync(["run", "-"], stdin: doc.ToJsonString());

        var json = AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(json["identifier"]), Is.EqualTo("test_connectivity"));
            Assert.That(Str(result.ActionResult()["message"]), Is.EqualTo("Test Connectivity Passed"));
            Assert.That(Server.RequestsTo("GET", "/v1/people/me"), Has.Count.EqualTo(1));
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Run_StateDirBeforeOrAfterFile_Accepted(bool before)
    {
        var stateDir = Path.Combine(Cli.Root, "explicit-state");
        var file = Cli.WriteRunDocument(RunDocument("test_connectivity"));
        string[] args = before ? ["run", "--state-dir", stateDir, file] : ["run", file, "--state-dir", stateDir];

        var result = await Cli.RunAsync(args);

        AssertSucceeded(result);
        Assert.That(Server.RequestsTo("GET", "/v1/people/me"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task OperatorForm_AssetIdDefaultsToFileName()
    {
        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(fileName: "soc-webex.json"));

        var json = AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(json["asset_id"]), Is.EqualTo("soc-webex"));
            Assert.That(Str(json["action"]), Is.EqualTo("test connectivity"));
            Assert.That(Str(json["identifier"]), Is.EqualTo("test_connectivity"));
            AssertJsonEqual(json["result_summary"], new JsonObject { ["total_objects"] = 1, ["total_objects_successful"] = 1 }, "result_summary");
        }
    }

    [Test]
    public async Task OperatorForm_AssetIdOption_OverridesFileName()
    {
        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(), "--asset-id", "webex-prod");

        var json = AssertSucceeded(result);
        Assert.That(Str(json["asset_id"]), Is.EqualTo("webex-prod"));
    }

    [Test]
    public async Task AuthStatus_PatAsset_ReportsPatModeWithoutToken()
    {
        var result = await Cli.RunAsync("auth", "status", "--asset", WriteAsset());

        AssertExitCode(result, 0);
        var json = result.JsonObject();
        // "data with one object": accept it at the top level or inside the action-shaped result_data.
        var data = json["data"] ?? (json["result_data"] as JsonArray)?[0]?["data"];
        Assert.That(data, Is.InstanceOf<JsonArray>().And.Count.EqualTo(1), result.Describe);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(json["status"]), Is.EqualTo("success"));
            Assert.That(Str(data![0]?["mode"]), Is.EqualTo("pat"));
        }
    }

    [Test]
    public async Task AuthReset_PatAsset_ExitsZeroWithoutRequest()
    {
        var result = await Cli.RunAsync("auth", "reset", "--asset", WriteAsset());

        AssertExitCode(result, 0);
        Assert.That(Str(result.JsonObject()["status"]), Is.EqualTo("success"), result.Describe);
        AssertNoRequests();
    }

    [Test]
    public async Task Secrets_PatInsideMessageText_NotPrinted()
    {
        // The runner's hygiene check (called for every run) fails the test if the PAT shows up anywhere.
        var result = await RunOperatorAsync(
            "send-message", "--endpoint-id", "Y2lzY29zcGFyazovL3VzL1JPT00vcm9vbQ", "--destination-type", "room",
            "--message", $"rotate the leaked token {Pat} now");

        Assert.That(result.JsonObject()["status"], Is.Not.Null, "stdout is still one JSON document");
    }

    [Test]
    public async Task Secrets_PatAsEmailAddress_NotPrinted()
    {
        var result = await RunDocumentAsync(RunDocument("get_user", new JsonObject { ["email_address"] = Pat }));

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("email_address"));
        AssertNoRequests();
    }
}
