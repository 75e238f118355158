using WebexConnector.Security;

namespace WebexConnector.Tests.Security;

public class TextSanitizerTests
{
    [Test]
    public void Excerpt_ControlCharacters_AreRemoved()
    {
        var excerpt = TextSanitizer.Excerpt("bad\u0000gate\u0007way\u001b[31m red\u007f!");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(excerpt.Any(char.IsControl), Is.False, excerpt);
            Assert.That(excerpt, Does.Contain("bad").And.Contain("gate").And.Contain("way").And.Contain("red"));
        }
    }

    [Test]
    public void Excerpt_NewlinesTabsAndRunsOfSpaces_AreFoldedIntoSingleSpaces()
    {
        var excerpt = TextSanitizer.Excerpt("  <html>\r\n\t<body>\n\n   502   Bad\u2028Gateway  </body>\r\n</html>\n");

        Assert.That(excerpt, Is.EqualTo("<html> <body> 502 Bad Gateway </body> </html>"));
    }

    [Test]
    public void Excerpt_ShortText_IsUnchanged()
    {
        Assert.That(TextSanitizer.Excerpt("The requested resource could not be found."), Is.EqualTo("The requested resource could not be found."));
    }

    [Test]
    public void Excerpt_LongText_IsBoundedAndEndsWithEllipsis()
    {
        var excerpt = TextSanitizer.Excerpt(new string('x', 5000));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(excerpt, Has.Length.LessThanOrEqualTo(TextSanitizer.MaxExcerptLength + 1));
            Assert.That(excerpt, Does.EndWith("…"));
            Assert.That(excerpt, Does.StartWith(new string('x', 100)));
        }
    }

    [Test]
    public void Excerpt_TextOfExactlyMaximumLength_HasNoEllipsis()
    {
        var text = new string('y', TextSanitizer.MaxExcerptLength);

        Assert.That(TextSanitizer.Excerpt(text), Is.EqualTo(text));
    }

    [Test]
    public void Excerpt_CustomMaximum_IsRespected()
    {
        Assert.That(TextSanitizer.Excerpt("abcdefghijklmnopqrstuvwxyz", 10), Is.EqualTo("abcdefghij…"));
    }

    [Test]
    public void Excerpt_EmptyOrWhitespaceOnly_IsEmpty()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TextSanitizer.Excerpt(string.Empty), Is.Empty);
            Assert.That(TextSanitizer.Excerpt(" \r\n\t "), Is.Empty);
        }
    }

    [Test]
    public void Excerpt_CutInsideSurrogatePair_DoesNotLeaveHalfACharacter()
    {
        // 199 letters, then an emoji (two UTF-16 units) straddling the 200-character bound.
        var excerpt = TextSanitizer.Excerpt(new string('a', TextSanitizer.MaxExcerptLength - 1) + "😀 and more text");

        Assert.That(excerpt.Any(char.IsSurrogate) && !HasOnlyWholeSurrogatePairs(excerpt), Is.False,
            "the excerpt ends with a lone high surrogate, which is not valid UTF-16 and cannot be written as UTF-8 JSON");
    }

    private static bool HasOnlyWholeSurrogatePairs(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
