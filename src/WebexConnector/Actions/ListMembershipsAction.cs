using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>list_memberships</c>: room memberships, <c>GET /memberships</c> page by page via <c>Link</c>.</summary>
/// <remarks>
/// Webex wants <c>roomId</c> with <c>personId</c>/<c>personEmail</c>, except for a compliance officer, who may list
/// every membership of a person. The connector cannot tell the two apart, so it leaves that rule to Webex (a 400).
/// </remarks>
internal sealed class ListMembershipsAction(IMembershipsApi memberships) : IActionHandler
{
    internal static ParameterDefinition RoomId { get; } = new() { Name = "room_id", Description = "Only memberships of this room", Contains = ["webex room id"] };

    internal static ParameterDefinition PersonId { get; } = new() { Name = "person_id", Description = "Only memberships of this person (with room_id, unless a compliance officer)", Contains = ["webex person id"] };

    internal static ParameterDefinition PersonEmail { get; } = new() { Name = "person_email", Description = "Only memberships of the person with this e-mail address (with room_id, unless a compliance officer)", Format = ParameterFormat.EmailAddress, Contains = ["email"] };

    internal static ParameterDefinition Limit { get; } = ParameterDefinition.ListingLimit("At most this many memberships (default: every membership)");

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "list_memberships",
        Name = "list memberships",
        Description = "List room memberships: of a room (room_id, optionally one person in it) or, without room_id, the "
            + "authenticated user's own; a compliance officer may filter by person without room_id",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /memberships",
        RequiredScopes = ["spark:memberships_read"],
        FailureMessagePrefix = "Error listing memberships",
        Parameters = [RoomId, PersonId, PersonEmail, Limit],
        Choices = [new(["person_id", "person_email"], Required: false)],
        Output = [.. MembershipOutput.Paths, OutputDataPath.ListingTotal("memberships"), OutputDataPath.SummaryMessage],
        CreateHandler = services => new ListMembershipsAction(services.GetRequiredService<IMembershipsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var roomId = parameters.GetString(RoomId);
        var personId = parameters.GetString(PersonId);
        var personEmail = parameters.GetString(PersonEmail);
        var found = await WebexPager.CollectAsync(
            memberships.Client,
            (max, ct) => memberships.ListMembershipsAsync(roomId, personId, personEmail, max, ct),
            parameters.GetInteger(Limit),
            cancellationToken).ConfigureAwait(false);

        return HandlerResult.Listing("memberships", found);
    }
}
