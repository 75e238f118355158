namespace WebexConnector.Webex;

/// <summary>A boolean query parameter as Webex documents it: <c>true</c> or <c>false</c>, or left out when unset.</summary>
internal static class QueryFlag
{
    public static string? From(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };
}
