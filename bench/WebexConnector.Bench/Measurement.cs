using System.Diagnostics;
using System.Globalization;

namespace WebexConnector.Bench;

/// <summary>Runs a command several times and keeps wall time, peak memory and the server requests of each run.</summary>
internal sealed record Measurement(string Name, IReadOnlyList<double> Seconds, IReadOnlyList<long> PeakKilobytes, IReadOnlyList<int> Requests)
{
    private static readonly bool HasGnuTime = File.Exists("/usr/bin/time");

    public double Median => Sorted[Sorted.Length / 2];

    public double Min => Sorted[0];

    public double Max => Sorted[^1];

    public long PeakKilobytesMax => PeakKilobytes.DefaultIfEmpty(-1).Max();

    private double[] Sorted => [.. Seconds.Order()];

    public static async Task<Measurement> RunAsync(string name, int runs, BenchWebexServer server, string fileName, params string[] arguments)
    {
        var seconds = new List<double>();
        var peaks = new List<long>();
        var requests = new List<int>();
        for (var run = 0; run < runs; run++)
        {
            var before = server.Requests;
            var (elapsed, peak) = await RunOnceAsync(fileName, arguments).ConfigureAwait(false);
            seconds.Add(elapsed);
            if (peak >= 0)
            {
                peaks.Add(peak);
            }

            requests.Add(server.Requests - before);
        }

        return new Measurement(name, seconds, peaks, requests);
    }

    private static async Task<(double Seconds, long PeakKilobytes)> RunOnceAsync(string fileName, string[] arguments)
    {
        var memoryFile = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(HasGnuTime ? "/usr/bin/time" : fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            if (HasGnuTime)
            {
                foreach (var argument in new[] { "-f", "%M", "-o", memoryFile, fileName })
                {
                    start.ArgumentList.Add(argument);
                }
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {fileName}.");
            process.StandardInput.Close();

            // Drain both pipes (the output is what a platform would read) without keeping it.
            var drainOut = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            var drainErr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            await drainOut.ConfigureAwait(false);
            var errors = await drainErr.ConfigureAwait(false);
            var elapsed = clock.Elapsed.TotalSeconds;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {errors}");
            }

            var peak = HasGnuTime && long.TryParse((await File.ReadAllTextAsync(memoryFile).ConfigureAwait(false)).Trim(), CultureInfo.InvariantCulture, out var kb) ? kb : -1;
            return (elapsed, peak);
        }
        finally
        {
            File.Delete(memoryFile);
        }
    }
}
