using System.Globalization;
using WebexConnector.Bench;

// bench/run.sh is the way in; see README "Performance".
var runs = 7;
string? exe = null;
string? curlScript = null;
string? pythonScript = null;
var serveOnly = args.Contains("--serve");
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--serve": i--; break;
        case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--exe": exe = Path.GetFullPath(args[i + 1]); break;
        case "--curl-script": curlScript = Path.GetFullPath(args[i + 1]); break;
        case "--python-script": pythonScript = Path.GetFullPath(args[i + 1]); break;
        default: throw new ArgumentException($"Unknown option {args[i]}");
    }
}

const int Rooms = 10_000;
await using var server = await BenchWebexServer.StartAsync(Rooms);
var work = Directory.CreateTempSubdirectory("webex-bench-");
var asset = Path.Combine(work.FullName, "bench.json");
await File.WriteAllTextAsync(asset, $$"""{"authorization_key":"{{BenchWebexServer.Token}}","base_url":"{{server.BaseUrl}}"}""");
if (serveOnly)
{
    // For experiments by hand: the fake stays up until stdin closes (Enter or Ctrl-D).
    Console.WriteLine($"fake Webex with {Rooms} rooms at {server.BaseUrl}; asset file: {asset}");
    await Console.In.ReadLineAsync();
    work.Delete(recursive: true);
    return 0;
}

ArgumentNullException.ThrowIfNull(exe);
ArgumentNullException.ThrowIfNull(curlScript);
ArgumentNullException.ThrowIfNull(pythonScript);
const int ManyRooms = 100_000;
await using var large = await BenchWebexServer.StartAsync(ManyRooms);
var largeAsset = Path.Combine(work.FullName, "large.json");
await File.WriteAllTextAsync(largeAsset, $$"""{"authorization_key":"{{BenchWebexServer.Token}}","base_url":"{{large.BaseUrl}}"}""");

// A .dll runs through the dotnet host; a published executable runs as is.
var (fileName, prefix) = exe.EndsWith(".dll", StringComparison.Ordinal) ? ("dotnet", new[] { exe }) : (exe, Array.Empty<string>());
Task<Measurement> Connector(string name, params string[] arguments) =>
    Measurement.RunAsync(name, runs, server, fileName, [.. prefix, .. arguments]);
Task<Measurement> Curl(string name, params string[] arguments) =>
    Measurement.RunAsync(name, runs, server, "curl", ["-sS", "-f", "-H", $"Authorization: Bearer {BenchWebexServer.Token}", .. arguments]);

// One warm-up of each, so the first measured run does not pay for cold disk caches.
await Connector("warm-up", "actions");
await Connector("warm-up", "list-rooms", "--asset", asset, "--limit", "1");

Task<Measurement> Python(BenchWebexServer on, string name) =>
    Measurement.RunAsync(name, runs, on, "python3", pythonScript, $"{on.BaseUrl}/rooms?max=1000", BenchWebexServer.Token);
Task<Measurement> ConnectorOn(BenchWebexServer on, string name, params string[] arguments) =>
    Measurement.RunAsync(name, runs, on, fileName, [.. prefix, .. arguments]);

var actions = await Connector("actions (no network)", "actions");
var onePage = await Connector("list-rooms --limit 100", "list-rooms", "--asset", asset, "--limit", "100");
var curlOnePage = await Curl("curl, one page of 100", $"{server.BaseUrl}/rooms?max=100");
var all = await Connector($"list-rooms, all {Rooms}", "list-rooms", "--asset", asset);
var curlAll = await Measurement.RunAsync("curl loop", runs, server, "bash", curlScript, $"{server.BaseUrl}/rooms?max=1000", BenchWebexServer.Token);
var pythonAll = await Python(server, "python requests");
var send = await Connector("send-message", "send-message", "--asset", asset, "--endpoint-id", "bench-room", "--destination-type", "room", "--message", "benchmark");
var curlSend = await Curl("curl, one POST", "-X", "POST", "-H", "Content-Type: application/json", "-d", """{"roomId":"bench-room","text":"benchmark"}""", $"{server.BaseUrl}/messages");
var allLarge = await ConnectorOn(large, $"list-rooms, all {ManyRooms}", "list-rooms", "--asset", largeAsset);
var pythonLarge = await Python(large, $"python requests, {ManyRooms}");

Console.WriteLine($"webex-connector benchmark: {exe} ({new FileInfo(fileName == "dotnet" ? exe : fileName).Length / (1024.0 * 1024.0):0.0} MB)");
Console.WriteLine($"{runs} runs each, {Environment.ProcessorCount} cores, fake Webex on 127.0.0.1; seconds median (min-max); peak memory of the connector");
Console.WriteLine();
Console.WriteLine($"{"scenario",-28} {"connector",-22} {"baseline",-22} {"ratio",-7} {"target",-8} {"peak MB",-8} requests");
Row(actions, null, "<= 30 ms");
Row(onePage, curlOnePage, "<= 3x");
Row(all, curlAll, "<= 1.2x");
Row(all, pythonAll, "<= 0.8x");
Row(send, curlSend, "");
Row(allLarge, pythonLarge, "");
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"peak memory: {Rooms} rooms {Mb(all)} MB (target <= 40), {ManyRooms} rooms {Mb(allLarge)} MB (target <= 120); python {Mb(pythonAll)} / {Mb(pythonLarge)} MB"));

void Row(Measurement connector, Measurement? baseline, string target) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{connector.Name,-28} {Format(connector),-22} {(baseline is null ? "-" : $"{Format(baseline)} {baseline.Name}"),-22} {(baseline is null ? "-" : $"{connector.Median / baseline.Median:0.00}x"),-7} {target,-8} {Mb(connector),-8} {connector.Requests.Max()}"));

work.Delete(recursive: true);
return 0;

static string Mb(Measurement m) => m.PeakKilobytesMax < 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{m.PeakKilobytesMax / 1024.0:0.0}");

static string Format(Measurement m) => string.Create(CultureInfo.InvariantCulture, $"{m.Median:0.000} ({m.Min:0.000}-{m.Max:0.000})");
