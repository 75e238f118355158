using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>What one CLI process did.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr, IReadOnlyList<string> Arguments)
{
    private const int ExcerptLength = 3000;

    /// <summary>Stdout parsed as one JSON document (fails the test when it is not exactly one JSON value).</summary>
    public JsonNode Json()
    {
        try
        {
            return JsonNode.Parse(Stdout) ?? throw new JsonException("stdout is the JSON literal null");
        }
        catch (JsonException ex)
        {
            Assert.Fail($"stdout is not one JSON document ({ex.Message}).{Environment.NewLine}{Describe()}");
            throw;
        }
    }

    /// <summary>Stdout parsed as a <see cref="System.Text.Json.JsonDocument"/> (dispose it).</summary>
    public JsonDocument JsonDocument()
    {
        try
        {
            return System.Text.Json.JsonDocument.Parse(Stdout);
        }
        catch (JsonException ex)
        {
            Assert.Fail($"stdout is not one JSON document ({ex.Message}).{Environment.NewLine}{Describe()}");
            throw;
        }
    }

    /// <summary>Stdout's JSON as an object (fails the test otherwise).</summary>
    public JsonObject JsonObject()
    {
        var node = Json();
        if (node is not JsonObject obj)
        {
            Assert.Fail($"stdout is JSON but not an object.{Environment.NewLine}{Describe()}");
            throw new InvalidOperationException("unreachable");
        }

        return obj;
    }

    /// <summary>The i-th entry of <c>result_data</c> (fails the test when it is missing).</summary>
    public JsonObject ActionResult(int index = 0)
    {
        var data = JsonObject()["result_data"] as JsonArray;
        if (data is null || data.Count <= index || data[index] is not JsonObject result)
        {
            Assert.Fail($"stdout has no result_data[{index}] object.{Environment.NewLine}{Describe()}");
            throw new InvalidOperationException("unreachable");
        }

        return result;
    }

    /// <summary>Exit code, arguments and excerpts of stdout and stderr, for failure messages.</summary>
    public string Describe() =>
        $"exit code {ExitCode.ToString(CultureInfo.InvariantCulture)}; args: [{string.Join(", ", Arguments.Select(Excerpt))}]{Environment.NewLine}" +
        $"--- stdout ---{Environment.NewLine}{Excerpt(Stdout)}{Environment.NewLine}" +
        $"--- stderr ---{Environment.NewLine}{Excerpt(Stderr)}";

    private static string Excerpt(string text) =>
        text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength), $"... ({text.Length.ToString(CultureInfo.InvariantCulture)} chars)");

    public override string ToString() => Describe();
}

/// <summary>
/// Runs the real <c>webex-connector</c> CLI in its own sandbox of temp directories and checks, after every run, that
/// no registered secret was printed or written outside the state file and that stdout holds no stack trace.
/// <para>
/// <see cref="RunAsync(IEnumerable{string},string,TimeSpan?,IReadOnlyDictionary{string,string})"/> runs it
/// in-process (<c>CliApplication</c> with its own streams, environment, working folder and <see cref="Clock"/>);
/// <see cref="RunProcessAsync"/> and <see cref="Start(IEnumerable{string}, IReadOnlyDictionary{string, string?}?)"/>
/// start a process, for what only a process shows: signals, exit codes, the published binary, the real streams.
/// The executable is <c>$WEBEX_CONNECTOR_EXE</c> (a <c>.dll</c> is run with <c>dotnet</c>), else the CLI assembly built
/// beside this project (assembly metadata <c>CliAssemblyPath</c>).
/// </para>
/// </summary>
public sealed partial class CliRunner : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private const long MaxScannedFileBytes = 4 * 1024 * 1024;
    private const int MaxScannedFiles = 200;

    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    public CliRunner()
    {
        Root = Path.Combine(Path.GetTempPath(), "webex-e2e-" + Guid.NewGuid().ToString("N"));
        StateDir = Path.Combine(Root, "state");
        HomeDir = Path.Combine(Root, "home");
        XdgStateHome = Path.Combine(Root, "xdg-state");
        WorkDir = Path.Combine(Root, "work");
        foreach (var dir in new[] { StateDir, HomeDir, XdgStateHome, WorkDir })
        {
            // Private whatever the umask: the connector refuses a state folder that others may write to.
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(dir);
            }
            else
            {
                Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    /// <summary>This runner's temp root; everything below is deleted on dispose.</summary>
    public string Root { get; }

    /// <summary><c>$WEBEX_CONNECTOR_STATE_DIR</c> of every run.</summary>
    public string StateDir { get; }

    /// <summary><c>$HOME</c> of every run.</summary>
    public string HomeDir { get; }

    /// <summary><c>$XDG_STATE_HOME</c> of every run.</summary>
    public string XdgStateHome { get; }

    /// <summary>Working directory of every run; asset configs and run documents go here.</summary>
    public string WorkDir { get; }

    /// <summary>The clock of in-process runs; <c>null</c> for the system clock.</summary>
    public VirtualClock? Clock { get; set; }

    /// <summary>In-process runs behave as if a person watched stderr (listing progress).</summary>
    public bool StderrIsTerminal { get; set; }

    /// <summary>Values that must never be printed (PATs, client secrets, tokens).</summary>
    public IReadOnlyCollection<string> Secrets
    {
        get
        {
            lock (_gate)
            {
                return [.. _secrets];
            }
        }
    }

    /// <summary>Registers a value that must never appear on stdout, stderr, or in any file but the state file.</summary>
    public void RegisterSecret(string? secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            lock (_gate)
            {
                _secrets.Add(secret);
            }
        }
    }

    /// <summary>Registers the secret-looking values of an asset config (keys containing key, secret or token).</summary>
    public void RegisterConfigSecrets(JsonObject? config)
    {
        foreach (var (key, value) in config ?? [])
        {
            if ((key.Contains("key", StringComparison.OrdinalIgnoreCase) ||
                 key.Contains("kye", StringComparison.OrdinalIgnoreCase) ||
                 key.Contains("secret", StringComparison.OrdinalIgnoreCase) ||
                 key.Contains("token", StringComparison.OrdinalIgnoreCase)) &&
                value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length >= 8)
            {
                RegisterSecret(s);
            }
        }
    }

    /// <summary>Writes an asset config (the config object alone) to <see cref="WorkDir"/> and registers its secrets.</summary>
    public string WriteAssetConfig(JsonObject config, string fileName = "webex-test.json")
    {
        ArgumentNullException.ThrowIfNull(config);
        RegisterConfigSecrets(config);
        return WriteFile(fileName, config.ToJsonString());
    }

    /// <summary>Writes a <c>run</c> document to <see cref="WorkDir"/> and registers the secrets of its config.</summary>
    public string WriteRunDocument(JsonObject document, string fileName = "run.json")
    {
        ArgumentNullException.ThrowIfNull(document);
        RegisterConfigSecrets(document["config"] as JsonObject);
        return WriteFile(fileName, document.ToJsonString());
    }

    /// <summary>Writes a text file into <see cref="WorkDir"/> and returns its full path.</summary>
    public string WriteFile(string fileName, string content)
    {
        var path = Path.Combine(WorkDir, fileName);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    /// <summary>
    /// Runs the CLI in-process with <paramref name="arguments"/> (each one argv entry) and <paramref name="stdin"/>
    /// (empty when null), waits at most <paramref name="timeout"/> (default 60 s of real time; then the run is
    /// cancelled and the test fails), and checks the secrets and stack-trace rules.
    /// </summary>
    public async Task<CliResult> RunAsync(
        IEnumerable<string> arguments,
        string? stdin = null,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var args = arguments.ToList();
        var variables = SandboxEnvironment(environment);
        using var input = new MemoryStream(stdin is null ? [] : new UTF8Encoding(false).GetBytes(stdin));
        using var output = new MemoryStream();
        using var error = new MemoryStream();
        var context = new CliExecutionContext
        {
            StandardInput = input,
            StandardOutput = output,
            StandardError = error,
            GetEnvironmentVariable = name => variables.GetValueOrDefault(name),
            WorkingDirectory = WorkDir,
            StandardErrorIsTerminal = StderrIsTerminal,
            TimeProvider = Clock?.Time ?? TimeProvider.System,
            ConfigureServices = Clock is { } tracked ? tracked.Track : null,
        };
        using var cancel = new CancellationTokenSource();
        var run = Task.Run(() => CliApplication.RunAsync([.. args], context, cancel.Token));
        var driven = Clock is { } clock ? clock.DriveAsync(run) : Task.CompletedTask;
        var limit = timeout ?? DefaultTimeout;
        if (await Task.WhenAny(run, Task.Delay(limit)) != run)
        {
            await cancel.CancelAsync();
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(5)));
            var stuck = new CliResult(-1, Decode(output), Decode(error), args);
            Assert.Fail($"The CLI did not finish within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was cancelled.{Environment.NewLine}{Redact(stuck.Describe(), Secrets)}");
        }

        await driven;
        var result = new CliResult(await run, Decode(output), Decode(error), args);
        Log(result);
        AssertHygiene(result);
        return result;
    }

    // MemoryStream keeps its bytes after the CLI disposed its writers.
    private static string Decode(MemoryStream stream) => new UTF8Encoding(false).GetString(stream.ToArray());

    /// <summary>
    /// Starts the CLI as a process with <paramref name="arguments"/> (each one argv entry), writes <paramref name="stdin"/>
    /// (then closes stdin; closed at once when null), waits at most <paramref name="timeout"/>
    /// (default 60 s; the process tree is killed and the test fails when it takes longer), and checks
    /// the secrets and stack-trace rules.
    /// </summary>
    public async Task<CliResult> RunProcessAsync(
        IEnumerable<string> arguments,
        string? stdin = null,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var args = arguments.ToList();
        var limit = timeout ?? DefaultTimeout;
        var psi = CreateSandboxedStartInfo(args, environment);

        using var process = new Process { StartInfo = psi };
        if (!process.Start())
        {
            Assert.Fail($"Could not start {psi.FileName}.");
        }

        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderrTask = process.StandardError.ReadToEndAsync();

        // Written concurrently with the wait, so a process that never reads stdin cannot block us.
        var stdinTask = WriteStdinAsync(process.StandardInput, stdin);

        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            string partialOut = "", partialErr = "";
            try
            {
                partialOut = await stdoutTask.WaitAsync(TimeSpan.FromSeconds(5));
                partialErr = await stderrTask.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (TimeoutException)
            {
                // leave the excerpts empty
            }

            var killed = new CliResult(-1, partialOut, partialErr, args);
            Assert.Fail($"The CLI did not exit within {limit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was killed.{Environment.NewLine}{Redact(killed.Describe(), Secrets)}");
        }

        await stdinTask.WaitAsync(TimeSpan.FromSeconds(10));

        var stdout = await stdoutTask.WaitAsync(TimeSpan.FromSeconds(30));
        var stderr = await stderrTask.WaitAsync(TimeSpan.FromSeconds(30));
        var result = new CliResult(process.ExitCode, stdout, stderr, args);
        Log(result);
        AssertHygiene(result);
        return result;
    }

    /// <summary>The start info of one run: the CLI with <paramref name="args"/> in this runner's sandbox directories.</summary>
    private ProcessStartInfo CreateSandboxedStartInfo(List<string> args, IReadOnlyDictionary<string, string?>? environment)
    {
        var psi = CreateStartInfo(args);
        psi.WorkingDirectory = WorkDir;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment.Remove("WEBEX_CONNECTOR_EXE");
        foreach (var (name, value) in SandboxEnvironment(environment))
        {
            psi.Environment[name] = value;
        }

        return psi;
    }

    /// <summary>The variables every run sees: the sandbox's state, home and XDG folders, then the test's own.</summary>
    private Dictionary<string, string?> SandboxEnvironment(IReadOnlyDictionary<string, string?>? environment)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["WEBEX_CONNECTOR_STATE_DIR"] = StateDir,
            ["HOME"] = HomeDir,
            ["XDG_STATE_HOME"] = XdgStateHome,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return variables;
    }

    private static async Task WriteStdinAsync(StreamWriter input, string? text)
    {
        try
        {
            if (text is not null)
            {
                await input.WriteAsync(text);
                await input.FlushAsync();
            }
        }
        catch (IOException)
        {
            // the process exited without reading stdin; its output says why
        }
        finally
        {
            try
            {
                input.Close();
            }
            catch (IOException)
            {
                // broken pipe on close: same as above
            }
        }
    }

    /// <inheritdoc cref="RunAsync(IEnumerable{string},string,TimeSpan?,IReadOnlyDictionary{string,string})"/>
    public Task<CliResult> RunAsync(params string[] arguments) => RunAsync((IEnumerable<string>)arguments);

    /// <inheritdoc cref="RunProcessAsync(IEnumerable{string},string,TimeSpan?,IReadOnlyDictionary{string,string})"/>
    public Task<CliResult> RunProcessAsync(params string[] arguments) => RunProcessAsync((IEnumerable<string>)arguments);

    /// <summary>Checks the rules every run must keep: no secret printed or written outside the state
    /// file, no stack trace on stdout.</summary>
    public void AssertHygiene(CliResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var secrets = Secrets;
        var leakedFiles = ScanFilesForSecrets(secrets);
        using (Assert.EnterMultipleScope())
        {
            // Boolean checks on purpose: a Does.Not.Contain failure would print the secret itself.
            foreach (var secret in secrets)
            {
                Assert.That(result.Stdout.Contains(secret, StringComparison.Ordinal), Is.False, () => $"A secret appeared on stdout (shown as <SECRET>).{Environment.NewLine}{Redact(result.Describe(), secrets)}");
                Assert.That(result.Stderr.Contains(secret, StringComparison.Ordinal), Is.False, () => $"A secret appeared on stderr (shown as <SECRET>).{Environment.NewLine}{Redact(result.Describe(), secrets)}");
            }

            Assert.That(leakedFiles, Is.Empty, "A secret was written to a file other than the state file.");
            Assert.That(StackTraceLine().IsMatch(result.Stdout), Is.False, () => $"stdout holds a stack trace.{Environment.NewLine}{Redact(result.Describe(), secrets)}");
            Assert.That(result.Stdout.Contains("Exception:", StringComparison.Ordinal), Is.False, () => $"stdout holds an exception dump.{Environment.NewLine}{Redact(result.Describe(), secrets)}");
        }
    }

    private List<string> ScanFilesForSecrets(IReadOnlyCollection<string> secrets)
    {
        var leaks = new List<string>();
        if (secrets.Count == 0)
        {
            return leaks;
        }

        var files = new[] { StateDir, HomeDir, XdgStateHome }
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            .Where(f => !Path.GetFileName(f).EndsWith("_state.json", StringComparison.Ordinal))
            .Take(MaxScannedFiles);
        foreach (var file in files)
        {
            try
            {
                var info = new FileInfo(file);
                if (info.Length > MaxScannedFileBytes)
                {
                    continue;
                }

                var text = File.ReadAllText(file);
                if (secrets.Any(s => text.Contains(s, StringComparison.Ordinal)))
                {
                    leaks.Add(Path.GetRelativePath(Root, file));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // a file that vanished or cannot be read is not a leak we can see
            }
        }

        return leaks;
    }

    /// <summary>Replaces secrets in a failure message, so a failing test does not print them either.</summary>
    internal static string Redact(string text, IEnumerable<string> secrets) =>
        secrets.Aggregate(text, (current, s) => current.Replace(s, "<SECRET>", StringComparison.Ordinal));

    internal void Log(CliResult result)
    {
        var text = Redact(result.Describe(), Secrets);
        TestContext.Out.WriteLine($"$ webex-connector{Environment.NewLine}{text}");
    }

    private static ProcessStartInfo CreateStartInfo(List<string> args)
    {
        var exe = Environment.GetEnvironmentVariable("WEBEX_CONNECTOR_EXE");
        string fileName;
        var prefix = new List<string>();
        if (!string.IsNullOrWhiteSpace(exe))
        {
            if (exe.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            {
                fileName = DotnetHost();
                prefix.Add(exe);
            }
            else
            {
                fileName = exe;
            }
        }
        else
        {
            var dll = typeof(CliRunner).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "CliAssemblyPath")?.Value;
            if (string.IsNullOrEmpty(dll))
            {
                Assert.Fail("The test assembly has no CliAssemblyPath metadata and WEBEX_CONNECTOR_EXE is not set.");
            }

            dll = Path.GetFullPath(dll!);
            if (!File.Exists(dll))
            {
                Assert.Fail($"The CLI assembly {dll} does not exist: build src/WebexConnector.Cli or set WEBEX_CONNECTOR_EXE.");
            }

            fileName = DotnetHost();
            prefix.Add(dll);
        }

        var psi = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
            CreateNoWindow = true,
        };
        foreach (var arg in prefix.Concat(args))
        {
            psi.ArgumentList.Add(arg);
        }

        return psi;
    }

    private static string DotnetHost()
    {
        var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath))
        {
            return hostPath;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        return "dotnet";
    }

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    private static partial Regex StackTraceLine();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TestContext.Out.WriteLine($"Could not delete {Root}: {ex.Message}");
        }
    }
}
