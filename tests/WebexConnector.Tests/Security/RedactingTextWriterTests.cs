using WebexConnector.Security;

namespace WebexConnector.Tests.Security;

public class RedactingTextWriterTests
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

        Assert.That(inner.ToString(), Is.EqualTo($"token {SecretRedactor.Mask}{Environment.NewLine}"));
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
            Assert.That(inner.ToString(), Does.Not.Contain(Secret[..7] + Secret[7..15]));
            Assert.That(inner.ToString(), Is.EqualTo($"Authorization: Bearer {SecretRedactor.Mask} sent{Environment.NewLine}"));
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

        Assert.That(inner.ToString(), Is.EqualTo($"x={SecretRedactor.Mask}\n"));
    }

    [Test]
    public void Write_SecretSplitOverCharArrayWrites_IsMasked()
    {
        var (inner, writer) = Create();
        using (writer)
        {
            var text = $"{Secret}\n".ToCharArray();
            writer.Write(text, 0, 10);
            writer.Write(text, 10, text.Length - 10);
        }

        Assert.That(inner.ToString(), Is.EqualTo($"{SecretRedactor.Mask}\n"));
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
            Assert.That(inner.ToString(), Does.Not.Contain(Secret[..10]));
            Assert.That(inner.ToString(), Is.EqualTo($"line one\nBearer {SecretRedactor.Mask} line two\n"));
        }
    }

    [Test]
    public void Flush_PendingTextWithoutNewline_IsWrittenMasked()
    {
        var (inner, writer) = Create();
        writer.Write($"partial {Secret}");
        var beforeFlush = inner.ToString();
        writer.Flush();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeFlush, Is.Empty, "text is held until the line ends");
            Assert.That(inner.ToString(), Is.EqualTo($"partial {SecretRedactor.Mask}"));
        }

        writer.Dispose();
    }

    [Test]
    public void Dispose_PendingText_IsFlushedMasked()
    {
        var (inner, writer) = Create();
        writer.Write($"last words {Secret}");
        writer.Dispose();

        Assert.That(inner.ToString(), Is.EqualTo($"last words {SecretRedactor.Mask}"));
    }

    [Test]
    public void Write_SecretRegisteredAfterWriterCreated_IsMasked()
    {
        var redactor = new SecretRedactor();
        using var inner = new StringWriter();
        using (var writer = new RedactingTextWriter(inner, redactor))
        {
            redactor.Add("late-secret-value");
            writer.WriteLine("value late-secret-value");
        }

        Assert.That(inner.ToString(), Does.Not.Contain("late-secret-value"));
    }

    private static (StringWriter Inner, RedactingTextWriter Writer) Create()
    {
        var redactor = new SecretRedactor();
        redactor.Add(Secret);
        var inner = new StringWriter();
        return (inner, new RedactingTextWriter(inner, redactor));
    }
}
