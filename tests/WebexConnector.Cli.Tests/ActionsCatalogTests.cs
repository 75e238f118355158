using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary><c>webex-connector actions</c>: the action catalogue in SOAR app-manifest shape.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ActionsCatalogTests : CliTestBase
{
    /// <summary>What the CLI prints must be the library's catalogue, action for action.</summary>
    private static readonly string[] Identifiers = [.. WebexConnector.Actions.ActionCatalog.All.Select(a => a.Identifier)];

    private async Task<Dictionary<string, JsonObject>> ActionsAsync()
    {
        var result = await Cli.RunAsync("actions");
        AssertExitCode(result, 0);
        var actions = result.JsonObject()["actions"] as JsonArray;
        Assert.That(actions, Is.Not.Null, () => $"No \"actions\" list.{Environment.NewLine}{result.Describe()}");
        var byId = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var action in actions!)
        {
            Assert.That(action, Is.InstanceOf<JsonObject>(), "Every action is an object.");
            var id = Str(action!["identifier"]);
            Assert.That(id, Is.Not.Null, () => $"Action without identifier: {action.ToJsonString()}");
            byId[id!] = (JsonObject)action;
        }

        AssertNoRequests();
        return byId;
    }

    [Test]
    public async Task Actions_Invoked_ListsExactlyTheDefinedActions()
    {
        var actions = await ActionsAsync();

        Assert.That(actions.Keys, Is.EquivalentTo(Identifiers));
    }

    [TestCase("test_connectivity", "test connectivity", "test")]
    [TestCase("list_rooms", "list rooms", "investigate")]
    [TestCase("get_user", "get user", "investigate")]
    [TestCase("send_message", "send message", "generic")]
    [TestCase("list_messages", "list messages", "investigate")]
    [TestCase("get_message_details", "get message details", "investigate")]
    [TestCase("delete_message", "delete message", "contain")]
    [TestCase("create_room", "create a room", "generic")]
    [TestCase("update_room", "update a room", "generic")]
    [TestCase("list_users", "list users", "investigate")]
    [TestCase("list_memberships", "list memberships", "investigate")]
    [TestCase("add_people_to_room", "add people", "generic")]
    [TestCase("remove_membership", "remove membership", "contain")]
    [TestCase("list_events", "list events", "investigate")]
    public async Task Actions_EachAction_HasManifestFieldsAndType(string identifier, string displayName, string type)
    {
        var actions = await ActionsAsync();
        Assert.That(actions, Does.ContainKey(identifier));
        var action = actions[identifier];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(action["action"]), Is.EqualTo(displayName), "action (display name)");
            Assert.That(Str(action["description"]), Is.Not.Null.And.Not.Empty, "description");
            Assert.That(Str(action["type"]), Is.EqualTo(type), "type");
            Assert.That(action["read_only"]?.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.True).Or.EqualTo(System.Text.Json.JsonValueKind.False), "read_only is a boolean");
            Assert.That(action["parameters"], Is.InstanceOf<JsonObject>(), "parameters is an object (name -> definition)");
            Assert.That(action["output"], Is.InstanceOf<JsonArray>(), "output is a list");
        }
    }

    [TestCase("list_rooms", true)]
    [TestCase("get_user", true)]
    [TestCase("send_message", false)]
    [TestCase("list_messages", true)]
    [TestCase("get_message_details", true)]
    [TestCase("delete_message", false)]
    [TestCase("create_room", false)]
    [TestCase("update_room", false)]
    [TestCase("list_users", true)]
    [TestCase("list_memberships", true)]
    [TestCase("add_people_to_room", false)]
    [TestCase("remove_membership", false)]
    [TestCase("list_events", true)]
    public async Task Actions_ReadOnlyFlag_IsFalseExactlyForActionsThatChangeWebex(string identifier, bool readOnly)
    {
        var actions = await ActionsAsync();

        Assert.That(actions[identifier]["read_only"]?.GetValue<bool>(), Is.EqualTo(readOnly));
    }

    [TestCase("list_rooms", "type", false, "string")]
    [TestCase("list_rooms", "sort_by", false, "string")]
    [TestCase("list_rooms", "team_id", false, "string")]
    [TestCase("list_rooms", "limit", false, "numeric")]
    [TestCase("get_user", "email_address", true, "string")]
    [TestCase("send_message", "endpoint_id", true, "string")]
    [TestCase("send_message", "destination_type", true, "string")]
    [TestCase("send_message", "message", true, "string")]
    [TestCase("send_message", "markdown", false, "boolean")]
    [TestCase("send_message", "parent_id", false, "string")]
    [TestCase("send_message", "files", false, "string")]
    [TestCase("send_message", "card", false, "string")]
    [TestCase("list_messages", "room_id", true, "string")]
    [TestCase("list_messages", "limit", false, "numeric")]
    [TestCase("get_message_details", "message_id", true, "string")]
    [TestCase("delete_message", "message_id", true, "string")]
    public async Task Actions_Parameter_DescribedAsInContract(string identifier, string parameter, bool required, string dataType)
    {
        var actions = await ActionsAsync();
        var parameters = actions[identifier]["parameters"] as JsonObject;
        Assert.That(parameters, Is.Not.Null);
        Assert.That(parameters!.ContainsKey(parameter), Is.True, () => $"{identifier} has no parameter {parameter}: {parameters.ToJsonString()}");
        var definition = parameters[parameter] as JsonObject;
        Assert.That(definition, Is.Not.Null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(definition!["description"]), Is.Not.Null.And.Not.Empty, "description");
            Assert.That(Str(definition["data_type"]), Is.EqualTo(dataType), "data_type (SOAR manifest type)");
            Assert.That(definition["required"]?.GetValueKind(), Is.EqualTo(required ? System.Text.Json.JsonValueKind.True : System.Text.Json.JsonValueKind.False), "required");
        }
    }

    [TestCase("test_connectivity", new string[0])]
    [TestCase("list_rooms", new[] { "type", "sort_by", "team_id", "limit" })]
    [TestCase("get_user", new[] { "email_address" })]
    [TestCase("send_message", new[] { "endpoint_id", "destination_type", "message", "markdown", "is_markdown", "parent_id", "files", "card", "file_path", "file_name", "vault_id" })]
    [TestCase("list_messages", new[] { "room_id", "parent_id", "before", "before_message", "mentioned_people", "limit" })]
    [TestCase("get_message_details", new[] { "message_id" })]
    [TestCase("delete_message", new[] { "message_id" })]
    public async Task Actions_Parameters_AreExactlyTheContractParameters(string identifier, string[] expected)
    {
        var actions = await ActionsAsync();
        var parameters = (JsonObject)actions[identifier]["parameters"]!;

        Assert.That(parameters.Select(p => p.Key), Is.EquivalentTo(expected));
    }

    [TestCase("test_connectivity", new[] { "action_result.status", "action_result.message" })]
    [TestCase("list_rooms", new[] { "action_result.status", "action_result.message", "action_result.data.*.id", "action_result.summary.total_rooms" })]
    [TestCase("get_user", new[] { "action_result.status", "action_result.message", "action_result.data.*.id", "action_result.parameter.email_address" })]
    [TestCase("send_message", new[] { "action_result.status", "action_result.message", "action_result.data.*.id" })]
    [TestCase("list_messages", new[] { "action_result.status", "action_result.message", "action_result.data.*.id", "action_result.summary.total_messages" })]
    [TestCase("get_message_details", new[] { "action_result.status", "action_result.message", "action_result.data.*.id", "action_result.parameter.message_id" })]
    [TestCase("delete_message", new[] { "action_result.status", "action_result.message", "action_result.parameter.message_id" })]
    public async Task Actions_Output_CoversPlaybookDataPaths(string identifier, string[] requiredPaths)
    {
        var actions = await ActionsAsync();
        var output = (JsonArray)actions[identifier]["output"]!;
        var paths = new List<string?>();
        using (Assert.EnterMultipleScope())
        {
            foreach (var entry in output)
            {
                var path = Str(entry?["data_path"]);
                paths.Add(path);
                Assert.That(path, Does.StartWith("action_result.").Or.StartWith("summary.total_objects"), () => $"data_path of {entry?.ToJsonString()}");
                Assert.That(Str(entry?["data_type"]), Is.Not.Null.And.Not.Empty, () => $"data_type of {entry?.ToJsonString()}");
            }
        }

        Assert.That(paths, Is.SupersetOf(requiredPaths));
    }

    [Test]
    public async Task Actions_ListRoomsOutput_TypesTotalRoomsAsNumeric()
    {
        var actions = await ActionsAsync();
        var output = (JsonArray)actions["list_rooms"]["output"]!;
        var total = output.FirstOrDefault(o => Str(o?["data_path"]) == "action_result.summary.total_rooms");

        Assert.That(Str(total?["data_type"]), Is.EqualTo("numeric"));
    }

    [TestCase("test_connectivity", "spark:people_read")]
    [TestCase("list_rooms", "spark:rooms_read")]
    [TestCase("create_room", "spark:rooms_write")]
    [TestCase("update_room", "spark:rooms_read spark:rooms_write")]
    [TestCase("get_user", "spark:people_read")]
    [TestCase("list_users", "spark:people_read")]
    [TestCase("list_memberships", "spark:memberships_read")]
    [TestCase("add_people_to_room", "spark:memberships_write")]
    [TestCase("remove_membership", "spark:memberships_write")]
    [TestCase("send_message", "spark:messages_write")]
    [TestCase("list_messages", "spark:messages_read")]
    [TestCase("get_message_details", "spark:messages_read")]
    [TestCase("delete_message", "spark:messages_write spark-compliance:messages_write")]
    [TestCase("list_events", "spark-compliance:events_read")]
    public async Task Actions_EachAction_ListsTheScopesItNeeds(string identifier, string scopes)
    {
        var actions = await ActionsAsync();

        var listed = actions[identifier]["required_scopes"] as JsonArray;
        Assert.That(listed?.Select(s => Str(s)), Is.EqualTo(scopes.Split(' ')), identifier);
    }

    [Test]
    public async Task Actions_OutputText_PrintsOneTableRowPerActionWithItsScopes()
    {
        var result = await Cli.RunAsync("actions", "--output", "text");

        AssertExitCode(result, 0);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stdout, Does.StartWith("| identifier | type | Webex call | required scopes | description |"));
            foreach (var identifier in Identifiers)
            {
                Assert.That(result.Stdout, Does.Contain($"| `{identifier}` |"), identifier);
            }

            Assert.That(result.Stdout, Does.Contain("| `delete_message` | contain (changes Webex) | `DELETE /messages/{messageId}` |"));
            Assert.That(result.Stdout, Does.Contain("| add_people_to_room | `person_id`, `person_email` | one | exactly one of person_id, person_email |"));
        }

        AssertNoRequests();
    }
}
