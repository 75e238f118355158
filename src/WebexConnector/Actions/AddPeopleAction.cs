using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>add_people_to_room</c> (formerly <c>add_people</c>): adds one person to a room by person id or e-mail address, <c>POST /memberships</c>.</summary>
internal sealed class AddPeopleAction(IMembershipsApi memberships) : IActionHandler
{
    internal static ParameterDefinition RoomId { get; } = new() { Name = "room_id", Description = "Id of the room to add the person to", Required = true, Contains = ["webex room id"] };

    internal static ParameterDefinition PersonId { get; } = new() { Name = "person_id", Description = "Person id of the person to add (or give person_email)", Contains = ["webex person id"] };

    internal static ParameterDefinition PersonEmail { get; } = new() { Name = "person_email", Description = "E-mail address of the person to add (or give person_id)", Format = ParameterFormat.EmailAddress, Contains = ["email"] };

    internal static ParameterDefinition IsModerator { get; } = new() { Name = "is_moderator", Description = "Make the person a moderator of the room", Type = ParameterType.Boolean };

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "add_people_to_room",
        Name = "add people",
        FormerIdentifiers = ["add_people"],
        Description = "Add a person to a Webex room (space) by person id or e-mail address, optionally as a moderator",
        Type = ActionType.Generic,
        ReadOnly = false,
        WebexCall = "POST /memberships",
        RequiredScopes = ["spark:memberships_write"],
        FailureMessagePrefix = "Error adding person to room",
        UncertainOutcomeNote = "The person may or may not have been added; list the memberships before trying again.",
        Parameters = [RoomId, PersonId, PersonEmail, IsModerator],
        Choices = [new(["person_id", "person_email"], Required: true)],
        Output = MembershipOutput.Paths,
        CreateHandler = services => new AddPeopleAction(services.GetRequiredService<IMembershipsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var request = new CreateMembershipRequest
        {
            RoomId = parameters.GetRequiredString(RoomId),
            PersonId = parameters.GetString(PersonId),
            PersonEmail = parameters.GetString(PersonEmail),
            IsModerator = parameters.GetBoolean(IsModerator),
        };

        using var response = await memberships.CreateMembershipAsync(request, cancellationToken).ConfigureAwait(false);
        var membership = await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        return HandlerResult.Success("Person added to the room", [membership]);
    }
}
