using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>add_people</c>: adds one person to a room by person id or e-mail address, <c>POST /memberships</c>.</summary>
public sealed class AddPeopleAction(IMembershipsApi memberships) : IConnectorAction
{
    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "add_people",
        Name = "add people",
        Description = "Add a person to a Webex room (space) by person id or e-mail address, optionally as a moderator",
        Type = ActionType.Generic,
        ReadOnly = false,
        WebexCall = "POST /memberships",
        RequiredScopes = ["spark:memberships_write"],
        FailureActivity = "Error adding person to room",
        UncertainOutcomeNote = "The person may or may not have been added; list the memberships before trying again.",
        Parameters =
        [
            new() { Name = "room_id", Description = "Id of the room to add the person to", Required = true, Contains = ["webex room id"] },
            new() { Name = "person_id", Description = "Person id of the person to add (or give person_email)", Contains = ["webex person id"] },
            new() { Name = "person_email", Description = "E-mail address of the person to add (or give person_id)", Format = ParameterFormat.EmailAddress, Contains = ["email"] },
            new() { Name = "is_moderator", Description = "Make the person a moderator of the room", Type = ParameterType.Boolean },
        ],
        Choices = [new(["person_id", "person_email"], Required: true)],
        Output = MembershipOutput.Paths,
        CreateHandler = services => new AddPeopleAction(services.GetRequiredService<IMembershipsApi>()),
    };

    public async Task<ActionOutcome> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var request = new CreateMembershipRequest
        {
            RoomId = parameters.GetRequiredString("room_id"),
            PersonId = parameters.GetString("person_id"),
            PersonEmail = parameters.GetString("person_email"),
            IsModerator = parameters.GetBoolean("is_moderator"),
        };

        using var response = await memberships.CreateMembershipAsync(request, cancellationToken).ConfigureAwait(false);
        var membership = await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        return ActionOutcome.Success("Person added to the room", [membership]);
    }
}
