using System.Text.Json.Serialization;

namespace WebexConnector.Webex;

/// <summary>
/// Body of <c>POST /meetings</c> (OpenAPI <c>CreateMeetingObject</c>): the fields the connector sets, named and ordered
/// as in the spec. Unset fields are left out of the JSON, so Webex applies its own defaults.
/// </summary>
internal sealed record CreateMeetingRequest
{
    [JsonPropertyName("adhoc")]
    public bool? Adhoc { get; init; }

    [JsonPropertyName("roomId")]
    public string? RoomId { get; init; }

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("agenda")]
    public string? Agenda { get; init; }

    /// <summary>A secret of the run: registered with the redactor, never echoed.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; init; }

    [JsonPropertyName("start")]
    public required string Start { get; init; }

    [JsonPropertyName("end")]
    public required string End { get; init; }

    [JsonPropertyName("timezone")]
    public string? Timezone { get; init; }

    [JsonPropertyName("recurrence")]
    public string? Recurrence { get; init; }

    [JsonPropertyName("enabledAutoRecordMeeting")]
    public bool? EnabledAutoRecordMeeting { get; init; }

    [JsonPropertyName("allowAnyUserToBeCoHost")]
    public bool? AllowAnyUserToBeCoHost { get; init; }

    [JsonPropertyName("enabledJoinBeforeHost")]
    public bool? EnabledJoinBeforeHost { get; init; }

    [JsonPropertyName("enableConnectAudioBeforeHost")]
    public bool? EnableConnectAudioBeforeHost { get; init; }

    [JsonPropertyName("joinBeforeHostMinutes")]
    public long? JoinBeforeHostMinutes { get; init; }

    [JsonPropertyName("publicMeeting")]
    public bool? PublicMeeting { get; init; }

    [JsonPropertyName("reminderTime")]
    public long? ReminderTime { get; init; }

    [JsonPropertyName("unlockedMeetingJoinSecurity")]
    public string? UnlockedMeetingJoinSecurity { get; init; }

    [JsonPropertyName("sessionTypeId")]
    public long? SessionTypeId { get; init; }

    [JsonPropertyName("scheduledType")]
    public string? ScheduledType { get; init; }

    [JsonPropertyName("enableAutomaticLock")]
    public bool? EnableAutomaticLock { get; init; }

    [JsonPropertyName("automaticLockMinutes")]
    public long? AutomaticLockMinutes { get; init; }

    [JsonPropertyName("invitees")]
    public IReadOnlyList<MeetingInvitee>? Invitees { get; init; }

    [JsonPropertyName("sendEmail")]
    public bool? SendEmail { get; init; }

    [JsonPropertyName("hostEmail")]
    public string? HostEmail { get; init; }
}
