namespace WebexConnector.Actions;

/// <summary>The data paths of a Webex Message (OpenAPI <c>ListMessage</c>), shared by the actions that return messages.</summary>
internal static class MessageOutput
{
    public static IReadOnlyList<OutputDataPath> Paths { get; } =
    [
        new("action_result.data.*.id", "string") { Contains = ["webex message id"], IsTextColumn = true },
        new("action_result.data.*.parentId", "string") { Contains = ["webex message id"] },
        new("action_result.data.*.roomId", "string") { Contains = ["webex room id"] },
        new("action_result.data.*.roomType", "string"),
        new("action_result.data.*.text", "string") { IsTextColumn = true },
        new("action_result.data.*.markdown", "string"),
        new("action_result.data.*.html", "string"),
        new("action_result.data.*.files", "string") { Contains = ["url"] },
        new("action_result.data.*.personId", "string") { Contains = ["webex person id"] },
        new("action_result.data.*.personEmail", "string") { Contains = ["email"], IsTextColumn = true },
        new("action_result.data.*.mentionedPeople", "string") { Contains = ["webex person id"] },
        new("action_result.data.*.mentionedGroups", "string"),
        new("action_result.data.*.attachments.*.contentType", "string"),
        new("action_result.data.*.created", "string") { IsTextColumn = true },
        new("action_result.data.*.updated", "string"),
        new("action_result.data.*.isVoiceClip", "boolean"),
    ];
}
