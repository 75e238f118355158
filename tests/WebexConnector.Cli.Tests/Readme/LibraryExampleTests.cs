namespace WebexConnector.Cli.Tests.Readme;

/// <summary>The README's library example is this project's code, and it works against a Webex server.</summary>
public sealed class LibraryExampleTests : CliTestBase
{
    [Test]
    public async Task ListRoomsAsync_AgainstTheFakeWebex_ListsTheGroupRooms()
    {
        var rooms = Server.AddRooms(3);

        var result = await LibraryExample.ListRoomsAsync(Pat, Server.BaseUrl);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), () => result.Results.Count > 0 ? result.Results[0].Message : result.Message);
            Assert.That(result.Results.Single().Data.Select(r => r.GetProperty("id").GetString()), Is.EqualTo(rooms.Select(r => Str(r["id"]))));
            Assert.That(Server.RequestsTo("GET", "/v1/rooms").Single().QueryValue("type"), Is.EqualTo("group"));
        }
    }

    [Test]
    public void Readme_UseAsALibrary_ShowsTheExampleVerbatim()
    {
        var example = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "WebexConnector.Cli.Tests", "Readme", "LibraryExample.cs"));
        var start = example.IndexOf("// <readme>", StringComparison.Ordinal);
        var end = example.IndexOf("// </readme>", StringComparison.Ordinal);
        var code = Dedent(example[(start + "// <readme>".Length)..end]);
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");

        Assert.That(readme, Does.Contain("## Use as a library"));
        Assert.That(readme, Does.Contain("```csharp\n" + code + "```"), "README's example is LibraryExample.ListRoomsAsync, verbatim (4 spaces of indentation removed)");
    }

    private static string Dedent(string code) =>
        string.Concat(code.ReplaceLineEndings("\n").Split('\n')
            .SkipWhile(string.IsNullOrWhiteSpace).Reverse().SkipWhile(string.IsNullOrWhiteSpace).Reverse()
            .Select(line => (line.StartsWith("    ", StringComparison.Ordinal) ? line[4..] : line).TrimEnd() + "\n"));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var i = 0; i < 10 && directory is not null; i++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WebexConnector.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("WebexConnector.sln not found above " + AppContext.BaseDirectory);
    }
}
