namespace WebexConnector.Actions;

/// <summary>The data paths of a Webex Room object (spec schema <c>Room</c>), as create_room and update_room answer it.</summary>
internal static class RoomOutput
{
    public static IReadOnlyList<OutputDataPath> DataPaths { get; } =
    [
        new("action_result.data.*.id", "string") { Contains = ["webex room id"], IsTextColumn = true },
        new("action_result.data.*.title", "string") { IsTextColumn = true },
        new("action_result.data.*.type", "string") { IsTextColumn = true },
        new("action_result.data.*.isLocked", "boolean") { IsTextColumn = true },
        new("action_result.data.*.teamId", "string") { Contains = ["webex team id"] },
        new("action_result.data.*.lastActivity", "string"),
        new("action_result.data.*.creatorId", "string") { Contains = ["webex person id"] },
        new("action_result.data.*.created", "string"),
        new("action_result.data.*.ownerId", "string"),
        new("action_result.data.*.classificationId", "string"),
        new("action_result.data.*.isAnnouncementOnly", "boolean"),
        new("action_result.data.*.isReadOnly", "boolean"),
        new("action_result.data.*.isPublic", "boolean") { IsTextColumn = true },
        new("action_result.data.*.madePublic", "string"),
        new("action_result.data.*.description", "string"),
    ];
}
