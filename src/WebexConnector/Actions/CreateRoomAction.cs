using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>create_room</c>: creates a group room (space) with the user as its first member, <c>POST /rooms</c>.</summary>
internal sealed class CreateRoomAction(IRoomsApi rooms) : IActionHandler
{
    internal static ParameterDefinition Title { get; } = new() { Name = "title", Description = "Name of the room", Required = true };

    internal static RoomSettingParameters Settings { get; } = new(
        new() { Name = "team_id", Description = "Create the room in this team", Contains = ["webex team id"] },
        new() { Name = "classification_id", Description = "Classification of the room (bots cannot classify a room they create)" },
        new() { Name = "is_locked", Description = "Lock (moderate) the room; the creator becomes a moderator", Type = ParameterType.Boolean },
        new() { Name = "is_public", Description = "Make the room public (anyone in the organization can find and join it); needs a description", Type = ParameterType.Boolean },
        new() { Name = "description", Description = "Description of the room" },
        new() { Name = "is_announcement_only", Description = "Put the room into announcement mode (only moderators post); needs is_locked", Type = ParameterType.Boolean });

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "create_room",
        Name = "create a room",
        FormerNames = ["create room"],
        Description = "Create a Webex room (space); the authenticated user becomes its first member",
        Type = ActionType.Generic,
        ReadOnly = false,
        WebexCall = "POST /rooms",
        RequiredScopes = ["spark:rooms_write"],
        FailureMessagePrefix = "Error creating room",
        UncertainOutcomeNote = "The room may or may not have been created; list the rooms before creating it again.",
        Parameters = [Title, .. Settings.All],
        Output = RoomOutput.DataPaths,
        CreateHandler = services => new CreateRoomAction(services.GetRequiredService<IRoomsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var settings = RoomSettings.FromParameters(parameters, Settings);
        if (settings.CheckNewRoom() is { } broken)
        {
            return HandlerResult.Failure(broken);
        }

        var request = new CreateRoomRequest
        {
            Title = parameters.GetRequiredString(Title),
            TeamId = settings.TeamId,
            ClassificationId = settings.ClassificationId,
            IsLocked = settings.IsLocked,
            IsPublic = settings.IsPublic,
            Description = settings.Description,
            IsAnnouncementOnly = settings.IsAnnouncementOnly,
        };

        using var response = await rooms.CreateRoomAsync(request, cancellationToken).ConfigureAwait(false);
        var created = await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        return HandlerResult.Success("Room created", [created]);
    }
}
