using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// Run documents shaped exactly like the ones Splunk SOAR hands a connector: the platform's own keys in
/// <c>config</c> and at the top level, <c>context</c> in every parameter entry, numbers as strings or floats.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SoarRunDocumentTests : CliTestBase
{
    [Test]
    public async Task Run_SoarTestConnectivity_PassesIgnoringThePlatformsKeys()
    {
        var result = await RunDocumentAsync(Soar("test_connectivity", "test connectivity", []));

        AssertSucceeded(result);
        Assert.That(Server.RequestsTo("GET", "/v1/people/me"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Run_SoarListRoomsWithFloatLimit_ListsThatMany()
    {
        Server.AddRooms(30);

        var result = await RunDocumentAsync(Soar("list_rooms", "list rooms", [Entry(new JsonObject { ["limit"] = 12.0, ["type"] = "" })]));

        var document = AssertSucceeded(result);
        Assert.That(document["result_data"]?[0]?["summary"]?["total_rooms"]?.GetValue<int>(), Is.EqualTo(12));
    }

    [Test]
    public async Task Run_SoarGetUserTwoEntries_OneResultEachWithoutContextInTheEcho()
    {
        Server.AddPerson("Ana Analyst", "ana@example.com");

        var result = await RunDocumentAsync(Soar("get_user", "get user", [
            Entry(new JsonObject { ["email_address"] = "ana@example.com" }),
            Entry(new JsonObject { ["email_address"] = "nobody@example.com" }),
        ]));

        var document = AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document["result_data"]?.AsArray(), Has.Count.EqualTo(2));
            Assert.That(document["result_data"]?[0]?["summary"]?["found_user"]?.GetValue<bool>(), Is.True);
            Assert.That(document["result_data"]?[1]?["summary"]?["found_user"]?.GetValue<bool>(), Is.False);
            Assert.That(document["result_data"]?[0]?["parameter"]?.AsObject().ContainsKey("context"), Is.False);
        }
    }

    [Test]
    public async Task Run_SoarSendMessage_SendsOnce()
    {
        var result = await RunDocumentAsync(Soar("send_message", "send message", [Entry(new JsonObject
        {
            ["endpoint_id"] = "Y2lzY29zcGFyazovL3VzL1JPT00vc29hcg",
            ["destination_type"] = "room",
            ["message"] = "Incident 4711: contained",
            ["markdown"] = "false",
        })]));

        AssertSucceeded(result);
        Assert.That(Server.RequestsTo("POST", "/v1/messages"), Has.Count.EqualTo(1));
    }

    /// <summary>A 3.x playbook's call: 3.x's identifier and parameter names; its data paths resolve on the answer.</summary>
    [Test]
    public async Task Run_Soar3xSendMessageWithIsMarkdown_SendsMarkdownAndEchoesIsMarkdown()
    {
        var result = await RunDocumentAsync(Soar("send_message", "send message", [Entry(new JsonObject
        {
            ["endpoint_id"] = "Y2lzY29zcGFyazovL3VzL1JPT00vc29hcg",
            ["destination_type"] = "room",
            ["message"] = "**contained**",
            ["is_markdown"] = true,
        })]));

        AssertSucceeded(result);
        var sent = JsonNode.Parse(Server.RequestsTo("POST", "/v1/messages").Single().Body);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(sent?["markdown"]), Is.EqualTo("**contained**"));
            Assert.That(result.ActionResult()["parameter"]?["is_markdown"]?.GetValue<bool>(), Is.True, "action_result.parameter.is_markdown");
            Assert.That(Str(result.ActionResult()["summary"]?["message"]), Is.EqualTo("Message sent successfully"), "action_result.summary.message");
        }
    }

    [Test]
    public async Task Run_Soar3xAddPeopleToRoom_AddsThePersonUnderThe3xIdentifier()
    {
        var room = Server.AddRooms(1)[0];

        var result = await RunDocumentAsync(Soar("add_people_to_room", "add people", [Entry(new JsonObject
        {
            ["room_id"] = Str(room["id"]),
            ["person_email"] = "analyst@example.com",
        })]));

        AssertSucceeded(result);
        Assert.That(Str(result.JsonObject()["identifier"]), Is.EqualTo("add_people_to_room"));
        Assert.That(Server.RequestsTo("POST", "/v1/memberships"), Has.Count.EqualTo(1));
    }

    [TestCase("authorization_kye", "authorization_key")]
    [TestCase("client_secrte", "client_secret")]
    [TestCase("base_ur", "base_url")]
    public async Task Run_SoarConfigWithATypoOfASetting_IsRefusedWithDidYouMean(string typo, string meant)
    {
        var document = Soar("list_rooms", "list rooms", []);
        ((JsonObject)document["config"]!)[typo] = "value-of-the-typo";

        var result = await RunDocumentAsync(document);

        Assert.That(AssertUnusableInvocation(result), Does.Contain($"Unknown key '{typo}'; did you mean '{meant}'?"));
        AssertNoRequests();
    }

    [Test]
    public async Task Operator_AssetFileWithASoarKey_IsStillRefusedNamingIt()
    {
        var config = PatConfig();
        config["appname"] = "webexconnector";

        var result = await Cli.RunAsync("list-rooms", "--asset", WriteAsset(config));

        Assert.That(AssertUnusableInvocation(result), Does.Contain("Unknown key 'appname'"));
        AssertNoRequests();
    }

    /// <summary>A parameter entry as SOAR sends it: the action's parameters plus <c>context</c>.</summary>
    private static JsonObject Entry(JsonObject parameters)
    {
        parameters["context"] = new JsonObject
        {
            ["artifact_id"] = 0,
            ["guid"] = "0f5e2a86-5b8c-4c4b-9a7e-2f3c1d0e9b71",
            ["parent_action_run"] = new JsonArray(),
        };
        return parameters;
    }

    /// <summary>A run document with the keys Splunk SOAR adds, in config and at the top level.</summary>
    private JsonObject Soar(string identifier, string action, JsonObject[] entries)
    {
        var config = PatConfig();
        config["appname"] = "-";
        config["directory"] = "webexconnector_3f2b6a10-7c4e-4f0a-9d51-8e2f7c6b1a94";
        config["main_module"] = "webexconnector_connector.py";
        config["app_version"] = "0.1.0";
        config["product_name"] = "Cisco Webex";
        config["product_vendor"] = "Cisco";
        config["_reserved_environment_variables"] = new JsonObject();
        config["ingest"] = new JsonObject { ["container_label"] = "events" };
        return new JsonObject
        {
            ["identifier"] = identifier,
            ["action"] = action,
            ["asset_id"] = "7",
            ["config"] = config,
            ["parameters"] = new JsonArray([.. entries]),
            ["debug_level"] = 3,
            ["dec_key"] = "7",
            ["environment_variables"] = new JsonObject { ["HTTP_PROXY"] = new JsonObject { ["type"] = "string", ["value"] = "" } },
            ["container_id"] = 12,
            ["connector_run_id"] = 99,
            ["app_run_id"] = 41,
        };
    }
}
