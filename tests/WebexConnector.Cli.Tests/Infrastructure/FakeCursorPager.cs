using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>
/// The cursor paging the fake's list endpoints share, as Webex pages: the first request's filters travel, with the
/// offset and page size, in an opaque base64-JSON cursor inside the <c>Link: &lt;{BaseUrl}/{resource}?cursor=…&amp;max=N&gt;;
/// rel="next"</c> URL, so later requests carry only <c>cursor</c> and <c>max</c>. <c>max</c> must be 1–1000 on every
/// request; a cursor that does not decode is answered 400 <c>Invalid cursor.</c>.
/// </summary>
/// <param name="gate">The server's lock, held while the items are looked up and copied.</param>
/// <param name="baseUrl">The server's <see cref="FakeWebexServer.BaseUrl"/> (known only once Kestrel has bound).</param>
/// <param name="error">Builds the server's Webex-style error response.</param>
internal sealed class FakeCursorPager(Lock gate, Func<string> baseUrl, Func<int, string, FakeResponse> error)
{
    /// <summary>The largest <c>max</c> Webex accepts.</summary>
    public const int MaxPageSize = 1000;

    public const string InvalidCursorMessage = "Invalid cursor.";

    public const string InvalidMaxMessage = "max must be an integer between 1 and 1000.";

    /// <summary>
    /// Answers one page of a list request.
    /// </summary>
    /// <param name="request">The request as received.</param>
    /// <param name="resource">The path below <c>BaseUrl</c> the next link points to, e.g. <c>rooms</c>.</param>
    /// <param name="readFilters">Reads (and validates) the filters of a first request, i.e. one without a cursor;
    /// answers either the filters or the error to send.</param>
    /// <param name="matching">Every item matching the filters, in the order listed (called with the gate held).</param>
    /// <param name="defaultMax">The page size when the first request gives no <c>max</c>.</param>
    /// <param name="pageCap">The largest page served for these filters whatever <c>max</c> asked for, or null;
    /// the next link carries the capped <c>max</c>.</param>
    /// <param name="check">Validation run on every request after <c>max</c> (called with the gate held); answers the error
    /// to send, or null.</param>
    /// <param name="linkHeader">Builds the <c>Link</c> value from the next URL (default <c>&lt;URL&gt;; rel="next"</c>).</param>
    /// <param name="completeBody">Adds resource-specific fields to the page body (called with the gate held).</param>
    public FakeResponse Page<TFilters>(
        RecordedRequest request,
        string resource,
        Func<RecordedRequest, (TFilters? Filters, FakeResponse? Rejection)> readFilters,
        Func<TFilters, IEnumerable<JsonObject>> matching,
        int defaultMax = 100,
        Func<TFilters, int?>? pageCap = null,
        Func<TFilters, FakeResponse?>? check = null,
        Func<string, string>? linkHeader = null,
        Action<TFilters, JsonObject>? completeBody = null)
        where TFilters : class
    {
        PageCursor<TFilters> cursor;
        if (request.QueryValue("cursor") is { } cursorText)
        {
            if (Decode<TFilters>(cursorText) is not { } decoded)
            {
                return error(400, InvalidCursorMessage);
            }

            cursor = decoded;
        }
        else
        {
            var (filters, rejection) = readFilters(request);
            if (rejection is not null)
            {
                return rejection;
            }

            cursor = new PageCursor<TFilters>(0, defaultMax, filters ?? throw new InvalidOperationException("readFilters answered neither filters nor an error."));
        }

        if (request.QueryValue("max") is { } maxText)
        {
            if (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < 1 || max > MaxPageSize)
            {
                return error(400, InvalidMaxMessage);
            }

            cursor = cursor with { Max = max };
        }

        if (pageCap?.Invoke(cursor.Filters) is { } cap && cursor.Max > cap)
        {
            cursor = cursor with { Max = cap };
        }

        var body = new JsonObject();
        bool more;
        lock (gate)
        {
            if (check?.Invoke(cursor.Filters) is { } rejected)
            {
                return rejected;
            }

            var all = matching(cursor.Filters).ToList();
            body["items"] = new JsonArray([.. all.Skip(cursor.Offset).Take(cursor.Max).Select(item => (JsonNode)item.DeepClone())]);
            more = cursor.Offset + cursor.Max < all.Count;
            completeBody?.Invoke(cursor.Filters, body);
        }

        Dictionary<string, string>? headers = null;
        if (more)
        {
            var next = cursor with { Offset = cursor.Offset + cursor.Max };
            var token = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(next));
            var url = $"{baseUrl()}/{resource}?cursor={Uri.EscapeDataString(token)}&max={next.Max.ToString(CultureInfo.InvariantCulture)}";
            headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Link"] = linkHeader is { } format ? format(url) : $"<{url}>; rel=\"next\"",
            };
        }

        return new FakeResponse(200, body.ToJsonString(FakeWebexServer.JsonOptions), "application/json;charset=UTF-8", headers);
    }

    // Null for anything the fake did not hand out itself (not base64, not JSON, no filters).
    private static PageCursor<TFilters>? Decode<TFilters>(string text)
        where TFilters : class
    {
        try
        {
            return JsonSerializer.Deserialize<PageCursor<TFilters>>(Convert.FromBase64String(text)) is { Filters: not null } cursor
                ? cursor
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>What a cursor carries: where the next page starts, its size, and the first request's filters.</summary>
    private sealed record PageCursor<TFilters>(int Offset, int Max, TFilters Filters);
}
