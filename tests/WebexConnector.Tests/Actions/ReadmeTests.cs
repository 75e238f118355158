using WebexConnector.Actions;

namespace WebexConnector.Tests.Actions;

/// <summary>The README's action tables are the generated ones: never edited by hand beside the definitions.</summary>
public class ReadmeTests
{
    [Test]
    public void Readme_ActionTables_MatchTheDefinitions()
    {
        var path = Path.Combine(RepositoryRoot(), "README.md");
        var readme = File.ReadAllText(path).ReplaceLineEndings("\n");
        var begin = readme.IndexOf(ActionCatalogMarkdown.BeginMarker, StringComparison.Ordinal);
        var end = readme.IndexOf(ActionCatalogMarkdown.EndMarker, StringComparison.Ordinal);
        Assert.That(begin, Is.GreaterThanOrEqualTo(0).And.LessThan(end), "README.md lacks the actions markers.");

        var generated = "\n" + ActionCatalogMarkdown.Write(ActionCatalog.All).ReplaceLineEndings("\n");
        var current = readme[(begin + ActionCatalogMarkdown.BeginMarker.Length)..end];
        if (current != generated && Environment.GetEnvironmentVariable("UPDATE_README") == "1")
        {
            File.WriteAllText(path, readme[..(begin + ActionCatalogMarkdown.BeginMarker.Length)] + generated + readme[end..]);
            Assert.Inconclusive("README.md was regenerated; review and commit it.");
        }

        Assert.That(current, Is.EqualTo(generated), "README.md's action tables are stale: run `UPDATE_README=1 ./test.sh --filter ReadmeTests`.");
    }

    [Test]
    public void Write_EveryAction_HasARowWithItsCallAndScopes()
    {
        var markdown = ActionCatalogMarkdown.Write(ActionCatalog.All);

        using (Assert.EnterMultipleScope())
        {
            foreach (var action in ActionCatalog.All)
            {
                Assert.That(markdown, Does.Contain($"| `{action.Identifier}` |"), action.Identifier);
                Assert.That(markdown, Does.Contain($"`{action.WebexCall}`"), action.Identifier);
                foreach (var scope in action.RequiredScopes)
                {
                    Assert.That(markdown, Does.Contain($"`{scope}`"), action.Identifier);
                }

                foreach (var parameter in action.Parameters)
                {
                    Assert.That(markdown, Does.Contain($"| {action.Identifier} | `{parameter.Name}` |"), $"{action.Identifier}.{parameter.Name}");
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WebexConnector.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("WebexConnector.sln not found above the test directory.");
    }
}
