using WebexConnector.Security;

namespace WebexConnector.Tests.Security;

/// <summary>An excerpt never shows part of a secret: the text is redacted before it is cut or cleaned.</summary>
public class TextSanitizerRedactionTests
{
    private const string Secret = "PAT-unit-SECRET-5d8e1f2a3b4c";

    [Test]
    public void Excerpt_SecretStraddlingTheCut_IsRedactedBeforeTheCut()
    {
        var redactor = new SecretRedactor();
        redactor.Add(Secret);
        redactor.MakeCurrent();

        var excerpt = TextSanitizer.Excerpt(new string('x', 190) + Secret);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(excerpt, Does.Not.Contain(Secret[..6]), "not even the secret's first characters");
            Assert.That(excerpt, Does.Contain(SecretRedactor.Mask[..5]));
        }
    }

    [Test]
    public void Excerpt_SecretWithWhitespaceThatCleaningWouldFold_IsRedactedBeforeCleaning()
    {
        const string spaced = "SECRET  with\ttabs-123";
        var redactor = new SecretRedactor();
        redactor.Add(spaced);
        redactor.MakeCurrent();

        var excerpt = TextSanitizer.Excerpt("body: " + spaced);

        Assert.That(excerpt, Is.EqualTo("body: " + SecretRedactor.Mask));
    }

    [Test]
    public async Task Excerpt_InAnotherAsyncFlow_UsesThatFlowsRedactor()
    {
        var redactor = new SecretRedactor();
        redactor.Add(Secret);
        redactor.MakeCurrent();

        var other = await Task.Run(() =>
        {
            new SecretRedactor().MakeCurrent();
            return TextSanitizer.Excerpt(Secret);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(other, Is.EqualTo(Secret), "a run with its own redactor does not know this run's secrets");
            Assert.That(TextSanitizer.Excerpt(Secret), Is.EqualTo(SecretRedactor.Mask), "this flow keeps its redactor");
        }
    }
}
