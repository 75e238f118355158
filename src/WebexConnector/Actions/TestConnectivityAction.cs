using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Auth;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary>
/// <c>test_connectivity</c>: checks the asset's credentials with the cheapest call, <c>GET /people/me</c>. With
/// OAuth and no usable token pair it first runs the authorization flow (browser or device); it is the only action that may.
/// </summary>
internal sealed class TestConnectivityAction(IPeopleApi people, IConnectivityAuthorizer authorizer) : IActionHandler
{
    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "test_connectivity",
        Name = "test connectivity",
        Description = "Validate the asset configuration for connectivity using supplied configuration",
        Type = ActionType.Test,
        ReadOnly = true,
        WebexCall = "GET /people/me",
        RequiredScopes = ["spark:people_read"],
        FailureMessagePrefix = "Test Connectivity Failed",
        Output =
        [
            new("action_result.summary.display_name", "string"),
            new("action_result.summary.email", "string") { Contains = ["email"] },
        ],
        CreateHandler = services => new TestConnectivityAction(
            services.GetRequiredService<IPeopleApi>(), services.GetRequiredService<IConnectivityAuthorizer>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        await authorizer.EnsureAuthorizedAsync(cancellationToken).ConfigureAwait(false);
        JsonElement me;
        try
        {
            me = await GetMyOwnDetailsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (authorizer.CanAuthorize && ExceptionCauses.Find<AuthorizationRequiredException>(e) is not null)
        {
            // The stored pair looked usable but Webex refused it and it could not be refreshed: authorize anew.
            await authorizer.AuthorizeAsync(cancellationToken).ConfigureAwait(false);
            me = await GetMyOwnDetailsAsync(cancellationToken).ConfigureAwait(false);
        }

        // The message stays exactly what SOAR playbooks expect; the summary says as whom the asset acts.
        return HandlerResult.Success("Test Connectivity Passed", summary: AsWhom(me));
    }

    private async Task<JsonElement> GetMyOwnDetailsAsync(CancellationToken cancellationToken)
    {
        using var response = await people.GetMyOwnDetailsAsync(cancellationToken).ConfigureAwait(false);
        return await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject AsWhom(JsonElement me)
    {
        var summary = new JsonObject();
        if (me.ValueKind == JsonValueKind.Object)
        {
            if (me.TryGetProperty("displayName", out var name) && name.ValueKind == JsonValueKind.String)
            {
                summary["display_name"] = name.GetString();
            }

            if (me.TryGetProperty("emails", out var emails) && emails.ValueKind == JsonValueKind.Array
                && emails.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.String } email)
            {
                summary["email"] = email.GetString();
            }
        }

        return summary;
    }
}
