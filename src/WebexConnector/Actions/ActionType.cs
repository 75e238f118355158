namespace WebexConnector.Actions;

/// <summary>The SOAR manifest's action <c>type</c>.</summary>
internal enum ActionType
{
    Test,
    Investigate,
    Generic,
    Contain,
    Correct,
}
