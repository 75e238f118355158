namespace WebexConnector.Webex;

/// <summary>How much one listing may read at most: items kept and pages requested.</summary>
internal readonly record struct ListingBounds(int MaxItems, int MaxPages);
