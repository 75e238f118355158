using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;

namespace WebexConnector.Cli.Tests.Infrastructure;

public sealed partial class CliRunner
{
    /// <summary>
    /// Starts the CLI with <paramref name="arguments"/> in this runner's sandbox and returns at once, so a test
    /// can read stderr lines as they arrive (e.g. the OAuth authorize URL), play the browser, or send a signal.
    /// stdin is closed at once. Finish with <see cref="CliProcess.WaitForExitAsync"/>, which checks the same
    /// rules as <see cref="RunAsync(IEnumerable{string},string,TimeSpan?,IReadOnlyDictionary{string,string})"/>.
    /// </summary>
    public CliProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        Start(arguments, environment, stdoutTarget: null);

    /// <summary>
    /// Like <see cref="Start(IEnumerable{string}, IReadOnlyDictionary{string, string?}?)"/>, but the CLI's stdout is
    /// <paramref name="stdoutTarget"/> (e.g. <c>/dev/full</c>), or closed when it is <c>-</c>: a shell sets it up and
    /// then becomes the CLI (<c>exec</c>), so the exit code is the CLI's own.
    /// </summary>
    public CliProcess StartWithStdout(string stdoutTarget, IEnumerable<string> arguments) =>
        Start(arguments, environment: null, stdoutTarget);

    private CliProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment, string? stdoutTarget)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var args = arguments.ToList();
        var startInfo = CreateSandboxedStartInfo(args, environment);
        if (stdoutTarget is not null)
        {
            List<string> command = [startInfo.FileName, .. startInfo.ArgumentList];
            startInfo.FileName = "/bin/sh";
            startInfo.ArgumentList.Clear();
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(stdoutTarget == "-" ? "exec \"$@\" >&-" : "exec \"$@\" > \"$STDOUT_TARGET\"");
            startInfo.ArgumentList.Add("sh");
            command.ForEach(startInfo.ArgumentList.Add);
            startInfo.Environment["STDOUT_TARGET"] = stdoutTarget;
        }

        var process = new Process { StartInfo = startInfo };
        try
        {
            if (!process.Start())
            {
                throw new InvalidOperationException($"Could not start {process.StartInfo.FileName}.");
            }
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.StandardInput.Close();
        return new CliProcess(this, process, args);
    }
}

/// <summary>A running CLI process whose stderr is readable line by line while it runs.</summary>
public sealed class CliProcess : IAsyncDisposable
{
    /// <summary>At most this many stderr lines are kept (a runaway process cannot exhaust memory).</summary>
    private const int MaxStderrLines = 20_000;

    private readonly CliRunner _runner;
    private readonly Process _process;
    private readonly List<string> _args;
    private readonly Channel<string> _unread = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<string> _stderrLines = [];
    private readonly Lock _gate = new();
    private readonly Task<string> _stdoutTask;
    private readonly Task _stderrTask;
    private CliResult? _result;

    internal CliProcess(CliRunner runner, Process process, List<string> args)
    {
        _runner = runner;
        _process = process;
        _args = args;
        _stdoutTask = process.StandardOutput.ReadToEndAsync();
        _stderrTask = PumpStderrAsync();
    }

    /// <summary>The operating system's process id.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every stderr line received so far.</summary>
    public IReadOnlyList<string> StderrLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _stderrLines];
            }
        }
    }

    private async Task PumpStderrAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync() is { } line)
            {
                lock (_gate)
                {
                    if (_stderrLines.Count < MaxStderrLines)
                    {
                        _stderrLines.Add(line);
                    }
                }

                _unread.Writer.TryWrite(line);
            }
        }
        finally
        {
            _unread.Writer.TryComplete();
        }
    }

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>) for the next stderr line that matches <paramref name="predicate"/>
    /// and returns it; <c>null</c> when the process closed stderr (exited) or the time ran out first.
    /// </summary>
    public async Task<string?> TryWaitForStderrLineAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await _unread.Reader.WaitToReadAsync(cts.Token))
            {
                while (_unread.Reader.TryRead(out var line))
                {
                    if (predicate(line))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // timed out
        }

        return null;
    }

    /// <summary>Like <see cref="TryWaitForStderrLineAsync"/>, but fails the test when no such line arrives.</summary>
    public async Task<string> WaitForStderrLineAsync(Func<string, bool> predicate, TimeSpan timeout, string what)
    {
        var line = await TryWaitForStderrLineAsync(predicate, timeout);
        if (line is null)
        {
            var state = _unread.Reader.Completion.IsCompleted || _process.HasExited
                ? "the process closed stderr before"
                : $"{timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s passed";
            var stderr = CliRunner.Redact(string.Join(Environment.NewLine, StderrLines), _runner.Secrets);
            var stdout = "(still running)";
            if (_unread.Reader.Completion.IsCompleted)
            {
                try
                {
                    stdout = CliRunner.Redact(await _stdoutTask.WaitAsync(TimeSpan.FromSeconds(10)), _runner.Secrets);
                }
                catch (TimeoutException)
                {
                    // leave it
                }
            }

            Assert.Fail($"No stderr line {what} ({state}).{Environment.NewLine}--- stderr so far ---{Environment.NewLine}{stderr}{Environment.NewLine}--- stdout ---{Environment.NewLine}{stdout}");
        }

        return line!;
    }

    /// <summary>Sends SIGTERM (what a service manager or <c>kill</c> sends) to the process.</summary>
    public async Task SendSigtermAsync()
    {
        using var kill = new Process
        {
            StartInfo = new ProcessStartInfo("kill")
            {
                UseShellExecute = false,
                ArgumentList = { "-TERM", Id.ToString(CultureInfo.InvariantCulture) },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            },
        };
        kill.Start();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await kill.WaitForExitAsync(cts.Token);
        Assert.That(kill.ExitCode, Is.Zero, "kill -TERM succeeded");
    }

    /// <summary>
    /// Waits for the process to exit (at most <paramref name="timeout"/>, default 60 s), without any assertion:
    /// <c>TimedOut</c> when it had to be killed. For processes run concurrently; check them afterwards with
    /// <see cref="CliRunner.AssertHygiene"/>.
    /// </summary>
    public async Task<(CliResult Result, bool TimedOut)> WaitForExitUncheckedAsync(TimeSpan? timeout = null)
    {
        if (_result is not null)
        {
            return (_result, false);
        }

        var limit = timeout ?? CliRunner.DefaultTimeout;
        var timedOut = false;
        using (var cts = new CancellationTokenSource(limit))
        {
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                _process.Kill(entireProcessTree: true);
            }
        }

        string stdout = "";
        try
        {
            stdout = await _stdoutTask.WaitAsync(TimeSpan.FromSeconds(30));
            await _stderrTask.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            timedOut = true;
        }

        var stderr = new StringBuilder();
        foreach (var line in StderrLines)
        {
            stderr.Append(line).Append('\n');
        }

        var result = new CliResult(timedOut ? -1 : _process.ExitCode, stdout, stderr.ToString(), _args);
        if (!timedOut)
        {
            _result = result;
        }

        return (result, timedOut);
    }

    /// <summary>
    /// Waits for the process to exit (at most <paramref name="timeout"/>, default 60 s; else it is killed and the
    /// test fails) and checks the secrets and stack-trace rules.
    /// </summary>
    public async Task<CliResult> WaitForExitAsync(TimeSpan? timeout = null)
    {
        var (result, timedOut) = await WaitForExitUncheckedAsync(timeout);
        _runner.Log(result);
        if (timedOut)
        {
            var limit = (timeout ?? CliRunner.DefaultTimeout).TotalSeconds.ToString(CultureInfo.InvariantCulture);
            Assert.Fail($"The CLI did not exit within {limit} s and was killed.{Environment.NewLine}{CliRunner.Redact(result.Describe(), _runner.Secrets)}");
        }

        _runner.AssertHygiene(result);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // already gone, or not killable: nothing more a test can do
        }

        try
        {
            await _stderrTask.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // the pump ends when the pipe closes; do not hang a test on it
        }

        _process.Dispose();
    }
}
