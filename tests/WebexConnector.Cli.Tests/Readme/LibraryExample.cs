using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Hosting;
using WebexConnector.Results;
using WebexConnector.Runs;

namespace WebexConnector.Cli.Tests.Readme;

/// <summary>The README's "Use as a library" example, verbatim between the markers: compiled and run by <see cref="LibraryExampleTests"/>.</summary>
internal static class LibraryExample
{
    // <readme>
    public static async Task<ConnectorRunResult> ListRoomsAsync(string personalAccessToken, string baseUrl = "https://webexapis.com/v1")
    {
        var services = new ServiceCollection()
            .AddWebexConnector(new ConnectorRunnerOptions { StatusWriter = Console.Error })
            .BuildServiceProvider();
        var runner = services.GetRequiredService<ConnectorRunner>();

        // The same document SOAR sends: one result per parameter entry.
        var document = $$"""
            {
              "identifier": "list_rooms",
              "asset_id": "webex-prod",
              "config": { "authorization_key": "{{personalAccessToken}}", "base_url": "{{baseUrl}}" },
              "parameters": [ { "type": "group", "limit": 50 } ]
            }
            """;
        var result = await runner.RunDocumentAsync(Encoding.UTF8.GetBytes(document), CancellationToken.None);

        foreach (var actionResult in result.Results)
        {
            Console.WriteLine($"{actionResult.Status}: {actionResult.Message}, {actionResult.Data.Count} rooms");
        }

        return result;
    }

    // </readme>
}
