using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>The fake's <c>/messages</c> routes.</summary>
public sealed partial class FakeWebexServer
{
    private FakeResponse? RouteMessages(RecordedRequest r) => (r.Method, r.Path) switch
    {
        ("POST", "/v1/messages") => PostMessage(r),
        _ => null,
    };

    private FakeResponse PostMessage(RecordedRequest r)
    {
        JsonObject body;
        try
        {
            body = JsonNode.Parse(r.Body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return Error(400, "Unable to parse the request body.");
        }

        string? Str(string name) => body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var roomId = Str("roomId");
        var toPersonId = Str("toPersonId");
        var toPersonEmail = Str("toPersonEmail");
        var text = Str("text");
        var markdown = Str("markdown");
        if (new[] { roomId, toPersonId, toPersonEmail }.Count(x => x is not null) != 1)
        {
            return Error(400, "Exactly one of roomId, toPersonId or toPersonEmail must be specified.");
        }

        if (text is null && markdown is null && body["files"] is null)
        {
            return Error(400, "Message must contain text, markdown or files.");
        }

        if (Encoding.UTF8.GetByteCount(text ?? "") > 7439 || Encoding.UTF8.GetByteCount(markdown ?? "") > 7439)
        {
            return Error(400, "Message text exceeds the maximum length of 7439 bytes.");
        }

        var message = new JsonObject
        {
            ["id"] = WebexId("MESSAGE", Guid.NewGuid()),
            ["roomId"] = roomId ?? WebexId("ROOM", "direct-" + (toPersonId ?? toPersonEmail)),
            ["roomType"] = roomId is null ? "direct" : "group",
        };
        if (toPersonId is not null)
        {
            message["toPersonId"] = toPersonId;
        }

        if (toPersonEmail is not null)
        {
            message["toPersonEmail"] = toPersonEmail;
        }

        message["text"] = text ?? markdown;
        if (markdown is not null)
        {
            message["markdown"] = markdown;
            message["html"] = "<p>" + System.Net.WebUtility.HtmlEncode(markdown) + "</p>";
        }

        message["personId"] = Me["id"]!.GetValue<string>();
        message["personEmail"] = Me["emails"]![0]!.GetValue<string>();
        message["created"] = Timestamp(DateTimeOffset.UtcNow);
        message["isVoiceClip"] = false;

        lock (_gate)
        {
            _messages.Add((JsonObject)message.DeepClone());
        }

        return Json(200, message);
    }
}
