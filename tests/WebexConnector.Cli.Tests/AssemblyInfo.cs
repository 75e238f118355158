using System.Diagnostics.CodeAnalysis;

// Every test owns its fake server and temp directories, so test cases may run in parallel;
// one fixture instance per test case keeps their fields apart.
[assembly: FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
[assembly: Parallelizable(ParallelScope.Fixtures)]

// Many tests mostly wait (retry backoffs, Retry-After, timeouts, a browser that never comes), so more workers
// than cores keep the suite's wall time down; the CLI processes themselves are short.
[assembly: LevelOfParallelism(4)]

// Test names follow Method_Scenario_Outcome, which CA1707 (no underscores in identifiers) forbids;
// the rule is meant for public library APIs, not test methods.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores",
    Justification = "NUnit test names follow Method_Scenario_Outcome.",
    Scope = "namespaceanddescendants", Target = "~N:WebexConnector.Cli.Tests")]
