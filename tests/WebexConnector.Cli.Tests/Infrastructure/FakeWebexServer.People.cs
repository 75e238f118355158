using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>The fake's <c>/people</c> routes (<c>/people/me</c> is in the main file).</summary>
public sealed partial class FakeWebexServer
{
    private FakeResponse? RoutePeople(RecordedRequest r) => (r.Method, r.Path) switch
    {
        ("GET", "/v1/people") => GetPeople(r),
        _ => null,
    };

    private FakeResponse GetPeople(RecordedRequest r)
    {
        var email = r.QueryValue("email");
        if (string.IsNullOrEmpty(email))
        {
            return Error(400, "Email, displayName, or id list should be specified.");
        }

        JsonObject? person;
        lock (_gate)
        {
            _people.TryGetValue(email, out person);
        }

        return person is null
            ? Json(200, new JsonObject { ["items"] = new JsonArray() })
            : Json(200, new JsonObject { ["items"] = new JsonArray(person.DeepClone()), ["notFoundIds"] = null });
    }
}
