using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>get_recording_details: by recording id, or every recording of a meeting with its direct download links.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class GetRecordingDetailsTests : CliTestBase
{
    private const string MeetingId = "f91b6edce9864428af084977b7c68291_I_166641849979635652";

    [Test]
    public async Task GetRecordingDetails_RecordingId_ReturnsTheRecordingUnchanged()
    {
        var recording = Server.AddRecording(MeetingId);

        var result = await RunOperatorAsync("get-recording-details", "--recording-id", Str(recording["id"])!);

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.Requests.Select(r => r.PathAndQuery), Is.EqualTo(new[] { $"/v1/recordings/{Str(recording["id"])}" }));
            Assert.That(actionResult["data"] as JsonArray, Has.Count.EqualTo(1));
            AssertJsonEqual(actionResult["data"]?[0], recording, "data[0]");
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Recordings found: 1"));
        }
    }

    [Test]
    public async Task GetRecordingDetails_MeetingIdAndHostEmail_ListsThenReturnsEachRecordingWithItsDownloadLinks()
    {
        var first = Server.AddRecording(MeetingId, "Bridge part 1");
        var second = Server.AddRecording(MeetingId, "Bridge part 2");
        Server.AddRecording("other_I_1", "Unrelated");

        var result = await RunDocumentAsync(RunDocument("get_recording_details", new JsonObject
        {
            ["meeting_id"] = MeetingId,
            ["host_email"] = "erin.operator@example.com",
        }));

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var listing = Server.RequestsTo("GET", "/v1/recordings").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(listing.QueryValue("meetingId"), Is.EqualTo(MeetingId));
            Assert.That(listing.QueryValue("hostEmail"), Is.EqualTo("erin.operator@example.com"));
            AssertJsonEqual(actionResult["data"], new JsonArray(first.DeepClone(), second.DeepClone()), "data");
            Assert.That(Str(actionResult["data"]?[0]?["temporaryDirectDownloadLinks"]?["recordingDownloadLink"]), Does.StartWith("https://"));
            Assert.That(actionResult["summary"]?["total_recordings"]?.GetValue<int>(), Is.EqualTo(2));
        }
    }
}
