using System.Collections.Concurrent;
using System.Text.Encodings.Web;

namespace WebexConnector.Security;

/// <summary>
/// The one redaction point. Every secret the process learns (PAT, client secret, access and refresh tokens,
/// authorization codes) is registered here, and everything written to stdout and stderr passes through
/// <see cref="Redact"/> (see <see cref="RedactingStream"/>), in the forms it may take there: as is,
/// JSON-escaped and URL-encoded.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "[REDACTED]";

    // Shorter values would mask ordinary words; no real Webex secret is this short.
    private const int MinimumSecretLength = 6;

    private static readonly AsyncLocal<SecretRedactor?> CurrentRedactor = new();
    private readonly ConcurrentDictionary<string, byte> _forms = new(StringComparer.Ordinal);
    private volatile string[] _ordered = [];
    private volatile byte[][] _utf8 = [];

    /// <summary>
    /// The redactor of the run in this async flow. Text is redacted with it before it is cut or cleaned for a
    /// message (<see cref="TextSanitizer"/>): a secret cut in half would no longer be recognised.
    /// </summary>
    public static SecretRedactor? Current => CurrentRedactor.Value;

    /// <summary>Makes this the <see cref="Current"/> redactor of the calling async flow and what it starts.</summary>
    public void MakeCurrent() => CurrentRedactor.Value = this;

    public void Add(string? secret)
    {
        if (secret is null || secret.Length < MinimumSecretLength)
        {
            return;
        }

        var added = false;
        foreach (var form in new[] { secret, JavaScriptEncoder.Default.Encode(secret), JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(secret), Uri.EscapeDataString(secret) })
        {
            added |= _forms.TryAdd(form, 0);
        }

        if (added)
        {
            // Longest first, so a secret that contains another is masked whole.
            _ordered = [.. _forms.Keys.OrderByDescending(form => form.Length)];
            _utf8 = [.. _ordered.Select(System.Text.Encoding.UTF8.GetBytes)];
        }
    }

    public void AddRange(IEnumerable<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Add(secret);
        }
    }

    /// <summary>Whether UTF-8 <paramref name="text"/> holds a secret, so that byte output needs <see cref="Redact"/> at all.</summary>
    public bool ContainsSecret(ReadOnlySpan<byte> text)
    {
        foreach (var secret in _utf8)
        {
            if (text.IndexOf(secret) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public string Redact(string text)
    {
        foreach (var secret in _ordered)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
