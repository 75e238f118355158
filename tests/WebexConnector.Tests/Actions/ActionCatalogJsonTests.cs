using System.Text.Json;
using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

public class ActionCatalogJsonTests
{
    private static readonly string[] ActionTypes = ["test", "investigate", "generic", "contain", "correct"];
    private static readonly string[] DataTypes = ["string", "numeric", "boolean", "password"];
    private static readonly string[] TopLevelKeys = ["actions"];
    private static readonly string[] RoomTypes = ["direct", "group"];

    [Test]
    public void Write_Catalogue_IsObjectWithOneActionPerDefinitionInOrder()
    {
        var root = Catalogue();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestJson.Keys(root), Is.EqualTo(TopLevelKeys));
            Assert.That(Actions(root).Select(a => a.GetProperty("identifier").GetString()), Is.EqualTo(ActionCatalog.All.Select(a => a.Identifier)));
        }
    }

    [Test]
    public void Write_EveryAction_HasSoarManifestShape()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var action in Actions(Catalogue()))
            {
                var id = action.GetProperty("identifier").GetString();
                Assert.That(action.GetProperty("action").ValueKind, Is.EqualTo(JsonValueKind.String), id);
                Assert.That(action.GetProperty("description").GetString(), Is.Not.Empty, id);
                Assert.That(action.GetProperty("type").GetString(), Is.AnyOf(ActionTypes), id);
                Assert.That(action.GetProperty("read_only").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False), id);
                Assert.That(action.GetProperty("parameters").ValueKind, Is.EqualTo(JsonValueKind.Object), id);
                Assert.That(action.GetProperty("output").ValueKind, Is.EqualTo(JsonValueKind.Array), id);
                foreach (var parameter in action.GetProperty("parameters").EnumerateObject())
                {
                    var where = $"{id}.{parameter.Name}";
                    Assert.That(parameter.Value.GetProperty("description").GetString(), Is.Not.Empty, where);
                    Assert.That(parameter.Value.GetProperty("data_type").GetString(), Is.AnyOf(DataTypes), where);
                    Assert.That(parameter.Value.GetProperty("required").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False), where);
                }

                foreach (var output in action.GetProperty("output").EnumerateArray())
                {
                    Assert.That(output.GetProperty("data_path").GetString(), Does.StartWith("action_result.").Or.StartWith("summary.total_objects"), id);
                    Assert.That(output.GetProperty("data_type").GetString(), Is.AnyOf(DataTypes), id);
                }
            }
        }
    }

    [Test]
    public void Write_ActionValues_MatchDefinitions()
    {
        var listRooms = Action(Catalogue(), "list_rooms");
        var sendMessage = Action(Catalogue(), "send_message");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(listRooms.GetProperty("action").GetString(), Is.EqualTo("list rooms"));
            Assert.That(listRooms.GetProperty("type").GetString(), Is.EqualTo("investigate"));
            Assert.That(listRooms.GetProperty("read_only").GetBoolean(), Is.True);
            Assert.That(listRooms.GetProperty("parameters").GetProperty("limit").GetProperty("data_type").GetString(), Is.EqualTo("numeric"));
            Assert.That(sendMessage.GetProperty("type").GetString(), Is.EqualTo("generic"));
            Assert.That(sendMessage.GetProperty("read_only").GetBoolean(), Is.False);
            Assert.That(sendMessage.GetProperty("parameters").GetProperty("message").GetProperty("required").GetBoolean(), Is.True);
            Assert.That(sendMessage.GetProperty("parameters").GetProperty("markdown").GetProperty("data_type").GetString(), Is.EqualTo("boolean"));
            Assert.That(Action(Catalogue(), "get_user").GetProperty("parameters").GetProperty("email_address").GetProperty("contains").EnumerateArray()
                .Select(c => c.GetString()), Does.Contain("email"));
        }
    }

    [TestCase("list_rooms", "action_result.data.*.id")]
    [TestCase("list_rooms", "action_result.summary.total_rooms")]
    [TestCase("list_rooms", "action_result.status")]
    [TestCase("list_rooms", "action_result.message")]
    [TestCase("get_user", "action_result.parameter.email_address")]
    [TestCase("get_user", "action_result.data.*.id")]
    [TestCase("get_user", "action_result.summary.found_user")]
    [TestCase("send_message", "action_result.data.*.id")]
    [TestCase("test_connectivity", "action_result.status")]
    [TestCase("test_connectivity", "action_result.message")]
    public void Write_Action_HasContractDataPath(string identifier, string dataPath)
    {
        var paths = Action(Catalogue(), identifier).GetProperty("output").EnumerateArray().Select(o => o.GetProperty("data_path").GetString());

        Assert.That(paths, Does.Contain(dataPath));
    }

    [Test]
    public void Write_EveryParameterOfEveryDefinition_AppearsAsParameterAndDataPath()
    {
        var catalogue = Catalogue();

        using (Assert.EnterMultipleScope())
        {
            foreach (var definition in ActionCatalog.All)
            {
                var action = Action(catalogue, definition.Identifier);
                var written = action.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToArray();
                var paths = action.GetProperty("output").EnumerateArray().Select(o => o.GetProperty("data_path").GetString()).ToArray();
                Assert.That(written, Is.EqualTo(definition.Parameters.SelectMany(p => p.Names)), "every parameter, each followed by its aliases: " + definition.Identifier);
                foreach (var parameter in definition.Parameters)
                {
                    Assert.That(paths, Does.Contain($"action_result.parameter.{parameter.Name}"), $"{definition.Identifier}.{parameter.Name}");
                    Assert.That(action.GetProperty("parameters").GetProperty(parameter.Name).GetProperty("required").GetBoolean(),
                        Is.EqualTo(parameter.Required), $"{definition.Identifier}.{parameter.Name}");
                }
            }
        }
    }

    [Test]
    public void Write_EnumerationParameter_ListsItsValues()
    {
        var type = Action(Catalogue(), "list_rooms").GetProperty("parameters").GetProperty("type");

        Assert.That(type.GetProperty("value_list").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(RoomTypes));
    }

    private static JsonElement Catalogue() => TestJson.Parse(ActionCatalogJson.Write(ActionCatalog.All));

    private static JsonElement.ArrayEnumerator Actions(JsonElement root) => root.GetProperty("actions").EnumerateArray();

    private static JsonElement Action(JsonElement root, string identifier) =>
        Actions(root).Single(a => a.GetProperty("identifier").GetString() == identifier);
}
