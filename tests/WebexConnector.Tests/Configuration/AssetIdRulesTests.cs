using WebexConnector.Configuration;

namespace WebexConnector.Tests.Configuration;

public class AssetIdRulesTests
{
    [TestCase("default")]
    [TestCase("webex-prod")]
    [TestCase("Webex_Prod.2")]
    [TestCase("a")]
    [TestCase("0")]
    public void IsValid_AllowedCharacters_IsTrue(string id)
    {
        Assert.That(AssetIdRules.IsValid(id), Is.True);
    }

    [Test]
    public void IsValid_128Characters_IsTrue()
    {
        Assert.That(AssetIdRules.IsValid(new string('a', 128)), Is.True);
    }

    [TestCase("../x")]
    [TestCase("/")]
    [TestCase("")]
    [TestCase("a b")]
    [TestCase("a/b")]
    [TestCase("a\\b")]
    [TestCase("ässet")]
    [TestCase("资产")]
    [TestCase("a\u0000b")]
    [TestCase("x:y")]
    [TestCase("~")]
    public void IsValid_ForbiddenCharacters_IsFalse(string id)
    {
        Assert.That(AssetIdRules.IsValid(id), Is.False);
    }

    [Test]
    public void IsValid_129Characters_IsFalse()
    {
        Assert.That(AssetIdRules.IsValid(new string('a', 129)), Is.False);
    }

    [Test]
    public void IsValid_Null_IsFalse()
    {
        Assert.That(AssetIdRules.IsValid(null), Is.False);
    }

    [TestCase("webex-prod\n")]
    [TestCase("webex-prod\r\n")]
    public void IsValid_TrailingLineBreak_IsFalse(string id)
    {
        Assert.That(AssetIdRules.IsValid(id), Is.False, "a line break would end up in the state file's name");
    }

    [Test]
    public void Validate_ValidId_ReturnsIt()
    {
        Assert.That(AssetIdRules.Validate("webex-prod"), Is.EqualTo("webex-prod"));
    }

    [TestCase("../x")]
    [TestCase("")]
    [TestCase(null)]
    public void Validate_InvalidId_ThrowsInvocationExceptionNamingAssetId(string? id)
    {
        Assert.That(() => AssetIdRules.Validate(id), Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("asset_id"));
    }
}
