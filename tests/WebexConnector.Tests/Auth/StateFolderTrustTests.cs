using System.Diagnostics;
using WebexConnector.Auth;

namespace WebexConnector.Tests.Auth;

[Platform(Exclude = "Win")]
public class StateFolderTrustTests
{
    private string _root = string.Empty;

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("webex-trust-").FullName;

    [TearDown]
    public void DeleteRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Check_PrivateFolderOfThisUser_Passes()
    {
        Assert.That(() => StateFolderTrust.Check(_root), Throws.Nothing);
    }

    [TestCase(0x1F8, "770")] // 0770: the group may write
    [TestCase(0x1C2, "702")] // 0702: others may write
    public void Check_FolderWritableByOthers_IsRefusedWithItsMode(int mode, string octal)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(_root, (UnixFileMode)mode);

        Assert.That(() => StateFolderTrust.Check(_root),
            Throws.TypeOf<StateFolderException>().With.Message.Contains($"(mode {octal})").And.Message.Contains("chmod 700"));
    }

    [Test]
    public void Check_FolderOfAnotherUser_IsRefused()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Assert.Ignore("Giving a folder to another user needs root.");
        }

        using (var chown = Process.Start(new ProcessStartInfo("chown", ["65534", _root]) { UseShellExecute = false })!)
        {
            chown.WaitForExit(10_000);
            Assert.That(chown.ExitCode, Is.Zero, "chown");
        }

        Assert.That(() => StateFolderTrust.Check(_root), Throws.TypeOf<StateFolderException>().With.Message.Contains("belongs to another user"));
    }

    [Test]
    public void RefuseLink_SymbolicLink_IsRefused()
    {
        var link = Path.Combine(_root, "asset_state.json");
        File.CreateSymbolicLink(link, Path.Combine(_root, "target"));

        Assert.That(() => StateFolderTrust.RefuseLink(link), Throws.TypeOf<StateFolderException>().With.Message.Contains("symbolic link"));
    }
}
