using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>test_connectivity</c>: checks the asset's credentials with the cheapest call, <c>GET /people/me</c>.</summary>
public sealed class TestConnectivityAction(IPeopleApi people) : IConnectorAction
{
    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "test_connectivity",
        Name = "test connectivity",
        Description = "Validate the asset configuration for connectivity using supplied configuration",
        Type = ActionType.Test,
        ReadOnly = true,
        FailureActivity = "Test Connectivity Failed",
        CreateHandler = services => new TestConnectivityAction(services.GetRequiredService<IPeopleApi>()),
    };

    public async Task<ActionOutcome> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        using var response = await people.GetMyOwnDetailsAsync(cancellationToken).ConfigureAwait(false);
        await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        return ActionOutcome.Success("Test Connectivity Passed");
    }
}
