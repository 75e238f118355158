using System.Text;
using System.Text.Json;
using WebexConnector.Runs;

namespace WebexConnector.Tests.Runs;

public class ConnectorRunDocumentTests
{
    [Test]
    public void Parse_ContractExample_ReadsEveryPart()
    {
        var run = Parse("""
            {
              "identifier": "send_message",
              "action": "send message",
              "asset_id": "webex-prod",
              "config": { "authorization_key": "PAT-doc-SECRET-abcdef" },
              "parameters": [
                { "endpoint_id": "Y2lz...", "destination_type": "room", "message": "hello room" },
                { "endpoint_id": "julie@example.com", "destination_type": "email", "message": "hello julie", "context": {"guid": "g"} }
              ]
            }
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Identifier, Is.EqualTo("send_message"));
            Assert.That(run.Action, Is.EqualTo("send message"));
            Assert.That(run.AssetId, Is.EqualTo("webex-prod"));
            Assert.That(run.Config.GetProperty("authorization_key").GetString(), Is.EqualTo("PAT-doc-SECRET-abcdef"));
            Assert.That(run.Parameters, Has.Count.EqualTo(2));
            Assert.That(run.Parameters[1].GetProperty("message").GetString(), Is.EqualTo("hello julie"));
        }
    }

    [Test]
    public void Parse_MinimalDocument_AppliesDefaults()
    {
        var run = Parse("""{"identifier": "test_connectivity"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Action, Is.Null);
            Assert.That(run.AssetId, Is.EqualTo("default"));
            Assert.That(run.Config.ValueKind, Is.EqualTo(JsonValueKind.Object));
            Assert.That(run.Config.EnumerateObject().Count(), Is.Zero);
            Assert.That(run.Parameters, Is.Empty);
        }
    }

    [Test]
    public void Parse_NullAssetIdParametersAndConfig_AreDefaults()
    {
        var run = Parse("""{"identifier": "list_rooms", "asset_id": null, "parameters": null, "config": null, "action": null}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.AssetId, Is.EqualTo("default"));
            Assert.That(run.Parameters, Is.Empty);
            Assert.That(run.Config.ValueKind, Is.EqualTo(JsonValueKind.Object));
        }
    }

    [Test]
    public void Parse_UnknownTopLevelKeys_AreIgnored()
    {
        var run = Parse("""
            {"identifier": "list_rooms", "container_id": 12, "app_run_id": 7, "connector_run_id": 99, "debug_level": 3,
             "environment_variables": {"HTTP_PROXY": {"type": "string", "value": ""}}, "dec_key": "x", "main_module": "webex_connector.py",
             "parameters": [{"limit": 5}]}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Identifier, Is.EqualTo("list_rooms"));
            Assert.That(run.Parameters, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public void Parse_AnyDocument_IgnoresUnknownConfigKeysUnlessTypos()
    {
        Assert.That(Parse("""{"identifier": "list_rooms"}""").UnknownConfigKeys, Is.EqualTo(WebexConnector.Configuration.UnknownKeyPolicy.IgnoreAllButTypos));
    }

    [TestCase("""{"identifier": "list_rooms", "config": {"scope": "a\ud800b"}}""")]
    [TestCase("""{"identifier": "list_rooms", "parameters": [{"team_id": "\udc00"}]}""")]
    [TestCase("""{"identifier": "list_rooms", "context": {"\ud83d": 1}}""")]
    public void Parse_LoneSurrogateAnywhere_ThrowsNotValidUnicode(string json)
    {
        Assert.That(() => Parse(json), Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("not valid Unicode"));
    }

    [Test]
    public void Parse_Utf8ByteOrderMark_IsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"identifier": "list_rooms"}""")).ToArray();

        Assert.That(ConnectorRunDocument.Parse(bytes).Identifier, Is.EqualTo("list_rooms"));
    }

    [TestCase("", TestName = "Parse_EmptyInput_ThrowsInvocationException")]
    [TestCase("identifier=list_rooms", TestName = "Parse_NotJson_ThrowsInvocationException")]
    [TestCase("""{"identifier": "list_rooms" """, TestName = "Parse_TruncatedJson_ThrowsInvocationException")]
    [TestCase("""{"identifier": "list_rooms"} {}""", TestName = "Parse_TwoDocuments_ThrowsInvocationException")]
    [TestCase("""{"identifier": 'list_rooms'}""", TestName = "Parse_SingleQuotes_ThrowsInvocationException")]
    public void Parse_UnreadableJson_ThrowsInvocationException(string text)
    {
        Assert.That(() => Parse(text), Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("JSON"));
    }

    [TestCase("[]")]
    [TestCase("\"list_rooms\"")]
    [TestCase("42")]
    [TestCase("null")]
    public void Parse_NotAnObject_ThrowsInvocationException(string text)
    {
        Assert.That(() => Parse(text), Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("object"));
    }

    [TestCase("""{"action": "list rooms"}""", TestName = "Parse_MissingIdentifier_ThrowsNamingIdentifier")]
    [TestCase("""{"identifier": ""}""", TestName = "Parse_EmptyIdentifier_ThrowsNamingIdentifier")]
    [TestCase("""{"identifier": null}""", TestName = "Parse_NullIdentifier_ThrowsNamingIdentifier")]
    [TestCase("""{"identifier": 5}""", TestName = "Parse_NumericIdentifier_ThrowsNamingIdentifier")]
    [TestCase("""{"identifier": ["list_rooms"]}""", TestName = "Parse_ListIdentifier_ThrowsNamingIdentifier")]
    public void Parse_BadIdentifier_ThrowsNamingIdentifier(string text)
    {
        Assert.That(() => Parse(text), Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("identifier"));
    }

    [TestCase("""{"identifier": "list_rooms", "asset_id": 7}""", "asset_id", TestName = "Parse_NumericAssetId_ThrowsNamingAssetId")]
    [TestCase("""{"identifier": "list_rooms", "action": {"name": "x"}}""", "action", TestName = "Parse_ObjectAction_ThrowsNamingAction")]
    [TestCase("""{"identifier": "list_rooms", "config": "PAT"}""", "config", TestName = "Parse_StringConfig_ThrowsNamingConfig")]
    [TestCase("""{"identifier": "list_rooms", "config": []}""", "config", TestName = "Parse_ListConfig_ThrowsNamingConfig")]
    [TestCase("""{"identifier": "list_rooms", "parameters": {"limit": 5}}""", "parameters", TestName = "Parse_ParametersObject_ThrowsNamingParameters")]
    [TestCase("""{"identifier": "list_rooms", "parameters": "limit=5"}""", "parameters", TestName = "Parse_ParametersString_ThrowsNamingParameters")]
    [TestCase("""{"identifier": "list_rooms", "parameters": [{"limit": 5}, 5]}""", "parameters[1]", TestName = "Parse_ParameterEntryNumber_ThrowsNamingEntry")]
    [TestCase("""{"identifier": "list_rooms", "parameters": [null]}""", "parameters[0]", TestName = "Parse_ParameterEntryNull_ThrowsNamingEntry")]
    [TestCase("""{"identifier": "list_rooms", "parameters": [[{"limit": 5}]]}""", "parameters[0]", TestName = "Parse_ParameterEntryList_ThrowsNamingEntry")]
    public void Parse_WrongShape_ThrowsNamingKey(string text, string key)
    {
        Assert.That(() => Parse(text), Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains(key));
    }

    [Test]
    public void Parse_DocumentOverSizeBound_ThrowsInvocationException()
    {
        var prefix = Encoding.UTF8.GetBytes("""{"identifier": "list_rooms", "pad": " """);
        var bytes = new byte[ConnectorRunDocument.MaxBytes + 1];
        bytes.AsSpan().Fill((byte)' ');
        prefix.CopyTo(bytes, 0);
        bytes[^2] = (byte)'"';
        bytes[^1] = (byte)'}';

        Assert.That(() => ConnectorRunDocument.Parse(bytes), Throws.TypeOf<ConnectorInvocationException>().With.Message.Contains("larger"));
    }

    [Test]
    public void Parse_DeeplyNestedDocument_ThrowsInvocationException()
    {
        var text = """{"identifier": "list_rooms", "x": """ + new string('[', 200) + new string(']', 200) + "}";

        Assert.That(() => Parse(text), Throws.TypeOf<ConnectorInvocationException>());
    }

    [TestCase(new byte[] { 0xFF }, TestName = "Parse_InvalidUtf8InIdentifier_ThrowsInvocationException")]
    [TestCase(new byte[] { 0xC3 }, TestName = "Parse_TruncatedUtf8SequenceInIdentifier_ThrowsInvocationException")]
    [TestCase(new byte[] { 0xC0, 0xAF }, TestName = "Parse_OverlongUtf8InIdentifier_ThrowsInvocationException")]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 }, TestName = "Parse_EncodedSurrogateInIdentifier_ThrowsInvocationException")]
    public void Parse_InvalidUtf8InIdentifier_ThrowsInvocationException(byte[] bad)
    {
        var bytes = Join("{\"identifier\": \"list", bad, "_rooms\"}");

        Assert.That(() => ConnectorRunDocument.Parse(bytes), Throws.TypeOf<ConnectorInvocationException>());
    }

    [Test]
    public void Parse_InvalidUtf8InParameterValue_ThrowsInvocationException()
    {
        var bytes = Join("{\"identifier\": \"get_user\", \"parameters\": [{\"email_address\": \"a", [0xFF, 0xFE], "@example.com\"}]}");

        Assert.That(() => ConnectorRunDocument.Parse(bytes), Throws.TypeOf<ConnectorInvocationException>());
    }

    [Test]
    public void Parse_InvalidUtf8InUnknownKey_ThrowsInvocationException()
    {
        var bytes = Join("{\"identifier\": \"get_user\", \"x", [0x80], "\": 1}");

        Assert.That(() => ConnectorRunDocument.Parse(bytes), Throws.TypeOf<ConnectorInvocationException>());
    }

    [Test]
    public void Parse_InvalidUtf8OutsideStrings_ThrowsInvocationException()
    {
        var bytes = Join("""{"identifier": "get_user"}""", [0xFF]);

        Assert.That(() => ConnectorRunDocument.Parse(bytes), Throws.TypeOf<ConnectorInvocationException>());
    }

    private static ConnectorRun Parse(string text) => ConnectorRunDocument.Parse(Encoding.UTF8.GetBytes(text));

    private static byte[] Join(string before, byte[] bad, string after = "") =>
        [.. Encoding.UTF8.GetBytes(before), .. bad, .. Encoding.UTF8.GetBytes(after)];
}
