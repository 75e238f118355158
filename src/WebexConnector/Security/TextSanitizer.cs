using System.Text;

namespace WebexConnector.Security;

/// <summary>
/// Makes text from a remote server safe to put in a one-line message: no control or invisible formatting
/// characters (such as right-to-left overrides), whitespace folded, bounded length. Secrets are redacted first
/// (with <see cref="Security.SecretRedactor.Current"/>): cutting or folding could split a secret so that the output
/// redaction no longer sees it whole.
/// </summary>
internal static class TextSanitizer
{
    public const int MaxExcerptLength = 200;

    /// <summary>Input echoed back in a message or a document (an identifier, an asset id, a value) is cut here.</summary>
    public const int MaxEchoLength = 128;

    /// <summary>
    /// A caller's value as it may be echoed: cleaned and shortened like remote text, since it may carry terminal
    /// control sequences, forged log lines or megabytes.
    /// </summary>
    public static string Echo(string value) => Excerpt(value, MaxEchoLength);

    public static string Excerpt(string text, int maxLength = MaxExcerptLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Security.SecretRedactor.Current?.Redact(text) ?? text;
        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && (lastWasSpace || builder.Length == 0))
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
            if (builder.Length > maxLength)
            {
                // Never cut a surrogate pair (an emoji) in half.
                var cut = char.IsHighSurrogate(builder[maxLength - 1]) ? maxLength - 1 : maxLength;
                return builder.ToString(0, cut).TrimEnd() + "…";
            }
        }

        return builder.ToString().TrimEnd();
    }
}
