using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pipeline.Testing;

/// <summary>A logger provider that keeps every entry (level, message, exception), for tests that check what is logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    /// <summary>Every entry logged so far.</summary>
    public ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
        // Nothing held.
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Entries.Enqueue((logLevel, category, formatter(state, exception), exception));
    }
}
