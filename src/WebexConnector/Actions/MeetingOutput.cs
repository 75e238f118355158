namespace WebexConnector.Actions;

/// <summary>
/// The data paths of a Webex meeting (OpenAPI <c>MeetingSeriesObject</c>, <c>MeetingObjectForListMeeting</c>) that playbooks
/// read, shared by the actions that return meetings; the names are those of Splunk's Cisco Webex app 3.x.
/// </summary>
internal static class MeetingOutput
{
    public static IReadOnlyList<OutputDataPath> Paths { get; } =
    [
        new("action_result.data.*.id", "string") { Contains = ["webex meeting id"], IsTextColumn = true },
        new("action_result.data.*.meetingSeriesId", "string") { Contains = ["webex meeting id"] },
        new("action_result.data.*.scheduledMeetingId", "string") { Contains = ["webex meeting id"] },
        new("action_result.data.*.meetingNumber", "string"),
        new("action_result.data.*.title", "string") { IsTextColumn = true },
        new("action_result.data.*.agenda", "string"),
        new("action_result.data.*.meetingType", "string"),
        new("action_result.data.*.scheduledType", "string"),
        new("action_result.data.*.state", "string") { IsTextColumn = true },
        new("action_result.data.*.timezone", "string"),
        new("action_result.data.*.start", "string") { IsTextColumn = true },
        new("action_result.data.*.end", "string"),
        new("action_result.data.*.recurrence", "string"),
        new("action_result.data.*.hostUserId", "string") { Contains = ["webex person id"] },
        new("action_result.data.*.hostDisplayName", "string"),
        new("action_result.data.*.hostEmail", "string") { Contains = ["email"] },
        new("action_result.data.*.siteUrl", "string"),
        new("action_result.data.*.webLink", "string") { Contains = ["url"], IsTextColumn = true },
        new("action_result.data.*.sipAddress", "string"),
        new("action_result.data.*.enabledAutoRecordMeeting", "boolean"),
        new("action_result.data.*.enabledJoinBeforeHost", "boolean"),
        new("action_result.data.*.joinBeforeHostMinutes", "numeric"),
        new("action_result.data.*.publicMeeting", "boolean"),
        new("action_result.data.*.unlockedMeetingJoinSecurity", "string"),
        new("action_result.data.*.sessionTypeId", "numeric"),
    ];
}
