using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>The fake's <c>/rooms</c> routes (create, get and update one room; the listing is in the main file).</summary>
public sealed partial class FakeWebexServer
{
    private static FakeResponse? RouteRooms(RecordedRequest r) => r.Method switch
    {
        _ => null,
    };
}
