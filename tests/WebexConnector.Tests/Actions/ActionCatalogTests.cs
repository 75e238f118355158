using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

public class ActionCatalogTests
{
    private static readonly string[] EventScopes = ["spark-compliance:events_read"];
    /// <summary>The actions the contract names; the catalogue may hold more, each tested by the catalogue-driven fixtures.</summary>
    private static readonly string[] ContractIdentifiers = ["test_connectivity", "list_rooms", "get_user", "send_message"];
    private static readonly string[] RoomTypes = ["direct", "group"];
    private static readonly string[] SortOrders = ["id", "lastactivity", "created"];
    private static readonly string[] DestinationTypes = ["user", "room", "email"];

    [Test]
    public void All_EveryDefinition_HasIdentifierNameDescriptionAndActivity()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var action in ActionCatalog.All)
            {
                Assert.That(action.Identifier, Does.Match("^[a-z]+(_[a-z]+)*$"), action.Identifier);
                Assert.That(action.Name, Does.Match("^[a-z]+( [a-z]+)*$"), action.Identifier);
                Assert.That(action.Description, Is.Not.Empty, action.Identifier);
                Assert.That(action.FailureMessagePrefix, Is.Not.Empty, action.Identifier);
                Assert.That(Enum.IsDefined(action.Type), Is.True, action.Identifier);
            }
        }
    }

    [Test]
    public void All_EveryAction_IsPresentOnceWithItsType()
    {
        var byIdentifier = ActionCatalog.All.ToDictionary(a => a.Identifier, StringComparer.Ordinal);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byIdentifier.Keys, Is.SupersetOf(ContractIdentifiers));
            Assert.That(byIdentifier, Has.Count.EqualTo(ActionCatalog.All.Count), "identifiers are unique");
            Assert.That(byIdentifier["test_connectivity"].Type, Is.EqualTo(ActionType.Test));
            Assert.That(byIdentifier["list_rooms"].Type, Is.EqualTo(ActionType.Investigate));
            Assert.That(byIdentifier["get_user"].Type, Is.EqualTo(ActionType.Investigate));
            Assert.That(byIdentifier["send_message"].Type, Is.EqualTo(ActionType.Generic));
            Assert.That(byIdentifier["send_message"].ReadOnly, Is.False);
            Assert.That(byIdentifier["list_rooms"].ReadOnly, Is.True);
            Assert.That(byIdentifier["delete_message"].Type, Is.EqualTo(ActionType.Contain));
            Assert.That(byIdentifier["remove_membership"].Type, Is.EqualTo(ActionType.Contain));
            Assert.That(byIdentifier["list_events"].RequiredScopes, Is.EqualTo(EventScopes));
        }
    }

    [Test]
    public void All_EveryParameter_HasNameDescriptionAndUniqueName()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var action in ActionCatalog.All)
            {
                Assert.That(action.Parameters.Select(p => p.Name), Is.Unique, action.Identifier);
                foreach (var parameter in action.Parameters)
                {
                    Assert.That(parameter.Name, Does.Match("^[a-z]+(_[a-z]+)*$"), $"{action.Identifier}.{parameter.Name}");
                    Assert.That(parameter.Description, Is.Not.Empty, $"{action.Identifier}.{parameter.Name}");
                }
            }
        }
    }

    [Test]
    public void All_ContractParameters_AreDeclaredWithTheirRules()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Parameter("list_rooms", "type").AllowedValues, Is.EqualTo(RoomTypes));
            Assert.That(Parameter("list_rooms", "sort_by").AllowedValues, Is.EqualTo(SortOrders));
            Assert.That(Parameter("list_rooms", "limit").Type, Is.EqualTo(ParameterType.Numeric));
            Assert.That(Parameter("list_rooms", "limit").Required, Is.False);
            Assert.That(Parameter("get_user", "email_address").Required, Is.True);
            Assert.That(Parameter("send_message", "destination_type").AllowedValues, Is.EquivalentTo(DestinationTypes));
            Assert.That(Parameter("send_message", "message").MaxUtf8Bytes, Is.EqualTo(7439));
            Assert.That(Parameter("send_message", "markdown").Type, Is.EqualTo(ParameterType.Boolean));
        }
    }

    [TestCase("list_rooms")]
    [TestCase("send_message")]
    public void Find_KnownIdentifier_ReturnsItsDefinition(string identifier)
    {
        Assert.That(ActionCatalog.Find(identifier)?.Identifier, Is.EqualTo(identifier));
    }

    [TestCase("delete_room")]
    [TestCase("")]
    [TestCase("list_room")]
    public void Find_UnknownIdentifier_ReturnsNull(string identifier)
    {
        Assert.That(ActionCatalog.Find(identifier), Is.Null);
    }

    /// <summary>3.x's identifiers are ours; this connector's earlier ones and the display names (3.x's too) still dispatch.</summary>
    [TestCase("add_people", "add_people_to_room")]
    [TestCase("get_message", "get_message_details")]
    [TestCase("add people", "add_people_to_room")]
    [TestCase("get message details", "get_message_details")]
    [TestCase("get message", "get_message_details")]
    [TestCase("create room", "create_room")]
    [TestCase("create a room", "create_room")]
    [TestCase("Update A Room", "update_room")]
    [TestCase("list rooms", "list_rooms")]
    public void Find_FormerIdentifierOrDisplayName_FindsTheAction(string given, string identifier)
    {
        Assert.That(ActionCatalog.Find(given)?.Identifier, Is.EqualTo(identifier));
    }

    private static ParameterDefinition Parameter(string action, string name) =>
        ActionCatalog.Find(action)!.Parameters.Single(p => p.Name == name);
}
