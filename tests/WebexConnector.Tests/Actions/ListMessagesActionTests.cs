using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;
using WebexConnector.Results;

namespace WebexConnector.Tests.Actions;

public class ListMessagesActionTests
{
    private const string MessagesUrl = ConnectorHarness.BaseUrl + "/messages";
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vYmJjZWIxYWQtNDNmMS0zYjU4LTkxNDctZjE0YmIwYzRkMTU0";

    // Webex's next link for messages: the same query with beforeMessage set to the page's last message.
    private const string SecondUrl = "https://webexapis.com/v1/messages?roomId=" + RoomId
        + "&max=1000&beforeMessage=Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk";

    private static readonly string RoomOnly = new JsonObject { ["room_id"] = RoomId }.ToJsonString();

    [Test]
    public async Task Execute_RoomOnly_AsksForLargestPageOfThatRoomWithoutFilters()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MessagesUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.MessagesPage2));

        var result = await harness.RunOneAsync("list_messages", RoomOnly);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(requests, Has.Count.EqualTo(1));
            Assert.That(ConnectorHarness.Query(requests[0]), Is.EquivalentTo(new Dictionary<string, string?> { ["roomId"] = RoomId, ["max"] = "1000" }));
        }
    }

    [Test]
    public async Task Execute_EveryFilter_IsSentWithOpenApiQueryNames()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MessagesUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.MessagesPage2));
        var parameters = new JsonObject
        {
            ["room_id"] = RoomId,
            ["parent_id"] = "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvZWM1ZTIzZjAtN2RhMS0xMWU5LTg2NTgtZTkzYzNiODZjZmFm",
            ["before"] = "2016-04-21T19:01:55.966Z",
            ["before_message"] = "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk",
            ["mentioned_people"] = "me",
        };

        var result = await harness.RunOneAsync("list_messages", parameters.ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["roomId"] = RoomId,
                ["parentId"] = "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvZWM1ZTIzZjAtN2RhMS0xMWU5LTg2NTgtZTkzYzNiODZjZmFm",
                ["mentionedPeople"] = "me",
                ["before"] = "2016-04-21T19:01:55.966Z",
                ["beforeMessage"] = "Y2lzY29zcGFyazovL3VzL01FU1NBR0UvOTJkYjNiZTAtNDNiZC0xMWU2LThhZTktZGQ1YjNkZmM1NjVk",
                ["max"] = "100",
            }));
        }
    }

    [Test]
    public async Task Execute_SeveralMentionedPeople_AreSentAsOneCommaSeparatedValue()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MessagesUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.MessagesEmpty));

        await harness.RunOneAsync("list_messages", new JsonObject { ["room_id"] = RoomId, ["mentioned_people"] = "me,Y2lzY29zcGFyazovL3VzL1BFT1BMRS8yNDlm" }.ToJsonString());

        Assert.That(ConnectorHarness.Query(requests.Single())["mentionedPeople"], Is.EqualTo("me,Y2lzY29zcGFyazovL3VzL1BFT1BMRS8yNDlm"));
    }

    [TestCase(null, "100", TestName = "Execute_MentionedPeopleWithoutLimit_AsksForPagesOf100")]
    [TestCase("500", "100", TestName = "Execute_MentionedPeopleWithLimitAbove100_AsksFor100")]
    [TestCase("30", "30", TestName = "Execute_MentionedPeopleWithLimitBelow100_AsksForTheLimit")]
    public async Task Execute_MentionedPeople_NeverAsksForMoreThan100(string? limit, string expectedMax)
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MessagesUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.MessagesEmpty));
        var parameters = new JsonObject { ["room_id"] = RoomId, ["mentioned_people"] = "me", ["limit"] = limit };

        var result = await harness.RunOneAsync("list_messages", parameters.ToJsonString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single())["max"], Is.EqualTo(expectedMax));
        }
    }

    [Test]
    public async Task Execute_TwoPages_FollowsLinkAndReturnsEveryMessageUnchangedInOrder()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        var first = harness.When(HttpMethod.Get, MessagesUrl).With(r => r.RequestUri!.Query == $"?roomId={RoomId}&max=1000")
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.MessagesPage1, SecondUrl));
        var second = harness.When(HttpMethod.Get, MessagesUrl).With(r => r.RequestUri!.AbsoluteUri == SecondUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.MessagesPage2));

        var result = await harness.RunOneAsync("list_messages", RoomOnly);

        var expected = Fixture.Items(Fixture.MessagesPage1).Concat(Fixture.Items(Fixture.MessagesPage2)).Select(m => m.GetRawText());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Total messages: 4"));
            Assert.That(result.Summary["total_messages"]?.GetValue<int>(), Is.EqualTo(4));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(expected), "every field (unknown ones, cards) with its raw JSON text, newest first");
            Assert.That(new[] { first, second }.Select(harness.Http.GetMatchCount), Has.All.EqualTo(1));
            Assert.That(harness.RequestCount, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Execute_MessageWithCard_OutputDocumentKeepsTheCardAndUnknownFields()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, MessagesUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.MessagesPage1));

        var output = TestJson.Parse(ConnectorRunResultJson.Write(await harness.RunAsync("list_messages", RoomOnly)));

        var written = output.GetProperty("result_data")[0].GetProperty("data");
        var expected = Fixture.Items(Fixture.MessagesPage1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestJson.DeepEquals(written[1], expected[1]), Is.True, written[1].GetRawText());
            Assert.That(written[1].GetProperty("attachments")[0].GetProperty("content").GetProperty("type").GetString(), Is.EqualTo("AdaptiveCard"));
            Assert.That(written[1].GetProperty("futureMessageField").GetProperty("score").GetRawText(), Is.EqualTo("12345678901234567890123"));
        }
    }

    [TestCase("""{}""", "room_id", TestName = "Execute_MissingRoomId_FailsWithoutRequest")]
    [TestCase("""{"room_id": ""}""", "room_id", TestName = "Execute_EmptyRoomId_FailsWithoutRequest")]
    [TestCase("""{"room_id": "R", "limit": 0}""", "limit", TestName = "Execute_LimitZero_FailsWithoutRequest")]
    [TestCase("""{"room_id": "R", "limit": "ten"}""", "limit", TestName = "Execute_LimitNotANumber_FailsWithoutRequest")]
    [TestCase("""{"room_id": "R", "before": "yesterday"}""", "before", TestName = "Execute_BeforeNotATimestamp_FailsWithoutRequest")]
    [TestCase("""{"room_id": "R", "before": "2026-01-31T08:00:00"}""", "before", TestName = "Execute_BeforeWithoutOffset_FailsWithoutRequest")]
    [TestCase("""{"room_id": ["R"]}""", "room_id", TestName = "Execute_RoomIdList_FailsWithoutRequest")]
    public async Task Execute_InvalidParameter_FailsNamingItWithoutRequest(string parameters, string name)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("list_messages", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain($"'{name}'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    private static string Id(JsonElement message) => message.GetProperty("id").GetString()!;
}
