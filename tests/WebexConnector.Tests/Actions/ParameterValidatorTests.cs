using System.Text.Json;
using System.Text.Json.Nodes;
using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

public class ParameterValidatorTests
{
    private static readonly string[] ListRoomsParameterNames = ["limit", "type", "sort_by", "team_id"];

    private static ActionDefinition ListRooms => ListRoomsAction.Definition;

    private static ActionDefinition SendMessage => SendMessageAction.Definition;

    private static ActionDefinition GetUser => GetUserAction.Definition;

    [TestCase("5", 5L)]
    [TestCase("\"5\"", 5L)]
    [TestCase("\" 12 \"", 12L)]
    [TestCase("\"+3\"", 3L)]
    [TestCase("250000", 250000L)]
    [TestCase("100.0", 100L)]
    [TestCase("1e3", 1000L)]
    [TestCase("\"1e3\"", 1000L)]
    [TestCase("\"100.0\"", 100L)]
    [TestCase("1.0E2", 100L)]
    public void Validate_IntegerAsNumberOrString_IsRead(string json, long expected)
    {
        var validation = Validate(ListRooms, $$"""{"limit": {{json}}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Error, Is.Empty);
            Assert.That(validation.Values?.GetInteger(ListRoomsAction.Limit), Is.EqualTo(expected));
        }
    }

    [TestCase("1.5")]
    [TestCase("\"1.5\"")]
    [TestCase("1e40")]
    public void Validate_FractionalOrHugeNumber_IsRefusedAsNotAWholeNumber(string json)
    {
        var validation = Validate(ListRooms, $$"""{"limit": {{json}}}""");

        Assert.That(validation.Error, Does.Contain("Parameter 'limit' must be a positive whole number"));
    }

    [TestCase("250001")]
    [TestCase("\"1000000\"")]
    public void Validate_LimitAboveTheListingBound_IsRefusedNamingTheBound(string json)
    {
        var validation = Validate(ListRooms, $$"""{"limit": {{json}}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Values, Is.Null);
            Assert.That(validation.Error, Does.Contain("Parameter 'limit' must be at most 250,000"));
        }
    }

    [TestCase("true", true)]
    [TestCase("false", false)]
    [TestCase("\"true\"", true)]
    [TestCase("\"false\"", false)]
    [TestCase("\"TRUE\"", true)]
    [TestCase("\" False \"", false)]
    public void Validate_BooleanAsJsonOrString_IsRead(string json, bool expected)
    {
        var validation = Validate(SendMessage, $$"""{"endpoint_id": "r", "destination_type": "room", "message": "m", "markdown": {{json}}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Error, Is.Empty);
            Assert.That(validation.Values?.GetBoolean(SendMessageAction.Markdown), Is.EqualTo(expected));
        }
    }

    [TestCase("\"\"")]
    [TestCase("null")]
    public void Validate_EmptyStringOrNullForOptional_IsUnset(string json)
    {
        var validation = Validate(ListRooms, $$"""{"limit": {{json}}, "type": {{json}}, "sort_by": {{json}}, "team_id": {{json}}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Error, Is.Empty);
            Assert.That(validation.Values, Is.Not.Null);
            Assert.That(validation.Values!.GetInteger(ListRoomsAction.Limit), Is.Null);
            Assert.That(validation.Values.GetString(ListRoomsAction.Type), Is.Null);
            Assert.That(validation.Values.GetString(ListRoomsAction.SortBy), Is.Null);
            Assert.That(validation.Values.GetString(ListRoomsAction.TeamId), Is.Null);
        }
    }

    [TestCase("""{}""")]
    [TestCase("""{"email_address": ""}""")]
    [TestCase("""{"email_address": null}""")]
    public void Validate_RequiredMissingOrEmpty_FailsNamingIt(string entry)
    {
        var validation = Validate(GetUser, entry);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Values, Is.Null);
            Assert.That(validation.Error, Does.Contain("'email_address'"));
        }
    }

    [Test]
    public void Validate_SeveralRequiredMissing_NamesEveryOne()
    {
        var validation = Validate(SendMessage, "{}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Values, Is.Null);
            Assert.That(validation.Error, Does.Contain("'endpoint_id'").And.Contain("'destination_type'").And.Contain("'message'"));
            Assert.That(validation.Error, Does.Not.Contain("'markdown'"));
        }
    }

    [Test]
    public void Validate_NoEntry_IsLikeAnEmptyEntry()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ParameterValidator.Validate(ListRooms, null).Values, Is.Not.Null);
            Assert.That(ParameterValidator.Validate(GetUser, null).Error, Does.Contain("'email_address'"));
        }
    }

    [TestCase("""{"team_id": 5}""", "team_id", TestName = "Validate_NumberForString_FailsNamingParameter")]
    [TestCase("""{"team_id": true}""", "team_id", TestName = "Validate_BooleanForString_FailsNamingParameter")]
    [TestCase("""{"team_id": {"id": "x"}}""", "team_id", TestName = "Validate_ObjectForString_FailsNamingParameter")]
    [TestCase("""{"team_id": ["x"]}""", "team_id", TestName = "Validate_ArrayForString_FailsNamingParameter")]
    [TestCase("""{"limit": "five"}""", "limit", TestName = "Validate_WordForInteger_FailsNamingParameter")]
    [TestCase("""{"limit": 2.5}""", "limit", TestName = "Validate_FractionForInteger_FailsNamingParameter")]
    [TestCase("""{"limit": "2.5"}""", "limit", TestName = "Validate_FractionStringForInteger_FailsNamingParameter")]
    [TestCase("""{"limit": true}""", "limit", TestName = "Validate_BooleanForInteger_FailsNamingParameter")]
    [TestCase("""{"limit": {}}""", "limit", TestName = "Validate_ObjectForInteger_FailsNamingParameter")]
    [TestCase("""{"limit": [5]}""", "limit", TestName = "Validate_ArrayForInteger_FailsNamingParameter")]
    [TestCase("""{"limit": 0}""", "limit", TestName = "Validate_ZeroForPositiveInteger_FailsNamingParameter")]
    [TestCase("""{"limit": "-1"}""", "limit", TestName = "Validate_NegativeForPositiveInteger_FailsNamingParameter")]
    [TestCase("""{"limit": 99999999999999999999999}""", "limit", TestName = "Validate_IntegerBeyondRange_FailsNamingParameter")]
    [TestCase("""{"type": "Public"}""", "type", TestName = "Validate_ValueOutsideAllowedList_FailsNamingParameter")]
    public void Validate_WrongType_FailsNamingParameter(string entry, string name)
    {
        var validation = Validate(ListRooms, entry);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Values, Is.Null);
            Assert.That(validation.Error, Does.Contain($"'{name}'"));
        }
    }

    [TestCase("1", TestName = "Validate_NumberForBoolean_FailsNamingParameter")]
    [TestCase("\"yes\"", TestName = "Validate_YesForBoolean_FailsNamingParameter")]
    [TestCase("{}", TestName = "Validate_ObjectForBoolean_FailsNamingParameter")]
    public void Validate_NotABoolean_FailsNamingParameter(string json)
    {
        var validation = Validate(SendMessage, $$"""{"endpoint_id": "r", "destination_type": "room", "message": "m", "markdown": {{json}}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Values, Is.Null);
            Assert.That(validation.Error, Does.Contain("'markdown'"));
        }
    }

    [TestCase("GROUP", "group")]
    [TestCase("Direct", "direct")]
    [TestCase(" group ", "group")]
    public void Validate_AllowedValueInAnyCase_IsNormalisedToDefinedSpelling(string given, string expected)
    {
        var validation = Validate(ListRooms, new JsonObject { ["type"] = given }.ToJsonString());

        Assert.That(validation.Values?.GetString(ListRoomsAction.Type), Is.EqualTo(expected));
    }

    [Test]
    public void Validate_SortOrderInAnyCase_IsNormalisedToWebexSpelling()
    {
        Assert.That(Validate(ListRooms, """{"sort_by": "LASTACTIVITY"}""").Values?.GetString(ListRoomsAction.SortBy), Is.EqualTo("lastactivity"));
    }

    [TestCase("abc\u0000def")]
    [TestCase("abc\u001bdef")]
    [TestCase("abc\u007fdef")]
    [TestCase("abc\u0085def")]
    public void Validate_ControlCharacterInString_FailsNamingParameter(string teamId)
    {
        var validation = Validate(ListRooms, new JsonObject { ["team_id"] = teamId }.ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Values, Is.Null);
            Assert.That(validation.Error, Does.Contain("'team_id'").And.Contain("control"));
        }
    }

    [Test]
    public void Validate_MessageWithNewlinesAndTabs_IsAccepted()
    {
        var entry = new JsonObject { ["endpoint_id"] = "r", ["destination_type"] = "room", ["message"] = "line 1\r\n\tline 2" };

        Assert.That(Validate(SendMessage, entry.ToJsonString()).Values?.GetString(SendMessageAction.Message), Is.EqualTo("line 1\r\n\tline 2"));
    }

    [Test]
    public void Validate_StringAtDefaultMaximumLength_IsAccepted()
    {
        var teamId = new string('t', ParameterValidator.DefaultMaxUtf8Bytes);

        Assert.That(Validate(ListRooms, new JsonObject { ["team_id"] = teamId }.ToJsonString()).Values?.GetString(ListRoomsAction.TeamId), Is.EqualTo(teamId));
    }

    [Test]
    public void Validate_StringOverDefaultMaximumLength_FailsNamingParameter()
    {
        var teamId = new string('t', ParameterValidator.DefaultMaxUtf8Bytes + 1);

        var validation = Validate(ListRooms, new JsonObject { ["team_id"] = teamId }.ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Values, Is.Null);
            Assert.That(validation.Error, Does.Contain("'team_id'").And.Contain(ParameterValidator.DefaultMaxUtf8Bytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Test]
    public void Validate_ValidEntry_EchoKeepsExactlyWhatWasGivenAndDropsUnknownKeys()
    {
        const string entry = """
            {"limit": "5", "type": " GROUP ", "sort_by": "", "team_id": null,
             "context": {"guid": "7c1c0c9e", "artifact_id": 0, "parent_action_run": []}, "extra": 1}
            """;

        var validation = Validate(ListRooms, entry);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Values?.GetString(ListRoomsAction.Type), Is.EqualTo("group"));
            Assert.That(validation.Echo.Select(p => p.Key), Is.EquivalentTo(ListRoomsParameterNames));
            Assert.That(JsonNode.DeepEquals(validation.Echo, JsonNode.Parse("""{"limit": "5", "type": " GROUP ", "sort_by": "", "team_id": null}""")),
                Is.True, validation.Echo.ToJsonString());
        }
    }

    [Test]
    public void Validate_InvalidEntry_StillEchoesWhatWasGiven()
    {
        var validation = Validate(ListRooms, """{"limit": "many", "context": {"guid": "x"}}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Values, Is.Null);
            Assert.That(validation.Echo.ToJsonString(), Is.EqualTo("""{"limit":"many"}"""));
        }
    }

    [Test]
    public void Validate_EntryWithOnlyUnknownKeys_EchoIsEmpty()
    {
        var validation = Validate(ListRooms, """{"context": {"guid": "x"}, "Limit": 5}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validation.Echo, Is.Empty);
            Assert.That(validation.Values?.GetInteger(ListRoomsAction.Limit), Is.Null, "parameter names are case-sensitive, as in SOAR");
        }
    }

    [TestCase("john.andersen@example.com", true)]
    [TestCase("john+soar@example.com", true)]
    [TestCase("john", false)]
    [TestCase("john@", false)]
    [TestCase("John <john@example.com>", false)]
    [TestCase(" john@example.com", false)]
    public void Validate_EmailAddress_IsCheckedAsAddress(string email, bool valid)
    {
        var validation = Validate(GetUser, new JsonObject { ["email_address"] = email }.ToJsonString());

        Assert.That(validation.Values is not null, Is.EqualTo(valid), validation.Error);
    }

    private static ParameterValidation Validate(ActionDefinition action, string entry) =>
        ParameterValidator.Validate(action, TestJson.Parse(entry));
}
