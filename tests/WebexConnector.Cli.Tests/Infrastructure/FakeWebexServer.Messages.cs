using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>
/// The fake's <c>/messages</c> routes: create (with <c>parentId</c>, one file, one adaptive card), list a room's
/// messages newest first with <c>Link</c> paging, get one, delete one.
/// </summary>
public sealed partial class FakeWebexServer
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    private const string MessagesPrefix = "/v1/messages/";

    // Every message Webex holds, oldest first (POSTed or added by a test); deleted ones are removed.
    private readonly List<JsonObject> _messageStore = [];
    private readonly List<JsonObject> _deletedMessages = [];
    private readonly HashSet<string> _messageRooms = new(StringComparer.Ordinal);
    private int _messageCounter;

    /// <summary>
    /// When true the token owner is a compliance officer and may delete anyone's message; otherwise deleting another
    /// person's message is refused with 403, as Webex does.
    /// </summary>
    public bool IsComplianceOfficer { get; set; }

    /// <summary>Every message the fake holds now (not deleted), oldest first.</summary>
    public IReadOnlyList<JsonObject> StoredMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messageStore.Select(m => (JsonObject)m.DeepClone())];
            }
        }
    }

    /// <summary>Messages deleted through <c>DELETE /v1/messages/{id}</c>, in order.</summary>
    public IReadOnlyList<JsonObject> DeletedMessages
    {
        get
        {
            lock (_gate)
            {
                return [.. _deletedMessages.Select(m => (JsonObject)m.DeepClone())];
            }
        }
    }

    /// <summary>
    /// Adds a message to <paramref name="roomId"/>, newer than every message so far, and returns it. By default the
    /// token owner (<see cref="Me"/>) wrote it; <paramref name="personEmail"/> makes someone else the author.
    /// </summary>
    public JsonObject AddMessage(
        string roomId, string text, string? parentId = null, bool mentionsMe = false, string? personEmail = null, string? id = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        lock (_gate)
        {
            var n = ++_messageCounter;
            var message = new JsonObject { ["id"] = id ?? WebexId("MESSAGE", n) };
            if (parentId is not null)
            {
                message["parentId"] = parentId;
            }

            message["roomId"] = roomId;
            message["roomType"] = "group";
            message["text"] = text;
            message["personId"] = personEmail is null ? Me["id"]!.GetValue<string>() : WebexId("PEOPLE", personEmail);
            message["personEmail"] = personEmail ?? Me["emails"]![0]!.GetValue<string>();
            if (mentionsMe)
            {
                message["mentionedPeople"] = new JsonArray(Me["id"]!.GetValue<string>());
            }

            message["created"] = Timestamp(Epoch.AddMinutes(n));
            message["isVoiceClip"] = false;
            StoreMessage(message);
            return (JsonObject)message.DeepClone();
        }
    }

    /// <summary>Adds <paramref name="count"/> messages to <paramref name="roomId"/> and returns them oldest first.</summary>
    public IReadOnlyList<JsonObject> AddMessages(string roomId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 100_000);
        var added = new List<JsonObject>(count);
        for (var i = 0; i < count; i++)
        {
            added.Add(AddMessage(roomId, $"Alert {(i + 1).ToString("D5", CultureInfo.InvariantCulture)}: suspicious login"));
        }

        return added;
    }

    /// <summary>Registers a room that has no messages yet, so that listing it answers an empty list instead of 404.</summary>
    public void AddMessageRoom(string roomId)
    {
        lock (_gate)
        {
            _messageRooms.Add(roomId);
        }
    }

    private void StoreMessage(JsonObject message)
    {
        _messageStore.Add((JsonObject)message.DeepClone());
        _messageRooms.Add(message["roomId"]!.GetValue<string>());
    }

    private FakeResponse? RouteMessages(RecordedRequest r)
    {
        if (r.Path == "/v1/messages")
        {
            return r.Method switch
            {
                "POST" => PostMessage(r),
                "GET" => ListMessages(r),
                _ => null,
            };
        }

        if (!r.Path.StartsWith(MessagesPrefix, StringComparison.Ordinal) || r.Path.Length == MessagesPrefix.Length
            || r.Path.IndexOf('/', MessagesPrefix.Length) >= 0)
        {
            return null;
        }

        // Kestrel leaves %2F escaped in the path; the id is one segment.
        var id = Uri.UnescapeDataString(r.Path[MessagesPrefix.Length..]);
        return r.Method switch
        {
            "GET" => GetMessage(id),
            "DELETE" => DeleteMessage(id),
            _ => null,
        };
    }

    private FakeResponse GetMessage(string id)
    {
        lock (_gate)
        {
            var message = _messageStore.Find(m => (string?)m["id"] == id);
            return message is null ? Error(404, "The requested resource could not be found.") : Json(200, message.DeepClone());
        }
    }

    private FakeResponse DeleteMessage(string id)
    {
        lock (_gate)
        {
            var message = _messageStore.Find(m => (string?)m["id"] == id);
            if (message is null)
            {
                return Error(404, "The requested resource could not be found.");
            }

            if ((string?)message["personId"] != Me["id"]!.GetValue<string>() && !IsComplianceOfficer)
            {
                return Error(403, "Insufficient privileges to delete another person's message.");
            }

            _messageStore.Remove(message);
            _deletedMessages.Add(message);
            return new FakeResponse(204, Body: null, ContentType: null);
        }
    }

    private sealed record MessageQuery(string RoomId, string? ParentId, string? MentionedPeople, DateTimeOffset? Before, string? BeforeMessage, int Max);

    private FakeResponse ListMessages(RecordedRequest r)
    {
        var roomId = r.QueryValue("roomId");
        if (string.IsNullOrEmpty(roomId))
        {
            return Error(400, "Missing required query parameter roomId.");
        }

        var max = 50; // Webex's default for messages
        var maxText = r.QueryValue("max");
        if (maxText is not null && (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max < 1 || max > FakeCursorPager.MaxPageSize))
        {
            return Error(400, FakeCursorPager.InvalidMaxMessage);
        }

        var mentioned = r.QueryValue("mentionedPeople");
        if (mentioned is not null)
        {
            var myId = Me["id"]!.GetValue<string>();
            if (mentioned.Split(',').Any(p => p != "me" && p != myId))
            {
                return Error(400, "Only 'me' or the person ID of the current user may be specified in mentionedPeople.");
            }

            if (max > 100)
            {
                return Error(400, "max cannot exceed 100 when mentionedPeople is specified.");
            }
        }

        DateTimeOffset? before = null;
        if (r.QueryValue("before") is { } beforeText)
        {
            if (!DateTimeOffset.TryParse(beforeText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Error(400, "Invalid before date.");
            }

            before = parsed;
        }

        var query = new MessageQuery(roomId, r.QueryValue("parentId"), mentioned, before, r.QueryValue("beforeMessage"), max);
        JsonArray items = [];
        string? lastId;
        bool more;
        lock (_gate)
        {
            if (!_messageRooms.Contains(roomId) && !_rooms.Exists(room => (string?)room["id"] == roomId))
            {
                return Error(404, "Could not find a room with provided ID.");
            }

            // Newest first, as Webex lists them.
            var matching = Enumerable.Reverse(_messageStore).Where(m => Matches(m, query)).ToList();
            if (query.BeforeMessage is { } beforeMessage)
            {
                var index = Enumerable.Reverse(_messageStore).ToList().FindIndex(m => (string?)m["id"] == beforeMessage);
                if (index < 0)
                {
                    return Error(404, "Could not find the message given as beforeMessage.");
                }

                var older = Enumerable.Reverse(_messageStore).Skip(index + 1).ToHashSet();
                matching = [.. matching.Where(older.Contains)];
            }

            foreach (var message in matching.Take(query.Max))
            {
                items.Add(message.DeepClone());
            }

            more = matching.Count > query.Max;
            lastId = items.Count > 0 ? (string?)items[^1]!["id"] : null;
        }

        Dictionary<string, string>? headers = null;
        if (more && lastId is not null)
        {
            headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Link"] = $"<{NextMessagesUrl(r, lastId, query.Max)}>; rel=\"next\"" };
        }

        return new FakeResponse(200, new JsonObject { ["items"] = items }.ToJsonString(JsonOptions), "application/json;charset=UTF-8", headers);
    }

    private bool Matches(JsonObject message, MessageQuery query)
    {
        if ((string?)message["roomId"] != query.RoomId || (query.ParentId is not null && (string?)message["parentId"] != query.ParentId))
        {
            return false;
        }

        if (query.MentionedPeople is not null
            && !(message["mentionedPeople"]?.AsArray() ?? []).Any(p => (string?)p == Me["id"]!.GetValue<string>()))
        {
            return false;
        }

        return query.Before is not { } before
            || DateTimeOffset.Parse((string)message["created"]!, CultureInfo.InvariantCulture, DateTimeStyles.None) < before;
    }

    // Webex's own next link for messages: the same filters, and beforeMessage set to the last message of the page.
    private string NextMessagesUrl(RecordedRequest r, string lastId, int max)
    {
        var url = new StringBuilder($"{BaseUrl}/messages?roomId={Uri.EscapeDataString(r.QueryValue("roomId")!)}");
        foreach (var name in new[] { "parentId", "mentionedPeople", "before" })
        {
            if (r.QueryValue(name) is { } value)
            {
                url.Append(CultureInfo.InvariantCulture, $"&{name}={Uri.EscapeDataString(value)}");
            }
        }

        return url.Append(CultureInfo.InvariantCulture, $"&max={max}&beforeMessage={Uri.EscapeDataString(lastId)}").ToString();
    }

    /// <summary>Files received as <c>multipart/form-data</c> (name, content as text), in order.</summary>
    public IReadOnlyList<(string FileName, string Content)> UploadedFiles
    {
        get
        {
            lock (_gate)
            {
                return [.. _uploads];
            }
        }
    }

    private readonly List<(string FileName, string Content)> _uploads = [];

    private FakeResponse PostMessage(RecordedRequest r)
    {
        JsonObject body;
        try
        {
            body = r.Header("Content-Type") is { } type && type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? ReadForm(r.Body, type)
                : JsonNode.Parse(r.Body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException)
        {
            return Error(400, "Unable to parse the request body.");
        }

        string? Str(string name) => body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var roomId = Str("roomId");
        var toPersonId = Str("toPersonId");
        var toPersonEmail = Str("toPersonEmail");
        var parentId = Str("parentId");
        var text = Str("text");
        var markdown = Str("markdown");
        if (new[] { roomId, toPersonId, toPersonEmail }.Count(x => x is not null) != 1)
        {
            return Error(400, "Exactly one of roomId, toPersonId or toPersonEmail must be specified.");
        }

        if (text is null && markdown is null && body["files"] is null && body["attachments"] is null)
        {
            return Error(400, "Message must contain text, markdown, files or attachments.");
        }

        if (Encoding.UTF8.GetByteCount(text ?? "") > 7439 || Encoding.UTF8.GetByteCount(markdown ?? "") > 7439)
        {
            return Error(400, "Message text exceeds the maximum length of 7439 bytes.");
        }

        if ((FilesError(body["files"]) ?? AttachmentsError(body["attachments"])) is { } invalid)
        {
            return Error(400, invalid);
        }

        var targetRoom = roomId ?? WebexId("ROOM", "direct-" + (toPersonId ?? toPersonEmail));
        if (parentId is not null)
        {
            JsonObject? parent;
            lock (_gate)
            {
                parent = _messageStore.Find(m => (string?)m["id"] == parentId);
            }

            if (parent is null)
            {
                return Error(404, "Could not find the parent message.");
            }

            if ((string?)parent["roomId"] != targetRoom)
            {
                return Error(400, "The parent message is in another room.");
            }

            if (parent["parentId"] is not null)
            {
                return Error(400, "Cannot reply to a reply; reply to the thread's first message.");
            }
        }

        // Field order as in Webex's answers (OpenAPI example).
        var message = new JsonObject { ["id"] = WebexId("MESSAGE", Guid.NewGuid()) };
        if (parentId is not null)
        {
            message["parentId"] = parentId;
        }

        message["roomId"] = targetRoom;
        message["roomType"] = roomId is null ? "direct" : "group";
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

        if (body["files"] is { } files)
        {
            message["files"] = files.DeepClone();
        }

        message["personId"] = Me["id"]!.GetValue<string>();
        message["personEmail"] = Me["emails"]![0]!.GetValue<string>();
        if (body["attachments"] is { } attachments)
        {
            message["attachments"] = attachments.DeepClone();
        }

        message["created"] = Timestamp(DateTimeOffset.UtcNow);
        message["isVoiceClip"] = false;

        lock (_gate)
        {
            _messages.Add((JsonObject)message.DeepClone());
            StoreMessage(message);
        }

        return Json(200, message);
    }

    // Webex: an array of public URLs, and currently only one file per message.
    private static string? FilesError(JsonNode? files)
    {
        if (files is null)
        {
            return null;
        }

        if (files is not JsonArray list || list.Count == 0)
        {
            return "files must be a list with one URL.";
        }

        if (list.Count > 1)
        {
            return "Only one file may be attached per message.";
        }

        return list[0] is JsonValue v && v.TryGetValue<string>(out var url)
            && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : "files must hold a public http or https URL.";
    }

    // Webex: one adaptive card per message, its content a JSON object.
    private static string? AttachmentsError(JsonNode? attachments)
    {
        if (attachments is null)
        {
            return null;
        }

        if (attachments is not JsonArray list || list.Count == 0)
        {
            return "attachments must be a list with one card.";
        }

        if (list.Count > 1)
        {
            return "Only one card may be attached per message.";
        }

        if (list[0] is not JsonObject attachment || AsText(attachment["contentType"]) != AdaptiveCardContentType)
        {
            return $"Attachment contentType must be {AdaptiveCardContentType}.";
        }

        return attachment["content"] is JsonObject ? null : "Attachment content must be a JSON object (an adaptive card).";
    }

    private static string? AsText(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    // Webex's form for an uploaded file: the fields as strings, the file under "files" (one per message), which
    // Webex answers with a content URL.
    private JsonObject ReadForm(string text, string contentType)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value
            ?? throw new InvalidDataException("no boundary");
        var reader = new MultipartReader(boundary, new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var body = new JsonObject();
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            using var content = new StreamReader(section.Body, Encoding.UTF8);
            var value = content.ReadToEnd();
            if (disposition.FileName.HasValue || disposition.FileNameStar.HasValue)
            {
                if (body["files"] is not null)
                {
                    throw new InvalidDataException("more than one file");
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                lock (_gate)
                {
                    _uploads.Add((fileName, value));
                }

                body["files"] = new JsonArray($"{BaseUrl}/contents/{Uri.EscapeDataString(fileName)}");
            }
            else
            {
                body[name] = value;
            }
        }

        return body;
    }
}
