namespace WebexConnector.Actions;

/// <summary>
/// Parameters that exclude each other, e.g. <c>person_id</c> or <c>person_email</c>: at most one may be given,
/// and with <see cref="Required"/> exactly one.
/// </summary>
internal sealed record ParameterChoice(IReadOnlyList<string> Names, bool Required)
{
    /// <summary>How the rule reads in messages and docs, e.g. <c>exactly one of person_id, person_email</c>.</summary>
    public string Describe() => $"{(Required ? "exactly" : "at most")} one of {string.Join(", ", Names)}";
}
