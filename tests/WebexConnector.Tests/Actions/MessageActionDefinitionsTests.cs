using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

/// <summary>The declared rules of the message actions: types, scopes, formats, and the note after an uncertain outcome.</summary>
public class MessageActionDefinitionsTests
{
    private static readonly string[] ReadScope = ["spark:messages_read"];
    private static readonly string[] DeleteScopes = ["spark:messages_write", "spark-compliance:messages_write"];
    private static readonly string[] ListParameters = ["room_id", "parent_id", "before", "before_message", "mentioned_people", "limit"];

    [TestCase("list_messages", "GET /messages")]
    [TestCase("get_message", "GET /messages/{messageId}")]
    public void Definition_ReadingAction_IsReadOnlyInvestigateWithMessagesRead(string identifier, string call)
    {
        var action = ActionCatalog.Find(identifier)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(action.Type, Is.EqualTo(ActionType.Investigate));
            Assert.That(action.ReadOnly, Is.True);
            Assert.That(action.WebexCall, Is.EqualTo(call));
            Assert.That(action.RequiredScopes, Is.EqualTo(ReadScope));
            Assert.That(action.UncertainOutcomeNote, Is.Null);
        }
    }

    [Test]
    public void Definition_DeleteMessage_IsContainWithBothScopesAndAnUncertaintyNote()
    {
        var action = ActionCatalog.Find("delete_message")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(action.Type, Is.EqualTo(ActionType.Contain));
            Assert.That(action.ReadOnly, Is.False);
            Assert.That(action.WebexCall, Is.EqualTo("DELETE /messages/{messageId}"));
            Assert.That(action.RequiredScopes, Is.EqualTo(DeleteScopes));
            Assert.That(action.Description, Does.Contain("spark-compliance:messages_write").And.Contain("compliance officer"));
            Assert.That(action.UncertainOutcomeNote, Is.EqualTo("The message may or may not have been deleted; check with get message before trying again."));
        }
    }

    [Test]
    public void Definition_ListMessages_HasSpecParametersAndTotal()
    {
        var action = ActionCatalog.Find("list_messages")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(action.Parameters.Select(p => p.Name), Is.EqualTo(ListParameters));
            Assert.That(Parameter(action, "room_id").Required, Is.True);
            Assert.That(Parameter(action, "before").Format, Is.EqualTo(ParameterFormat.Timestamp));
            Assert.That(Parameter(action, "limit").Type, Is.EqualTo(ParameterType.Numeric));
            Assert.That(Parameter(action, "limit").Minimum, Is.EqualTo(1));
            Assert.That(action.Output.Select(o => o.DataPath), Does.Contain("action_result.summary.total_messages"));
        }
    }

    [Test]
    public void Definition_SendMessage_CardIsAJsonObjectAndMessageStaysRequiredAsItsFallback()
    {
        var action = ActionCatalog.Find("send_message")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Parameter(action, "card").Format, Is.EqualTo(ParameterFormat.JsonObject));
            Assert.That(Parameter(action, "card").MaxUtf8Bytes, Is.EqualTo(SendMessageAction.MaxCardBytes));
            Assert.That(Parameter(action, "card").Description, Does.Contain("fallback"));
            Assert.That(Parameter(action, "files").Format, Is.EqualTo(ParameterFormat.HttpUrl));
            Assert.That(Parameter(action, "parent_id").Required, Is.False);
            Assert.That(Parameter(action, "message").Required, Is.True);
            Assert.That(Parameter(action, "message").Description, Does.Contain("fallback"));
        }
    }

    private static ParameterDefinition Parameter(ActionDefinition action, string name) => action.Parameters.Single(p => p.Name == name);
}
