namespace WebexConnector.Actions;

/// <summary>What a text parameter must look like, beyond its length; checked before any request is sent.</summary>
internal enum ParameterFormat
{
    /// <summary>Any text.</summary>
    Any,

    /// <summary>One e-mail address, nothing around it.</summary>
    EmailAddress,

    /// <summary>An ISO 8601 date and time with an offset, e.g. <c>2026-11-23T08:00:00Z</c>; sent as given.</summary>
    Timestamp,

    /// <summary>A JSON object, e.g. an adaptive card.</summary>
    JsonObject,

    /// <summary>An absolute <c>http</c> or <c>https</c> URL, e.g. a public file to attach.</summary>
    HttpUrl,

    /// <summary>
    /// An id sent as one URL path segment, e.g. <c>/memberships/{membershipId}</c>: anything but <c>.</c> and <c>..</c>,
    /// which the URL would resolve as a step to another resource (escaped as <c>%2E</c> they count as dots too).
    /// Every other character is escaped by Refit and stays inside the segment.
    /// </summary>
    PathSegment,
}
