using System.Diagnostics.CodeAnalysis;

// Tests share no state: each one builds its own fake Webex handler, redactor and runner.
[assembly: Parallelizable(ParallelScope.Fixtures)]

// Test names follow Method_Scenario_Outcome, which CA1707 (no underscores in identifiers) forbids;
// the rule is meant for public library APIs, not test methods.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores",
    Justification = "NUnit test names follow Method_Scenario_Outcome.",
    Scope = "namespaceanddescendants", Target = "~N:WebexConnector.Tests")]
