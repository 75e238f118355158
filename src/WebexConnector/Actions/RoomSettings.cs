using System.Text.Json;

namespace WebexConnector.Actions;

/// <summary>
/// What create_room and update_room set besides the title: read from the parameters or from a room as Webex
/// answered it, merged, and checked against the two rules the Webex spec states for <c>POST /rooms</c> and
/// <c>PUT /rooms/{roomId}</c> (announcement mode needs a locked space; a public space needs a description).
/// </summary>
internal sealed record RoomSettings
{
    public string? TeamId { get; init; }

    public string? ClassificationId { get; init; }

    public bool? IsLocked { get; init; }

    public bool? IsPublic { get; init; }

    public string? Description { get; init; }

    public bool? IsAnnouncementOnly { get; init; }

    /// <summary>Only read from a room (no parameter sets it): a compliance officer's setting that a PUT passes on.</summary>
    public bool? IsReadOnly { get; init; }

    public static RoomSettings FromParameters(ActionParameters parameters, RoomSettingParameters declared) => new()
    {
        TeamId = parameters.GetString(declared.TeamId),
        ClassificationId = parameters.GetString(declared.ClassificationId),
        IsLocked = parameters.GetBoolean(declared.IsLocked),
        IsPublic = parameters.GetBoolean(declared.IsPublic),
        Description = parameters.GetString(declared.Description),
        IsAnnouncementOnly = parameters.GetBoolean(declared.IsAnnouncementOnly),
    };

    /// <summary>The settings of a Webex Room object; a field the room lacks (or of another JSON type) is unset.</summary>
    public static RoomSettings FromRoom(JsonElement room) => new()
    {
        TeamId = Text(room, "teamId"),
        ClassificationId = Text(room, "classificationId"),
        IsLocked = Flag(room, "isLocked"),
        IsPublic = Flag(room, "isPublic"),
        Description = Text(room, "description"),
        IsAnnouncementOnly = Flag(room, "isAnnouncementOnly"),
        IsReadOnly = Flag(room, "isReadOnly"),
    };

    /// <summary>Each setting as given here, else the room's current one.</summary>
    public RoomSettings Over(RoomSettings room) => new()
    {
        TeamId = TeamId ?? room.TeamId,
        ClassificationId = ClassificationId ?? room.ClassificationId,
        IsLocked = IsLocked ?? room.IsLocked,
        IsPublic = IsPublic ?? room.IsPublic,
        Description = Description ?? room.Description,
        IsAnnouncementOnly = IsAnnouncementOnly ?? room.IsAnnouncementOnly,
        IsReadOnly = IsReadOnly ?? room.IsReadOnly,
    };

    /// <summary>create_room: the rules on the settings as given (a new room has nothing else set); null when they hold.</summary>
    public string? CheckNewRoom() => Check(this, room: null, onlyWhenAllGiven: false);

    /// <summary>update_room before reading the room: only the rules whose settings were all given can be decided.</summary>
    public string? CheckGivenOnly() => Check(this, room: null, onlyWhenAllGiven: true);

    /// <summary>
    /// update_room after reading the room: each rule that involves a given setting, on the settings the PUT will
    /// carry. A rule the room already breaks on its own is left to Webex, so a title change is never blocked by it.
    /// </summary>
    public string? CheckUpdateOf(RoomSettings room) => Check(Over(room), room, onlyWhenAllGiven: false);

    private string? Check(RoomSettings effective, RoomSettings? room, bool onlyWhenAllGiven)
    {
        if (Applies(IsAnnouncementOnly, IsLocked, onlyWhenAllGiven) && effective.IsAnnouncementOnly == true && effective.IsLocked != true)
        {
            return IsAnnouncementOnly is not null
                ? "Parameter 'is_announcement_only' needs is_locked true: Webex puts a space into announcement mode only when it is locked"
                    + (IsLocked is null && room is not null ? "; the room is not locked." : ".")
                : "Parameter 'is_locked' cannot be false while the room is in announcement mode: give is_announcement_only false as well.";
        }

        if (Applies(IsPublic, Description, onlyWhenAllGiven) && effective.IsPublic == true && string.IsNullOrWhiteSpace(effective.Description))
        {
            return IsPublic is not null
                ? "Parameter 'is_public' needs a description: Webex requires one for a public space"
                    + (Description is null && room is not null ? "; the room has none." : ".")
                : "Parameter 'description' cannot be removed while the room is public: give is_public false as well.";
        }

        return null;
    }

    private static bool Applies(object? first, object? second, bool onlyWhenAllGiven) =>
        onlyWhenAllGiven ? first is not null && second is not null : first is not null || second is not null;

    private static string? Text(JsonElement room, string name) =>
        room.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Flag(JsonElement room, string name) =>
        room.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
