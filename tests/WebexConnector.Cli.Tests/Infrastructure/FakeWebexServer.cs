using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>One request the fake server received, as it arrived.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Path plus query string, e.g. <c>/v1/rooms?max=1000</c>.</summary>
    public string PathAndQuery => Path + QueryString;

    /// <summary>The query string parsed (values URL-decoded).</summary>
    public IReadOnlyDictionary<string, StringValues> Query => QueryHelpers.ParseQuery(QueryString);

    /// <summary>The single value of a query parameter, or null when absent.</summary>
    public string? QueryValue(string name) =>
        Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>A request header, or null when absent (names are case-insensitive).</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body parsed as JSON (fails the test when it is not JSON).</summary>
    public JsonNode? BodyJson()
    {
        try
        {
            return JsonNode.Parse(Body);
        }
        catch (JsonException ex)
        {
            Assert.Fail($"Request body of {Method} {PathAndQuery} is not JSON ({ex.Message}): {Body}");
            throw;
        }
    }

    public override string ToString() => $"{Method} {PathAndQuery}";
}

/// <summary>A canned response served by the fake server (see <see cref="FakeWebexServer.Enqueue"/>).</summary>
public sealed record FakeResponse(
    int Status,
    string? Body = null,
    string? ContentType = "application/json",
    IReadOnlyDictionary<string, string>? Headers = null,
    TimeSpan? Delay = null,
    bool DropConnection = false)
{
    /// <summary>The request is read, then the connection is cut without an answer (after <see cref="Delay"/>).</summary>
    public static FakeResponse Dropped { get; } = new(0, Body: null, ContentType: null, DropConnection: true);
}

/// <summary>
/// A fake Webex REST API on a real Kestrel server bound to 127.0.0.1 on a free port.
/// <para>
/// Serves <c>GET /v1/people/me</c>, <c>GET /v1/people?email=</c>, <c>GET /v1/rooms</c> (Link-header
/// pagination) and <c>POST /v1/messages</c> with JSON shaped like the official Webex API, checks
/// <c>Authorization: Bearer &lt;token&gt;</c> on every request, records every request, and serves
/// queued canned responses (<see cref="Enqueue"/>) or custom handlers (<see cref="Handle"/>) before
/// its normal handling.
/// </para>
/// </summary>
public sealed partial class FakeWebexServer : IAsyncDisposable
{
    /// <summary>At most this many canned responses may be waiting at once.</summary>
    public const int MaxQueuedResponses = 1000;

    /// <summary>Longest delay a canned response may ask for.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(120);

    /// <summary>At most this many requests are kept in the log (older ones are dropped).</summary>
    public const int MaxLoggedRequests = 10_000;

    public const string UnauthorizedMessage =
        "The request requires a valid access token set in the Authorization request header.";

    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly DateTimeOffset Epoch = new(2024, 1, 15, 9, 30, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(string? Method, string Path, FakeResponse Response)> _queue = [];
    private readonly Dictionary<(string Method, string Path), Func<RecordedRequest, FakeResponse>> _handlers = [];
    private readonly HashSet<string> _acceptedTokens = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _rooms = [];
    private readonly Dictionary<string, JsonObject> _people = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<JsonObject> _messages = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly WebApplication _app;
    private readonly FakeCursorPager _pager;
    private int _trackingCounter;
    private int _busy;
    private (Func<RecordedRequest, bool> Applies, int Status, string Message, string TrackingId)? _refusal;
    private int _inDelay;
    private long _lastActivity = Stopwatch.GetTimestamp();
    private int _roomCounter;
    private bool _disposed;

    private FakeWebexServer(WebApplication app, string token)
    {
        _app = app;
        _pager = new FakeCursorPager(_gate, () => BaseUrl, Error);
        _acceptedTokens.Add(token);
        Me = MakePerson("me", "Erin Operator", "erin.operator@example.com");
        AddPerson(Me);
    }

    /// <summary>Root of the fake API, e.g. <c>http://127.0.0.1:40123/v1</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The port Kestrel bound.</summary>
    public int Port { get; private set; }

    /// <summary>The token owner's Person, served by <c>GET /v1/people/me</c>.</summary>
    public JsonObject Me { get; }

    /// <summary>
    /// The clock that stamps <see cref="RecordedRequest.ReceivedAt"/> and runs canned delays: the CLI's own virtual
    /// clock in tests that wait, so delays and gaps are measured in the time the CLI sees.
    /// </summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    /// <summary>
    /// No request is being handled (one waiting out a canned delay does not count) and none was for
    /// <paramref name="quietFor"/> of real time: the client is not in the middle of an exchange.
    /// </summary>
    public bool IsQuiet(TimeSpan quietFor) =>
        Volatile.Read(ref _busy) == 0 && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity)) >= quietFor;

    /// <summary>Requests waiting out a canned delay right now.</summary>
    public int RequestsInDelay => Volatile.Read(ref _inDelay);

    private void Busy(int change)
    {
        Interlocked.Add(ref _busy, change);
        Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
    }

    /// <summary>Tracking id of the most recent error response the server generated itself.</summary>
    public string? LastTrackingId { get; private set; }

    /// <summary>Starts a server that accepts <paramref name="token"/> as bearer token.</summary>
    public static async Task<FakeWebexServer> StartAsync(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeWebexServer(app, token);
        app.Run(server.HandleAsync);

        using var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(startTimeout.Token);
        var address = app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()?.Addresses.Single()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        server.Port = new Uri(address).Port;
        server.BaseUrl = $"http://127.0.0.1:{server.Port.ToString(CultureInfo.InvariantCulture)}/v1";
        return server;
    }

    // ------------------------------------------------------------------ configuration

    /// <summary>Also accept this bearer token (e.g. an OAuth access token handed out by a custom handler).</summary>
    public void AcceptToken(string token)
    {
        lock (_gate)
        {
            _acceptedTokens.Add(token);
        }
    }

    /// <summary>Stop accepting this bearer token (requests with it get 401).</summary>
    public void RevokeToken(string token)
    {
        lock (_gate)
        {
            _acceptedTokens.Remove(token);
        }
    }

    /// <summary>The rooms served by <c>GET /v1/rooms</c>, in order.</summary>
    public IReadOnlyList<JsonObject> Rooms
    {
        get
        {
            lock (_gate)
            {
                return [.. _rooms];
            }
        }
    }

    /// <summary>Adds <paramref name="count"/> generated rooms (all <c>group</c>, each with an unknown
    /// <c>futureField</c>) and returns them.</summary>
    public IReadOnlyList<JsonObject> AddRooms(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 100_000);
        var added = new List<JsonObject>(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                var n = ++_roomCounter;
                var room = new JsonObject
                {
                    ["id"] = WebexId("ROOM", $"{n:x8}-43f1-3b58-9147-f14bb0c4d154"), // as long as a real room id (76 characters)
                    ["title"] = $"Incident Room {n.ToString("D5", CultureInfo.InvariantCulture)}",
                    ["type"] = "group",
                    ["isLocked"] = n % 7 == 0,
                    ["lastActivity"] = Timestamp(Epoch.AddMinutes(n * 3)),
                    ["creatorId"] = Me["id"]!.GetValue<string>(),
                    ["created"] = Timestamp(Epoch.AddMinutes(n)),
                    ["ownerId"] = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9lMmUtb3Jn",
                    ["isPublic"] = false,
                    ["isReadOnly"] = false,
                    ["isAnnouncementOnly"] = false,
                    ["futureField"] = new JsonObject
                    {
                        ["nested"] = new JsonArray(1, 2),
                        ["flag"] = true,
                        ["note"] = null,
                        ["label"] = "ünïcødé ✓",
                    },
                };
                _rooms.Add(room);
                added.Add(room);
            }
        }

        return added;
    }

    /// <summary>When set, <c>GET /v1/rooms</c> serves at most this many rooms per page whatever
    /// <c>max</c> asked for, and its next link carries this <c>max</c> (Webex may choose its own page size).</summary>
    public int? RoomsPageSizeCap { get; set; }

    /// <summary>When set, builds the <c>Link</c> header value from the next page's absolute URL
    /// (default <c>&lt;URL&gt;; rel="next"</c>); lets tests send several links or odd spacing.</summary>
    public Func<string, string>? RoomsLinkHeader { get; set; }

    /// <summary>Adds one room exactly as given (its JSON is served unchanged).</summary>
    public void AddRoom(JsonObject room)
    {
        lock (_gate)
        {
            _rooms.Add(room);
        }
    }

    /// <summary>Adds a person findable by <c>GET /v1/people?email=</c> (any of its e-mails) and returns it.</summary>
    public JsonObject AddPerson(string displayName, string email) => AddPerson(MakePerson(email, displayName, email));

    /// <summary>Adds a person (a Webex Person JSON object with <c>emails</c>) and returns it.</summary>
    public JsonObject AddPerson(JsonObject person)
    {
        lock (_gate)
        {
            foreach (var email in person["emails"]?.AsArray() ?? [])
            {
                _people[email!.GetValue<string>()] = person;
            }
        }

        return person;
    }

    /// <summary>Messages created by <c>POST /v1/messages</c> (the response bodies), in order.</summary>
    public IReadOnlyList<JsonObject> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    // ------------------------------------------------------------------ fault injection

    /// <summary>
    /// Queues a canned response for the next request to <paramref name="path"/> (exact path without
    /// query, e.g. <c>/v1/messages</c>), optionally only for one HTTP <paramref name="method"/>.
    /// Queued responses are served first-in first-out, each once, before authentication and normal
    /// handling. <paramref name="headers"/> may carry e.g. <c>Retry-After</c> or <c>Trackingid</c>;
    /// <paramref name="delay"/> (at most <see cref="MaxDelay"/>) is waited before answering.
    /// </summary>
    public void Enqueue(
        string path,
        int status,
        string? body = null,
        string? contentType = "application/json",
        IReadOnlyDictionary<string, string>? headers = null,
        TimeSpan? delay = null,
        string? method = null) =>
        Enqueue(path, new FakeResponse(status, body, contentType, headers, delay), method);

    /// <inheritdoc cref="Enqueue(string,int,string,string,IReadOnlyDictionary{string,string},TimeSpan?,string)"/>
    public void Enqueue(string path, FakeResponse response, string? method = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(response);
        if (!response.DropConnection)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(response.Status, 100);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(response.Status, 599);
        }

        if (response.Delay is { } d && (d < TimeSpan.Zero || d > MaxDelay))
        {
            throw new ArgumentOutOfRangeException(nameof(response), $"Delay must be between 0 and {MaxDelay}.");
        }

        lock (_gate)
        {
            if (_queue.Count >= MaxQueuedResponses)
            {
                throw new InvalidOperationException($"At most {MaxQueuedResponses} responses may be queued.");
            }

            _queue.Add((method, path, response));
        }
    }

    /// <summary>Queues a Webex-style JSON error (<c>message</c>, <c>errors</c>, <c>trackingId</c>, header
    /// <c>Trackingid</c>) for the next request to <paramref name="path"/>.</summary>
    /// <summary>
    /// Answers every request that <paramref name="applies"/> to (default: all) with this Webex error, whatever its path:
    /// the catalogue-driven contract tests run every action against one refusal.
    /// </summary>
    public void RefuseEveryRequest(int status, string message, string trackingId, Func<RecordedRequest, bool>? applies = null)
    {
        lock (_gate)
        {
            _refusal = (applies ?? (_ => true), status, message, trackingId);
        }
    }

    public void EnqueueWebexError(
        string path,
        int status,
        string message,
        string trackingId,
        IReadOnlyDictionary<string, string>? extraHeaders = null,
        string? method = null)
    {
        var headers = new Dictionary<string, string>(extraHeaders ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
        {
            ["Trackingid"] = trackingId,
        };
        Enqueue(path, status, WebexErrorBody(message, trackingId), "application/json", headers, null, method);
    }

    /// <summary>Number of canned responses not yet served.</summary>
    public int PendingResponses
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// Serves every request for <paramref name="method"/> <paramref name="path"/> with a custom handler
    /// (after queued responses, before authentication). Meant for endpoints such as <c>/v1/access_token</c>.
    /// </summary>
    public void Handle(string method, string path, Func<RecordedRequest, FakeResponse> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers[(method.ToUpperInvariant(), path)] = handler;
        }
    }

    // ------------------------------------------------------------------ request log

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Requests to exactly this path (without query), any method.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string path) =>
        [.. Requests.Where(r => string.Equals(r.Path, path, StringComparison.Ordinal))];

    /// <summary>Requests with this method to exactly this path (without query).</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        [.. RequestsTo(path).Where(r => string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase))];

    /// <summary>One line per request, for failure messages.</summary>
    public string DescribeRequests()
    {
        var all = Requests;
        return all.Count == 0 ? "(no requests)" : string.Join(Environment.NewLine, all.Select(r => r.ToString()));
    }

    // ------------------------------------------------------------------ JSON builders

    public static string WebexErrorBody(string message, string trackingId) =>
        new JsonObject
        {
            ["message"] = message,
            ["errors"] = new JsonArray(new JsonObject { ["description"] = message }),
            ["trackingId"] = trackingId,
        }.ToJsonString(JsonOptions);

    private static JsonObject MakePerson(string seed, string displayName, string email)
    {
        var parts = displayName.Split(' ', 2);
        return new JsonObject
        {
            ["id"] = WebexId("PEOPLE", seed),
            ["emails"] = new JsonArray(email),
            ["phoneNumbers"] = new JsonArray(),
            ["displayName"] = displayName,
            ["nickName"] = parts[0],
            ["firstName"] = parts[0],
            ["lastName"] = parts.Length > 1 ? parts[1] : "",
            ["avatar"] = $"https://avatar-prod-us-east-2.webexcontent.com/{Uri.EscapeDataString(seed)}~1600",
            ["orgId"] = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9lMmUtb3Jn",
            ["created"] = Timestamp(Epoch.AddDays(-400)),
            ["lastActivity"] = Timestamp(Epoch.AddDays(-1)),
            ["status"] = "active",
            ["type"] = "person",
            ["futurePersonField"] = new JsonObject { ["tags"] = new JsonArray("a", "b") },
        };
    }

    private static string WebexId(string kind, object seed) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"ciscospark://us/{kind}/{Convert.ToString(seed, CultureInfo.InvariantCulture)}"))
        .TrimEnd('=');

    private static string Timestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ request handling

    private async Task HandleAsync(HttpContext context)
    {
        Busy(+1);
        context.Response.OnCompleted(() =>
        {
            Busy(-1);
            return Task.CompletedTask;
        });
        await AnswerAsync(context);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value.ToString();
        }

        var recorded = new RecordedRequest(
            request.Method,
            request.Path.Value ?? "",
            request.QueryString.Value ?? "",
            headers,
            body,
            Time.GetUtcNow());

        FakeResponse? canned = null;
        Func<RecordedRequest, FakeResponse>? handler = null;
        lock (_gate)
        {
            if (_requests.Count >= MaxLoggedRequests)
            {
                _requests.RemoveAt(0);
            }

            _requests.Add(recorded);
            var index = _queue.FindIndex(q =>
                string.Equals(q.Path, recorded.Path, StringComparison.Ordinal) &&
                (q.Method is null || string.Equals(q.Method, recorded.Method, StringComparison.OrdinalIgnoreCase)));
            if (index >= 0)
            {
                canned = _queue[index].Response;
                _queue.RemoveAt(index);
            }
            else
            {
                _handlers.TryGetValue((recorded.Method.ToUpperInvariant(), recorded.Path), out handler);
            }
        }

        var response = Refusal(recorded) ?? canned ?? handler?.Invoke(recorded) ?? Route(recorded);
        if (response.Delay is { } delay && delay > TimeSpan.Zero)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            Interlocked.Increment(ref _inDelay);
            Busy(-1);
            try
            {
                await Task.Delay(delay, Time, linked.Token);
            }
            catch (OperationCanceledException)
            {
                return; // client gave up or the server is stopping
            }
            finally
            {
                Busy(+1);
                Interlocked.Decrement(ref _inDelay);
            }
        }

        if (response.DropConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        if (canned is null && !(response.Headers?.ContainsKey("Trackingid") ?? false))
        {
            // Webex answers every request with a Trackingid header; canned responses carry only theirs.
            context.Response.Headers["Trackingid"] = NextTrackingId("ROUTER");
        }

        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            if (response.ContentType is not null)
            {
                context.Response.ContentType = response.ContentType;
            }

            await context.Response.WriteAsync(response.Body, Encoding.UTF8, context.RequestAborted);
        }
    }

    private FakeResponse? Refusal(RecordedRequest r)
    {
        lock (_gate)
        {
            return _refusal is { } refusal && refusal.Applies(r)
                ? new FakeResponse(refusal.Status, WebexErrorBody(refusal.Message, refusal.TrackingId), "application/json", new Dictionary<string, string> { ["Trackingid"] = refusal.TrackingId })
                : null;
        }
    }

    private FakeResponse Route(RecordedRequest r)
    {
        if (!IsAuthorized(r))
        {
            return Error(401, UnauthorizedMessage);
        }

        return (r.Method, r.Path) switch
        {
            ("GET", "/v1/people/me") => Json(200, Me),
            // Each resource's routes live in its own partial file (FakeWebexServer.<Resource>.cs).
            _ => RouteRooms(r) ?? RouteMemberships(r) ?? RouteMessages(r) ?? RoutePeople(r) ?? RouteEvents(r) ?? RouteMeetings(r)
                ?? RouteMeetingRecords(r)
                ?? Error(404, "The requested resource could not be found."),
        };
    }

    private bool IsAuthorized(RecordedRequest r)
    {
        var auth = r.Header("Authorization");
        const string prefix = "Bearer ";
        if (auth is null || !auth.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        lock (_gate)
        {
            return _acceptedTokens.Contains(auth[prefix.Length..]);
        }
    }

    private static FakeResponse Json(int status, JsonNode node) =>
        new(status, node.ToJsonString(JsonOptions), "application/json;charset=UTF-8");

    private FakeResponse Error(int status, string message)
    {
        var trackingId = NextTrackingId("ROUTER");
        LastTrackingId = trackingId;
        return new FakeResponse(
            status,
            WebexErrorBody(message, trackingId),
            "application/json;charset=UTF-8",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Trackingid"] = trackingId });
    }

    private string NextTrackingId(string prefix) =>
        $"{prefix}_{Port.ToString(CultureInfo.InvariantCulture)}-{Interlocked.Increment(ref _trackingCounter).ToString("D4", CultureInfo.InvariantCulture)}";

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _stopping.CancelAsync();
        using (var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _app.StopAsync(stopTimeout.Token);
            }
            catch (OperationCanceledException)
            {
                // stopping took too long: connections are aborted, which is fine for a test server
            }
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
