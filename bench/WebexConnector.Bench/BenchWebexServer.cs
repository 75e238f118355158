using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebexConnector.Bench;

/// <summary>
/// A minimal fake Webex on 127.0.0.1 for measuring clients: rooms pre-serialised (so the server costs almost
/// nothing per request), Link pagination like Webex, <c>POST /messages</c>, and a request counter.
/// </summary>
internal sealed class BenchWebexServer : IAsyncDisposable
{
    public const string Token = "bench-token-0123456789";

    private readonly WebApplication _app;
    private readonly string[] _rooms;
    private int _requests;

    private BenchWebexServer(WebApplication app, int rooms)
    {
        _app = app;
        _rooms = Enumerable.Range(0, rooms).Select(RoomJson).ToArray();
    }

    public string BaseUrl { get; private set; } = "";

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<BenchWebexServer> StartAsync(int rooms)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new BenchWebexServer(app, rooms);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        if (request.Headers.Authorization != $"Bearer {Token}")
        {
            context.Response.StatusCode = 401;
            return;
        }

        context.Response.ContentType = "application/json";
        switch (request.Method, request.Path.Value)
        {
            case ("GET", "/v1/rooms"):
                await WriteRoomsPageAsync(context).ConfigureAwait(false);
                break;
            case ("GET", "/v1/people/me"):
                await context.Response.WriteAsync("""{"id":"bench-me","emails":["me@example.com"],"displayName":"Bench"}""").ConfigureAwait(false);
                break;
            case ("POST", "/v1/messages"):
                using (var reader = new StreamReader(request.Body))
                {
                    var body = await reader.ReadToEndAsync().ConfigureAwait(false);
                    await context.Response.WriteAsync(body.Insert(1, "\"id\":\"bench-message\",")).ConfigureAwait(false);
                }

                break;
            default:
                context.Response.StatusCode = 404;
                break;
        }
    }

    private async Task WriteRoomsPageAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var max = int.TryParse(query["max"], CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 1, 1000) : 100;
        var start = int.TryParse(query["cursor"], CultureInfo.InvariantCulture, out var c) ? c : 0;
        var end = Math.Min(start + max, _rooms.Length);
        if (end < _rooms.Length)
        {
            context.Response.Headers["Link"] = $"<{BaseUrl}/rooms?cursor={end}&max={max}>; rel=\"next\"";
        }

        var page = new StringBuilder("{\"items\":[");
        page.AppendJoin(',', _rooms[start..end]);
        page.Append("]}");
        await context.Response.WriteAsync(page.ToString()).ConfigureAwait(false);
    }

    // Shaped like the official spec's Room example.
    private static string RoomJson(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"id":"Y2lzY29zcGFyazovL3VzL1JPT00vYmVuY2gt{{i:D8}}","title":"Bench room {{i}}","type":"group","isLocked":false,"teamId":"Y2lzY29zcGFyazovL3VzL1RFQU0vYmVuY2g","lastActivity":"2026-04-21T19:12:48.920Z","creatorId":"Y2lzY29zcGFyazovL3VzL1BFT1BMRS9iZW5jaA","created":"2026-04-21T19:01:55.966Z","ownerId":"Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9iZW5jaA","isPublic":false,"isReadOnly":false,"isAnnouncementOnly":false}
        """);
}
