using System.Text;

namespace WebexConnector.Security;

/// <summary>
/// Wraps stdout or stderr so nothing reaches them without passing <see cref="SecretRedactor"/>. Text is held
/// until a line ends (or <see cref="Flush"/>), so a secret written in pieces is still seen whole.
/// </summary>
public sealed class RedactingTextWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly SecretRedactor _redactor;
    private readonly StringBuilder _pending = new();
    private readonly Lock _gate = new();

    public RedactingTextWriter(TextWriter inner, SecretRedactor redactor)
    {
        _inner = inner;
        _redactor = redactor;
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        lock (_gate)
        {
            _pending.Append(value);
            if (value == '\n')
            {
                FlushPending();
            }
        }
    }

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_gate)
        {
            _pending.Append(value);
            if (value.Contains('\n', StringComparison.Ordinal))
            {
                FlushCompleteLines();
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        lock (_gate)
        {
            FlushPending();
            _inner.Flush();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    // Keeps an unfinished last line back: the rest of a secret may still be coming.
    private void FlushCompleteLines()
    {
        var text = _pending.ToString();
        var end = text.LastIndexOf('\n') + 1;
        _inner.Write(_redactor.Redact(text[..end]));
        _pending.Remove(0, end);
    }

    private void FlushPending()
    {
        if (_pending.Length == 0)
        {
            return;
        }

        _inner.Write(_redactor.Redact(_pending.ToString()));
        _pending.Clear();
    }
}
