using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using WebexConnector.Webex;

namespace WebexConnector.Tests.Webex;

/// <summary>
/// The <c>POST /meetings</c> body uses only names of the meetings OpenAPI spec (a copy under Fixtures/spec), in its order:
/// a misspelt name would be ignored by Webex without a word.
/// </summary>
public class CreateMeetingRequestSpecTests
{
    private const string SpecFile = "spec/webex-meeting.openapi.json";

    [Test]
    public void CreateMeetingRequest_EveryJsonName_IsACreateMeetingObjectPropertyInSpecOrder()
    {
        var specNames = SchemaProperties("CreateMeetingObject");
        var names = JsonNames(typeof(CreateMeetingRequest));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Is.SubsetOf(specNames));
            Assert.That(names, Is.EqualTo(specNames.Where(names.Contains).ToList()), "in the spec's order");
        }
    }

    [Test]
    public void CreateMeetingRequest_RequiredSpecFields_AreRequiredMembers()
    {
        using var spec = JsonDocument.Parse(Fixture.Text(SpecFile));
        var required = spec.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("CreateMeetingObject")
            .GetProperty("required").EnumerateArray().Select(e => e.GetString()!);
        var requiredMembers = typeof(CreateMeetingRequest).GetProperties()
            .Where(p => p.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name);

        Assert.That(requiredMembers, Is.EquivalentTo(required));
    }

    [Test]
    public void MeetingInvitee_EveryJsonName_IsAnInviteeProperty() =>
        Assert.That(JsonNames(typeof(MeetingInvitee)), Is.SubsetOf(SchemaProperties("InviteeObjectForCreateMeeting")));

    private static List<string> SchemaProperties(string schema)
    {
        using var spec = JsonDocument.Parse(Fixture.Text(SpecFile));
        return [.. spec.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties").EnumerateObject().Select(p => p.Name)];
    }

    private static List<string> JsonNames(Type type) =>
        [.. type.GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? $"(no JSON name: {p.Name})")];
}
