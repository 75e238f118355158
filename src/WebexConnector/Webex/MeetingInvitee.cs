using System.Text.Json.Serialization;

namespace WebexConnector.Webex;

/// <summary>One entry of <c>invitees</c> in <c>POST /meetings</c> (OpenAPI <c>InviteeObjectForCreateMeeting</c>).</summary>
internal sealed record MeetingInvitee
{
    [JsonPropertyName("email")]
    public required string Email { get; init; }
}
