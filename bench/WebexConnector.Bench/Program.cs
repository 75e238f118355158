using System.Globalization;
using WebexConnector.Bench;

// bench/run.sh is the way in; see README "Performance".
var runs = 7;
string? exe = null;
string? curlScript = null;
var serveOnly = args.Contains("--serve");
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--serve": i--; break;
        case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--exe": exe = Path.GetFullPath(args[i + 1]); break;
        case "--curl-script": curlScript = Path.GetFullPath(args[i + 1]); break;
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

// A .dll runs through the dotnet host; a published executable runs as is.
var (fileName, prefix) = exe.EndsWith(".dll", StringComparison.Ordinal) ? ("dotnet", new[] { exe }) : (exe, Array.Empty<string>());
Task<Measurement> Connector(string name, params string[] arguments) =>
    Measurement.RunAsync(name, runs, server, fileName, [.. prefix, .. arguments]);
Task<Measurement> Curl(string name, params string[] arguments) =>
    Measurement.RunAsync(name, runs, server, "curl", ["-sS", "-f", "-H", $"Authorization: Bearer {BenchWebexServer.Token}", .. arguments]);

// One warm-up of each, so the first measured run does not pay for cold disk caches.
await Connector("warm-up", "actions");
await Connector("warm-up", "list-rooms", "--asset", asset, "--limit", "1");

var rows = new List<(Measurement Connector, Measurement? Curl, string Target)>
{
    (await Connector("actions (no network)", "actions"), null, ""),
    (await Connector("list-rooms, one page", "list-rooms", "--asset", asset, "--limit", "1000"),
        await Curl("curl, one page", $"{server.BaseUrl}/rooms?max=1000"), "<= 3x"),
    (await Connector($"list-rooms, all {Rooms}", "list-rooms", "--asset", asset),
        await Measurement.RunAsync("curl loop", runs, server, "bash", curlScript, $"{server.BaseUrl}/rooms?max=1000", BenchWebexServer.Token), "<= 1.2x"),
    (await Connector("send-message", "send-message", "--asset", asset, "--endpoint-id", "bench-room", "--destination-type", "room", "--message", "benchmark"),
        await Curl("curl, one POST", "-X", "POST", "-H", "Content-Type: application/json", "-d", """{"roomId":"bench-room","text":"benchmark"}""", $"{server.BaseUrl}/messages"), ""),
};

Console.WriteLine($"webex-connector benchmark: {exe}");
Console.WriteLine($"{runs} runs each, {Environment.ProcessorCount} cores, fake Webex with {Rooms} rooms on 127.0.0.1; seconds median (min-max)");
Console.WriteLine();
Console.WriteLine($"{"scenario",-26} {"connector",-22} {"curl",-22} {"ratio",-7} {"target",-8} {"peak MB",-8} requests");
foreach (var (connector, curl, target) in rows)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{connector.Name,-26} {Format(connector),-22} {(curl is null ? "-" : Format(curl)),-22} {(curl is null ? "-" : $"{connector.Median / curl.Median:0.00}x"),-7} {target,-8} {(connector.PeakKilobytesMax < 0 ? "n/a" : $"{connector.PeakKilobytesMax / 1024.0:0.0}"),-8} {connector.Requests.Max()}"));
}

work.Delete(recursive: true);
return 0;

static string Format(Measurement m) => string.Create(CultureInfo.InvariantCulture, $"{m.Median:0.000} ({m.Min:0.000}-{m.Max:0.000})");
