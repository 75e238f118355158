using System.Globalization;
using WebexConnector.Security;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary>
/// The rules of <c>POST /meetings</c> that involve more than one parameter, or a limit the spec states in characters,
/// checked before anything is sent: a refused schedule costs nothing, and Webex counts failed requests against the
/// user's daily limit of scheduled meetings.
/// </summary>
internal static class ScheduleMeetingRules
{
    public const int MaxTitleCharacters = 128;

    public const int MaxAgendaCharacters = 1300;

    public const int MaxInvitees = 1000;

    private static readonly TimeSpan ShortestMeeting = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LongestMeeting = new(23, 59, 0);
    private static readonly long[] MeetingJoinMinutes = [0, 5, 10, 15];
    private static readonly long[] WebinarJoinMinutes = [0, 15, 30, 45, 60];

    /// <summary>The first broken rule as a message naming the parameters, or null.</summary>
    public static string? Check(ActionParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Length(parameters, ScheduleMeetingAction.Title, MaxTitleCharacters)
            ?? Length(parameters, ScheduleMeetingAction.Description, MaxAgendaCharacters)
            ?? Times(parameters)
            ?? AdhocRoom(parameters)
            ?? JoinBeforeHost(parameters)
            ?? InviteesError(parameters.GetString(ScheduleMeetingAction.Invitees));
    }

    /// <summary><c>a@x.com, b@y.com</c> → <c>[{email: a@x.com}, {email: b@y.com}]</c>; null when not given.</summary>
    public static IReadOnlyList<MeetingInvitee>? InviteeList(string? invitees) =>
        invitees is null ? null : [.. Split(invitees).Select(email => new MeetingInvitee { Email = email })];

    private static string[] Split(string invitees) =>
        invitees.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? Length(ActionParameters parameters, ParameterDefinition parameter, int maxCharacters)
    {
        var count = parameters.GetString(parameter)?.EnumerateRunes().Count() ?? 0;
        return count > maxCharacters
            ? string.Create(CultureInfo.InvariantCulture, $"Parameter '{parameter.Name}' is {count} characters long; Webex allows at most {maxCharacters}.")
            : null;
    }

    // Webex ignores start and end of an ad-hoc meeting (it starts now), so only their order is checked then.
    private static string? Times(ActionParameters parameters)
    {
        var start = parameters.GetRequiredString(ScheduleMeetingAction.Start);
        var end = parameters.GetRequiredString(ScheduleMeetingAction.End);
        if (TimeRange.Check(ScheduleMeetingAction.Start, start, ScheduleMeetingAction.End, end, allowEqual: false) is { } order)
        {
            return order;
        }

        var duration = TimeRange.Parse(end) - TimeRange.Parse(start);
        return parameters.GetBoolean(ScheduleMeetingAction.Adhoc) != true && (duration < ShortestMeeting || duration > LongestMeeting)
            ? string.Create(CultureInfo.InvariantCulture, $"Parameters 'start' and 'end' must be 10 minutes to 23 hours 59 minutes apart (Webex's limits); they are {duration.TotalMinutes:0.##} minutes apart.")
            : null;
    }

    private static string? AdhocRoom(ActionParameters parameters) =>
        parameters.GetBoolean(ScheduleMeetingAction.Adhoc) == true && parameters.GetString(ScheduleMeetingAction.RoomId) is null
            ? "Parameter 'adhoc' needs 'room_id': Webex creates an ad-hoc meeting for a room."
            : null;

    private static string? JoinBeforeHost(ActionParameters parameters)
    {
        if (parameters.GetInteger(ScheduleMeetingAction.JoinBeforeHostMinutes) is not { } minutes)
        {
            return null;
        }

        var webinar = parameters.GetString(ScheduleMeetingAction.ScheduledType) == "webinar";
        var allowed = webinar ? WebinarJoinMinutes : MeetingJoinMinutes;
        return allowed.Contains(minutes)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"Parameter 'join_before_host_minutes' must be one of {string.Join(", ", allowed)} for a {(webinar ? "webinar" : "meeting")}; got {minutes}.");
    }

    private static string? InviteesError(string? invitees)
    {
        if (invitees is null)
        {
            return null;
        }

        var emails = Split(invitees);
        if (emails.Length == 0)
        {
            return "Parameter 'invitees' holds no e-mail address.";
        }

        if (emails.Length > MaxInvitees)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Parameter 'invitees' holds {emails.Length} e-mail addresses; Webex allows at most {MaxInvitees}.");
        }

        return emails.FirstOrDefault(email => !ParameterValidator.IsEmailAddress(email)) is { } bad
            ? $"Parameter 'invitees' must be comma-separated e-mail addresses; '{TextSanitizer.Excerpt(bad, 80)}' is not one."
            : null;
    }
}
