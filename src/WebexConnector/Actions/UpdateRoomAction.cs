using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary>
/// <c>update_room</c>: changes a room's title and settings, <c>PUT /rooms/{roomId}</c>. The PUT sets the settings
/// as a whole, so the room is read first (<c>GET /rooms/{roomId}</c>) and every setting not given keeps its value.
/// </summary>
internal sealed class UpdateRoomAction(IRoomsApi rooms) : IActionHandler
{
    internal static ParameterDefinition RoomId { get; } = new() { Name = "room_id", Description = "Id of the room to update", Required = true, Format = ParameterFormat.PathSegment, Contains = ["webex room id"] };

    internal static ParameterDefinition Title { get; } = new() { Name = "title", Description = "New name of the room (give the current one to keep it)", Required = true };

    internal static ParameterDefinition IsReadOnly { get; } = new() { Name = "is_read_only", Description = "Make the room read-only or not (only a compliance officer may; Webex refuses anyone else)", Type = ParameterType.Boolean };

    internal static RoomSettingParameters Settings { get; } = new(
        new() { Name = "team_id", Description = "Move a room that belongs to no team into this team (Webex does not move rooms between teams)", Contains = ["webex team id"] },
        new() { Name = "classification_id", Description = "New classification of the room" },
        new() { Name = "is_locked", Description = "Lock (moderate) or unlock the room", Type = ParameterType.Boolean },
        new() { Name = "is_public", Description = "Make the room public or private; public needs a description (only a compliance officer may make a room public)", Type = ParameterType.Boolean },
        new() { Name = "description", Description = "New description of the room; a single space removes it" },
        new() { Name = "is_announcement_only", Description = "Turn announcement mode (only moderators post) on or off; on needs a locked room", Type = ParameterType.Boolean });

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "update_room",
        Name = "update a room",
        FormerNames = ["update room"],
        Description = "Update a Webex room's title and settings; settings not given keep their current value (the room is read first)",
        Type = ActionType.Generic,
        ReadOnly = false,
        WebexCall = "PUT /rooms/{roomId}",
        RequiredScopes = ["spark:rooms_read", "spark:rooms_write"],
        FailureMessagePrefix = "Error updating room",
        UncertainOutcomeNote = "The room may or may not have been updated; get its details before updating it again.",
        Parameters = [RoomId, Title, .. Settings.All, IsReadOnly],
        Output = RoomOutput.DataPaths,
        CreateHandler = services => new UpdateRoomAction(services.GetRequiredService<IRoomsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var roomId = parameters.GetRequiredString(RoomId);
        var given = RoomSettings.FromParameters(parameters, Settings);
        if (given.CheckGivenOnly() is { } contradiction)
        {
            return HandlerResult.Failure(contradiction);
        }

        JsonElement room;
        try
        {
            using var details = await rooms.GetRoomDetailsAsync(roomId, cancellationToken).ConfigureAwait(false);
            room = await WebexResponses.ReadObjectAsync(details, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Nothing was changed yet: the usual message, but not "the room may or may not have been updated".
            return HandlerResult.Failure(WebexFailureMessage.For(Definition.FailureMessagePrefix, e, uncertainOutcomeNote: null, Definition.RequiredScopes));
        }

        var current = RoomSettings.FromRoom(room);
        if (given.CheckUpdateOf(current) is { } broken)
        {
            return HandlerResult.Failure(broken);
        }

        var settings = given.Over(current);
        var request = new UpdateRoomRequest
        {
            Title = parameters.GetRequiredString(Title),
            ClassificationId = settings.ClassificationId,
            TeamId = settings.TeamId,
            IsLocked = settings.IsLocked,
            IsPublic = settings.IsPublic,
            Description = settings.Description,
            IsAnnouncementOnly = settings.IsAnnouncementOnly,
            IsReadOnly = parameters.GetBoolean(IsReadOnly) ?? settings.IsReadOnly,
        };

        using var response = await rooms.UpdateRoomAsync(roomId, request, cancellationToken).ConfigureAwait(false);
        var updated = await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        return HandlerResult.Success("Room updated", [updated]);
    }
}
