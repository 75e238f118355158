using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>The fake's <c>/memberships</c> routes.</summary>
public sealed partial class FakeWebexServer
{
    private static FakeResponse? RouteMemberships(RecordedRequest r) => r.Method switch
    {
        _ => null,
    };
}
