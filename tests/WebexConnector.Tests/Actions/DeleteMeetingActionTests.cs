using System.Net;
using RichardSzalay.MockHttp;
using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

public class DeleteMeetingActionTests
{
    private const string MeetingId = "e8a6557d3c964824ba346a0800d92575";
    private const string MeetingUrl = ConnectorHarness.BaseUrl + "/meetings/" + MeetingId;
    private static readonly string[] WriteScope = ["meeting:schedules_write"];

    [Test]
    public void Definition_ChangesWebex_ContainWithWriteScopeAndUncertainOutcomeNote()
    {
        var definition = ActionCatalog.Find("delete_meeting")!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(definition.Type, Is.EqualTo(ActionType.Contain));
            Assert.That(definition.ReadOnly, Is.False);
            Assert.That(definition.RequiredScopes, Is.EqualTo(WriteScope));
            Assert.That(definition.UncertainOutcomeNote, Is.EqualTo("The meeting may or may not have been deleted; get its details before trying again."));
        }
    }

    [Test]
    public async Task Execute_Deleted_SendsOneBodylessDeleteAndSucceeds()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<HttpRequestMessage>();
        harness.When(HttpMethod.Delete, MeetingUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request =>
            {
                requests.Add(request);
                return new HttpResponseMessage(HttpStatusCode.NoContent);
            });

        var result = await harness.RunOneAsync("delete_meeting", $$"""{"meeting_id": "{{MeetingId}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Meeting deleted"));
            Assert.That(result.Data, Is.Empty);
            Assert.That(requests.Single().RequestUri!.AbsoluteUri, Is.EqualTo(MeetingUrl), "no query when none is given");
            Assert.That(requests.Single().Content, Is.Null);
        }
    }

    [Test]
    public async Task Execute_HostEmailAndSendEmail_AreSentAsSpecQueryParameters()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Delete, MeetingUrl).Respond(request =>
        {
            requests.Add(request.RequestUri!);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });

        var result = await harness.RunOneAsync("delete_meeting",
            $$"""{"meeting_id": "{{MeetingId}}", "host_email": "john.andersen@example.com", "send_email": "false"}""");

        Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
        Assert.That(requests.Single().Query, Is.EqualTo("?hostEmail=john.andersen%40example.com&sendEmail=false"));
    }

    [TestCase(".")]
    [TestCase("..")]
    public async Task Execute_DotSegmentId_DeletesNothing(string id)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("delete_meeting", $$"""{"meeting_id": "{{id}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain("'meeting_id'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }
}
