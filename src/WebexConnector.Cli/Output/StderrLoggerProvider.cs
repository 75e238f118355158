using Microsoft.Extensions.Logging;
using WebexConnector.Security;

namespace WebexConnector.Cli.Output;

/// <summary>
/// Log lines on the invocation's stderr writer, which passes the redactor, one line per entry
/// (<c>warn: WebexConnector[4] ...</c>). Written at once, in order with the prompts and progress lines, rather than from
/// the console logger's background queue, which writes to the process-wide console.
/// </summary>
internal sealed class StderrLoggerProvider(TextWriter stderr) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new StderrLogger(this, categoryName);

    public void Dispose()
    {
        // The writer belongs to the invocation.
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            stderr.WriteLine(line);
        }
    }

    private sealed class StderrLogger(StderrLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var line = $"{Label(logLevel)}: {category}[{eventId.Id}] {TextSanitizer.Excerpt(formatter(state, exception), 2000)}";
            if (exception is not null)
            {
                // The cause, not a stack trace: stderr is read by operators and by SOAR's progress view.
                line += $" ({exception.GetType().Name}: {TextSanitizer.Excerpt(exception.Message, 400)})";
            }

            provider.Write(line);
        }

        private static string Label(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce",
            LogLevel.Debug => "dbug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warn",
            LogLevel.Error => "fail",
            _ => "crit",
        };
    }
}
