using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>The fake's <c>/events</c> routes.</summary>
public sealed partial class FakeWebexServer
{
    private static FakeResponse? RouteEvents(RecordedRequest r) => r.Method switch
    {
        _ => null,
    };
}
