namespace WebexConnector.Actions;

/// <summary>The data paths of a Webex Membership (OpenAPI schema <c>Membership</c>), shared by the membership actions.</summary>
internal static class MembershipOutput
{
    public static IReadOnlyList<OutputDataPath> Paths { get; } =
    [
        new("action_result.data.*.id", "string") { Contains = ["webex membership id"], IsTextColumn = true },
        new("action_result.data.*.roomId", "string") { Contains = ["webex room id"] },
        new("action_result.data.*.personId", "string") { Contains = ["webex person id"] },
        new("action_result.data.*.personEmail", "string") { Contains = ["email"], IsTextColumn = true },
        new("action_result.data.*.personDisplayName", "string") { IsTextColumn = true },
        new("action_result.data.*.personOrgId", "string"),
        new("action_result.data.*.isModerator", "boolean") { IsTextColumn = true },
        new("action_result.data.*.isMonitor", "boolean"),
        new("action_result.data.*.isRoomHidden", "boolean"),
        new("action_result.data.*.roomType", "string") { IsTextColumn = true },
        new("action_result.data.*.created", "string"),
    ];
}
