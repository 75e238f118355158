using System.Text.Encodings.Web;
using System.Text.Json;
using WebexConnector.Results;
using WebexConnector.Security;

namespace WebexConnector.Tests.Security;

public class SecretRedactorTests
{
    private const string Secret = "NmQ4ZjE5MjMtYjYx_PF84_consumer";

    // Characters that JSON escaping and URL encoding both change.
    private const string AwkwardSecret = "pa\"ss+wo/rd<&>=Ünï 42";

    [Test]
    public void Redact_SecretAsIs_IsMasked()
    {
        var redactor = Redactor(Secret);

        Assert.That(redactor.Redact($"Authorization: Bearer {Secret}, again {Secret}."),
            Is.EqualTo($"Authorization: Bearer {SecretRedactor.Mask}, again {SecretRedactor.Mask}."));
    }

    [Test]
    public void Redact_SecretWrittenByDefaultJsonSerializer_IsMasked()
    {
        var redactor = Redactor(AwkwardSecret);
        var json = JsonSerializer.Serialize(new { token = AwkwardSecret });

        var redacted = redactor.Redact(json);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json, Does.Not.Contain(AwkwardSecret), "the test needs a secret that JSON escaping changes");
            Assert.That(redacted, Is.EqualTo($$"""{"token":"{{SecretRedactor.Mask}}"}"""));
        }
    }

    [Test]
    public void Redact_SecretWrittenByOutputJsonWriter_IsMasked()
    {
        var redactor = Redactor(AwkwardSecret);
        var json = OutputJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("message", AwkwardSecret);
            writer.WriteEndObject();
        });

        Assert.That(redactor.Redact(json), Does.Not.Contain("pa").And.Contain(SecretRedactor.Mask));
    }

    [Test]
    public void Redact_SecretWrittenWithRelaxedJsonEscaping_IsMasked()
    {
        var redactor = Redactor(AwkwardSecret);
        var escaped = JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(AwkwardSecret);

        Assert.That(redactor.Redact($"\"{escaped}\""), Is.EqualTo($"\"{SecretRedactor.Mask}\""));
    }

    [Test]
    public void Redact_SecretUrlEncoded_IsMasked()
    {
        var redactor = Redactor(AwkwardSecret);
        var url = $"https://webexapis.com/v1/access_token?client_secret={Uri.EscapeDataString(AwkwardSecret)}&grant_type=refresh_token";

        Assert.That(redactor.Redact(url),
            Is.EqualTo($"https://webexapis.com/v1/access_token?client_secret={SecretRedactor.Mask}&grant_type=refresh_token"));
    }

    [TestCase("abcde")]
    [TestCase("a")]
    [TestCase("")]
    public void Add_ValueShorterThanSixCharacters_IsNotRegistered(string value)
    {
        var redactor = Redactor(value);

        Assert.That(redactor.Redact($"the value {value} and abcdef"), Is.EqualTo($"the value {value} and abcdef"));
    }

    [Test]
    public void Add_ValueOfSixCharacters_IsRegistered()
    {
        Assert.That(Redactor("abcdef").Redact("x abcdef y"), Is.EqualTo($"x {SecretRedactor.Mask} y"));
    }

    [Test]
    public void Add_Null_IsIgnored()
    {
        var redactor = new SecretRedactor();
        redactor.Add(null);

        Assert.That(redactor.Redact("nothing to hide"), Is.EqualTo("nothing to hide"));
    }

    [TestCase(false, TestName = "Redact_SecretContainingAnotherAddedFirst_MasksLongestWhole")]
    [TestCase(true, TestName = "Redact_SecretContainingAnotherAddedLast_MasksLongestWhole")]
    public void Redact_SecretContainingAnother_MasksLongestWhole(bool longFirst)
    {
        const string shortSecret = "SECRET-123";
        const string longSecret = "SECRET-123-REFRESH-456";
        var redactor = longFirst ? Redactor(longSecret, shortSecret) : Redactor(shortSecret, longSecret);

        Assert.That(redactor.Redact($"a={longSecret} b={shortSecret}"), Is.EqualTo($"a={SecretRedactor.Mask} b={SecretRedactor.Mask}"));
    }

    [Test]
    public void AddRange_SeveralSecrets_MasksEach()
    {
        var redactor = new SecretRedactor();
        redactor.AddRange(["access-token-1", "refresh-token-2"]);

        Assert.That(redactor.Redact("access-token-1 refresh-token-2"), Is.EqualTo($"{SecretRedactor.Mask} {SecretRedactor.Mask}"));
    }

    [Test]
    public void Redact_NoSecretRegistered_ReturnsTextUnchanged()
    {
        Assert.That(new SecretRedactor().Redact("Total rooms: 2"), Is.EqualTo("Total rooms: 2"));
    }

    private static SecretRedactor Redactor(params string[] secrets)
    {
        var redactor = new SecretRedactor();
        foreach (var secret in secrets)
        {
            redactor.Add(secret);
        }

        return redactor;
    }
}
