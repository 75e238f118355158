using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>get_user</c>: finds a person by e-mail, <c>GET /people?email=</c>. Not found is a success.</summary>
internal sealed class GetUserAction(IPeopleApi people) : IActionHandler
{
    internal static ParameterDefinition EmailAddress { get; } = new() { Name = "email_address", Description = "E-mail address of the user", Required = true, Format = ParameterFormat.EmailAddress, Contains = ["email"] };

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "get_user",
        Name = "get user",
        Description = "Get information about a Webex user by e-mail address",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /people",
        RequiredScopes = ["spark:people_read"],
        FailureMessagePrefix = "Error getting user",
        Parameters = [EmailAddress],
        Output =
        [
            new("action_result.data.*.id", "string") { Contains = ["webex person id"], IsTextColumn = true },
            new("action_result.data.*.displayName", "string") { IsTextColumn = true },
            new("action_result.data.*.emails", "string") { Contains = ["email"], IsTextColumn = true },
            new("action_result.data.*.firstName", "string"),
            new("action_result.data.*.lastName", "string"),
            new("action_result.data.*.orgId", "string"),
            new("action_result.data.*.status", "string") { IsTextColumn = true },
            new("action_result.data.*.type", "string"),
            new("action_result.summary.found_user", "boolean"),
        ],
        CreateHandler = services => new GetUserAction(services.GetRequiredService<IPeopleApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var email = parameters.GetRequiredString(EmailAddress);
        using var response = await people.ListPeopleAsync(
            email, displayName: null, id: null, orgId: null, roles: null, callingData: null, locationId: null, max: null, cancellationToken).ConfigureAwait(false);
        var found = await WebexResponses.ReadItemsAsync(response, cancellationToken).ConfigureAwait(false);
        var summary = new JsonObject { ["found_user"] = found.Count > 0 };
        return HandlerResult.Success(found.Count > 0 ? "User found" : "User not found", found, summary);
    }
}
