using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>
/// The state file through the real CLI: a stored pair belongs to one integration at one origin, the state folder must
/// be private, links in it are never followed, and an unusable folder is found before a person is asked to authorize.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class StateFileTrustTests : OAuthTestBase
{
    [Test]
    public async Task ListRooms_SameAssetIdOtherOrigin_FailsNamingTheOwnerAndSendsNoToken()
    {
        var prod = Path.Combine(Cli.WorkDir, "prod");
        var lab = Path.Combine(Cli.WorkDir, "lab");
        Directory.CreateDirectory(prod);
        Directory.CreateDirectory(lab);
        await AuthorizeAsync(Cli.WriteAssetConfig(OAuthAsset(), "prod/asset.json"));
        var issued = Tokens.Latest;
        var before = Server.Requests.Count;
        var labConfig = OAuthAsset(authTimeoutSeconds: 2);
        labConfig["base_url"] = Server.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal); // the same server, another origin

        var result = await Cli.RunAsync("list-rooms", "--asset", Cli.WriteAssetConfig(labConfig, "lab/asset.json"));

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain($"belongs to client id {ClientId} at http://127.0.0.1:").And.Contain("not to this asset's integration"));
            Assert.That(Server.Requests.Skip(before), Is.Empty, "neither the access nor the refresh token went to the other origin");
            Assert.That(File.ReadAllText(StateFile(assetId: "asset")), Does.Contain(issued.RefreshToken), "prod's pair is left as it was");
            AssertNoBrowserPrompt(result);
        }
    }

    [Test]
    public async Task TestConnectivity_PairOfAnotherOriginStored_SaysWhosePairItReplacesThenAuthorizes()
    {
        Directory.CreateDirectory(Path.Combine(Cli.WorkDir, "prod"));
        Directory.CreateDirectory(Path.Combine(Cli.WorkDir, "lab"));
        await AuthorizeAsync(Cli.WriteAssetConfig(OAuthAsset(), "prod/asset.json"));
        var labConfig = OAuthAsset();
        labConfig["base_url"] = Server.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        await using var process = Cli.Start(["test-connectivity", "--asset", Cli.WriteAssetConfig(labConfig, "lab/asset.json")]);
        var request = await ReadAuthorizeUrlAsync(process);
        await ConsentAsync(request);
        var result = await process.WaitForExitAsync();

        AssertSucceeded(result);
        var notice = result.Stderr.Split('\n').ToList();
        var noticeAt = notice.FindIndex(l => l.Contains("The token pair stored for this asset belongs to client id", StringComparison.Ordinal));
        var promptAt = notice.FindIndex(l => l.StartsWith("Open this URL", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(noticeAt, Is.GreaterThanOrEqualTo(0).And.LessThan(promptAt), "said before the authorization");
            Assert.That(notice[noticeAt], Does.Contain("replaces it"));
            Assert.That(JsonNode.Parse(File.ReadAllText(StateFile(assetId: "asset")))?["origin"]?.GetValue<string>(), Does.StartWith("http://localhost:"));
        }
    }

    [Test]
    public async Task TestConnectivity_StateDirIsAFile_FailsBeforeAnyAuthorizationUrl()
    {
        var file = Cli.WriteFile("not-a-folder", "x");

        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(OAuthAsset(authTimeoutSeconds: 2)), "--state-dir", file);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(AssertActionFailed(result), Does.Contain("is a file, not a folder"));
            AssertNoBrowserPrompt(result);
        }
    }

    [Test]
    [Platform(Exclude = "Win")]
    public async Task TestConnectivity_WorldWritableStateFolder_IsRefusedNamingTheFix()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Path.Combine(Cli.Root, "shared-state");
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0x1FF); // 0777

        var result = await Cli.RunAsync("test-connectivity", "--asset", WriteAsset(OAuthAsset(authTimeoutSeconds: 2)), "--state-dir", folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(AssertActionFailed(result), Does.Contain("may be written by other users (mode 777)").And.Contain("chmod 700"));
            AssertNoBrowserPrompt(result);
        }
    }

    [Test]
    public async Task ListRooms_LockFileIsASymbolicLink_IsRefusedAndTheTargetNotCreated()
    {
        Directory.CreateDirectory(Cli.StateDir);
        var target = Path.Combine(Cli.Root, "elsewhere.txt");
        File.CreateSymbolicLink(Path.Combine(Cli.StateDir, $"{AssetId}_state.lock"), target);
        File.WriteAllText(StateFile(), new JsonObject
        {
            ["access_token"] = "ACCESS-link-SECRET-1", ["access_token_expires_at"] = "2000-01-01T00:00:00Z",
            ["refresh_token"] = "REFRESH-link-SECRET-2", ["refresh_token_expires_at"] = "2999-01-01T00:00:00Z",
            ["client_id"] = ClientId, ["origin"] = new Uri(Server.BaseUrl).GetLeftPart(UriPartial.Authority),
        }.ToJsonString());
        Cli.RegisterSecret("ACCESS-link-SECRET-1");
        Cli.RegisterSecret("REFRESH-link-SECRET-2");

        var result = await Cli.RunAsync("list-rooms", "--asset", WriteAsset(OAuthAsset(authTimeoutSeconds: 2)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(AssertActionFailed(result), Does.Contain("is a symbolic link"));
            Assert.That(File.Exists(target), Is.False, "the link's target was not created");
        }
    }
}
