using System.Text;

namespace WebexConnector.Security;

/// <summary>
/// Wraps stdout or stderr so nothing reaches them without passing <see cref="SecretRedactor"/>. Text arrives as
/// UTF-8 (from a StreamWriter, or straight from a JSON writer for large documents); complete lines pass the
/// redactor (decoded only when they hold a secret), and an unfinished line waits for the rest, so a secret
/// split across writes is still seen whole.
/// </summary>
internal sealed class RedactingStream : Stream
{
    private readonly Stream _inner;
    private readonly SecretRedactor _redactor;
    private readonly MemoryStream _pending = new();

    public RedactingStream(Stream inner, SecretRedactor redactor)
    {
        _inner = inner;
        _redactor = redactor;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pending.Write(buffer);
        var pending = _pending.GetBuffer().AsSpan(0, (int)_pending.Length);
        var end = pending.LastIndexOf((byte)'\n') + 1;
        if (end > 0)
        {
            WriteRedacted(pending[..end]);
            var rest = pending[end..].ToArray();
            _pending.SetLength(0);
            _pending.Write(rest);
        }
    }

    /// <summary>
    /// Flushes complete lines only: a StreamWriter with AutoFlush flushes after every write, often mid-line and
    /// so possibly mid-secret. The unfinished last line is written when the stream is disposed.
    /// </summary>
    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>
    /// Writes the unfinished last line too, then flushes: for the end of a document, so that a failure to write it
    /// shows here, where the caller can still say so, and not in <see cref="Dispose(bool)"/>.
    /// </summary>
    public void FlushAll()
    {
        var pending = _pending.GetBuffer().AsSpan(0, (int)_pending.Length).ToArray();
        _pending.SetLength(0);
        WriteRedacted(pending);
        _inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                FlushAll();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The stream broke (a full disk, a closed pipe); the program said so when its own FlushAll failed.
            }

            _pending.Dispose();
        }

        base.Dispose(disposing);
    }

    private void WriteRedacted(ReadOnlySpan<byte> lines)
    {
        if (lines.IsEmpty)
        {
            return;
        }

        if (_redactor.ContainsSecret(lines))
        {
            _inner.Write(Encoding.UTF8.GetBytes(_redactor.Redact(Encoding.UTF8.GetString(lines))));
        }
        else
        {
            _inner.Write(lines);
        }
    }
}
