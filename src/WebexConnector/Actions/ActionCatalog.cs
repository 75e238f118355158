namespace WebexConnector.Actions;

/// <summary>Every action the connector offers. The dispatcher, the CLI and the <c>actions</c> catalogue all read this list.</summary>
internal static class ActionCatalog
{
    public static IReadOnlyList<ActionDefinition> All { get; } =
    [
        TestConnectivityAction.Definition,
        ListRoomsAction.Definition,
        CreateRoomAction.Definition,
        UpdateRoomAction.Definition,
        GetUserAction.Definition,
        ListUsersAction.Definition,
        ListMembershipsAction.Definition,
        AddPeopleAction.Definition,
        RemoveMembershipAction.Definition,
        SendMessageAction.Definition,
        ListMessagesAction.Definition,
        GetMessageAction.Definition,
        DeleteMessageAction.Definition,
        ListEventsAction.Definition,
        ScheduleMeetingAction.Definition,
        ListMeetingsAction.Definition,
        GetMeetingDetailsAction.Definition,
        DeleteMeetingAction.Definition,
        RetrieveMeetingParticipantsAction.Definition,
        GetRecordingDetailsAction.Definition,
        AiMeetingSummaryAction.Definition,
        GetMeetingTranscriptAction.Definition,
    ];

    /// <summary>The action an identifier names: its own, a former one, or its display name (as a SOAR run may carry).</summary>
    public static ActionDefinition? Find(string identifier) =>
        All.FirstOrDefault(action => action.Identifier.Equals(identifier, StringComparison.Ordinal))
        ?? All.FirstOrDefault(action => action.Answers(identifier));
}
