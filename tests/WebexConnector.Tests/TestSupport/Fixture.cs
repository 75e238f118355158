using System.Text.Json;

namespace WebexConnector.Tests.TestSupport;

/// <summary>Reads the JSON files under <c>Fixtures/</c>, shaped like real Webex answers (OpenAPI examples).</summary>
internal static class Fixture
{
    public const string RoomsPage1 = "rooms/rooms-page-1.json";
    public const string RoomsPage2 = "rooms/rooms-page-2.json";
    public const string RoomsPage3 = "rooms/rooms-page-3.json";
    public const string RoomsEmpty = "rooms/rooms-empty.json";
    public const string RoomCreated = "rooms/room-created.json";
    public const string RoomDetails = "rooms/room-details.json";
    public const string RoomDetailsPrivate = "rooms/room-details-private.json";
    public const string RoomUpdated = "rooms/room-updated.json";
    public const string PeopleByEmail = "people/people-by-email.json";
    public const string PeopleNotFound = "people/people-not-found.json";
    public const string PersonMe = "people/person-me.json";
    public const string MessageCreated = "messages/message-created.json";
    public const string MembershipCreated = "memberships/membership-created.json";
    public const string MembershipsPage1 = "memberships/memberships-page-1.json";
    public const string MembershipsPage2 = "memberships/memberships-page-2.json";
    public const string MembershipsEmpty = "memberships/memberships-empty.json";
    public const string MessageDetails = "messages/message-details.json";
    public const string MessagesPage1 = "messages/messages-page-1.json";
    public const string MessagesPage2 = "messages/messages-page-2.json";
    public const string MessagesEmpty = "messages/messages-empty.json";
    public const string MeetingCreated = "meetings/meeting-created.json";
    public const string MeetingDetails = "meetings/meeting-details.json";
    public const string MeetingsPage1 = "meetings/meetings-page-1.json";
    public const string Error404 = "errors/not-found-404.json";
    public const string Error401 = "errors/unauthorized-401.json";
    public const string Error400DescriptionOnly = "errors/description-only-400.json";
    public const string Error403NoTrackingId = "errors/no-tracking-id-403.json";

    /// <summary>The file's text, unchanged.</summary>
    public static string Text(string relativePath) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", relativePath));

    /// <summary>The file parsed; raw texts of its elements are slices of the file's text.</summary>
    public static JsonElement Json(string relativePath) => TestJson.Parse(Text(relativePath));

    /// <summary>The <c>items</c> of a list page fixture.</summary>
    public static JsonElement[] Items(string relativePath) => [.. Json(relativePath).GetProperty("items").EnumerateArray()];
}
