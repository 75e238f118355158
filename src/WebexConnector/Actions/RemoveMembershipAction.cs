using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>remove_membership</c>: removes a person from a room, <c>DELETE /memberships/{membershipId}</c> (204, no body).</summary>
internal sealed class RemoveMembershipAction(IMembershipsApi memberships) : IActionHandler
{
    internal static ParameterDefinition MembershipId { get; } = new() { Name = "membership_id", Description = "Id of the membership to remove", Required = true, Format = ParameterFormat.PathSegment, Contains = ["webex membership id"] };

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "remove_membership",
        Name = "remove membership",
        Description = "Remove a person from a Webex room by membership id (list memberships finds it)",
        Type = ActionType.Contain,
        ReadOnly = false,
        WebexCall = "DELETE /memberships/{membershipId}",
        RequiredScopes = ["spark:memberships_write"],
        FailureMessagePrefix = "Error removing membership",
        UncertainOutcomeNote = "The person may or may not have been removed; list the memberships before trying again.",
        Parameters = [MembershipId],
        Output =
        [
            new("action_result.summary.membership_id", "string") { Contains = ["webex membership id"] },
        ],
        CreateHandler = services => new RemoveMembershipAction(services.GetRequiredService<IMembershipsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var membershipId = parameters.GetRequiredString(MembershipId);
        using var response = await memberships.DeleteMembershipAsync(membershipId, cancellationToken).ConfigureAwait(false);
        await WebexResponses.EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return HandlerResult.Success("Membership removed", summary: new JsonObject { ["membership_id"] = membershipId });
    }
}
