using System.Text;
using System.Text.Json;
using WebexConnector.Security;

namespace WebexConnector.Tests.Security;

/// <summary>The CLI's stdout and stderr: a StreamWriter (AutoFlush) over a <see cref="RedactingStream"/>, as here.</summary>
public class RedactingStreamTests
{
    private const string Secret = "PAT-writer-SECRET-5e6f7a";

    [Test]
    public void WriteLine_SecretInOneCall_IsMasked()
    {
        var (inner, writer) = Create();
        using (writer)
        {
            writer.WriteLine($"token {Secret}");
        }

        Assert.That(Text(inner), Is.EqualTo($"token {SecretRedactor.Mask}{Environment.NewLine}"));
    }

    [Test]
    public void Write_SecretSplitOverSeveralStringWritesInOneLine_IsMasked()
    {
        var (inner, writer) = Create();
        using (writer)
        {
            writer.Write("Authorization: Bearer ");
            writer.Write(Secret[..7]);
            writer.Write(Secret[7..15]);
            writer.Write(Secret[15..]);
            writer.WriteLine(" sent");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(inner), Does.Not.Contain(Secret[..7] + Secret[7..15]));
            Assert.That(Text(inner), Is.EqualTo($"Authorization: Bearer {SecretRedactor.Mask} sent{Environment.NewLine}"));
        }
    }

    [Test]
    public void Write_SecretSplitOverCharWrites_IsMasked()
    {
        var (inner, writer) = Create();
        using (writer)
        {
            foreach (var c in $"x={Secret}\n")
            {
                writer.Write(c);
            }
        }

        Assert.That(Text(inner), Is.EqualTo($"x={SecretRedactor.Mask}\n"));
    }

    [Test]
    public void Write_SecretStartingAfterNewlineInSameWrite_IsMasked()
    {
        var (inner, writer) = Create();
        using (writer)
        {
            // The first write ends one line and starts the next; the secret is completed by the second write.
            writer.Write($"line one\nBearer {Secret[..10]}");
            writer.Write($"{Secret[10..]} line two\n");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(inner), Does.Not.Contain(Secret[..10]));
            Assert.That(Text(inner), Is.EqualTo($"line one\nBearer {SecretRedactor.Mask} line two\n"));
        }
    }

    [Test]
    public void Flush_PendingTextWithoutNewline_IsHeldUntilDisposeThenWrittenMasked()
    {
        var (inner, writer) = Create();
        writer.Write($"partial {Secret[..10]}");
        writer.Flush();
        var afterFlush = Text(inner);
        writer.Write(Secret[10..]);
        writer.Dispose();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterFlush, Is.Empty, "an unfinished line may be an unfinished secret");
            Assert.That(Text(inner), Is.EqualTo($"partial {SecretRedactor.Mask}"));
        }
    }

    [Test]
    public void Dispose_PendingText_IsFlushedMasked()
    {
        var (inner, writer) = Create();
        writer.Write($"last words {Secret}");
        writer.Dispose();

        Assert.That(Text(inner), Is.EqualTo($"last words {SecretRedactor.Mask}"));
    }

    [Test]
    public void Write_SecretRegisteredAfterStreamCreated_IsMasked()
    {
        var redactor = new SecretRedactor();
        using var inner = new MemoryStream();
        using (var writer = new StreamWriter(new RedactingStream(inner, redactor)) { AutoFlush = true })
        {
            redactor.Add("late-secret-value");
            writer.WriteLine("value late-secret-value");
        }

        Assert.That(Text(inner), Does.Not.Contain("late-secret-value"));
    }

    [Test]
    public void Write_JsonDocumentFromUtf8JsonWriter_IsMaskedAndOtherTextKeptByteForByte()
    {
        var redactor = new SecretRedactor();
        redactor.Add(Secret);
        using var inner = new MemoryStream();
        using (var stream = new RedactingStream(inner, redactor))
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteString("message", $"héllo 👋 {Secret}");
            json.WriteString("other", "ünchanged");
            json.WriteEndObject();
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(inner), Does.Not.Contain(Secret));
            Assert.That(JsonDocument.Parse(inner.ToArray()).RootElement.GetProperty("other").GetString(), Is.EqualTo("ünchanged"));
            Assert.That(JsonDocument.Parse(inner.ToArray()).RootElement.GetProperty("message").GetString(), Is.EqualTo($"héllo 👋 {SecretRedactor.Mask}"));
        }
    }

    private static (MemoryStream Inner, StreamWriter Writer) Create()
    {
        var redactor = new SecretRedactor();
        redactor.Add(Secret);
        var inner = new MemoryStream();
        return (inner, new StreamWriter(new RedactingStream(inner, redactor), new UTF8Encoding(false)) { AutoFlush = true });
    }

    private static string Text(MemoryStream stream) => Encoding.UTF8.GetString(stream.ToArray());
}
